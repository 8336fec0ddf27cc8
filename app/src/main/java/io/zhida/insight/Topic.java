package io.zhida.insight;

import java.util.List;

/**
 * A small group of hot words that occur together: its seed (the most frequent of them) and the hot words found with the
 * seed in at least half of their own texts. A text is of the topic when it holds at least two of its words.
 *
 * @param name        the words in the order they usually come in the texts, joined by ·
 * @param words       seed first, then the others by how often they occur with it
 * @param together    for each word after the seed, in how many texts it occurs with the seed
 * @param count       the texts of the topic in the selection
 * @param previous    the texts of the topic in the period just before
 */
public record Topic(String name, List<String> words, List<Integer> together, int count, int previous) {

    public Topic {
        words = List.copyOf(words);
        together = List.copyOf(together);
    }

    @com.fasterxml.jackson.annotation.JsonProperty("rise")
    public int rise() {
        return count - previous;
    }

    /** Why these words form a topic, in words: "“研发”与 费用（12 条）、加计（12 条）同现". */
    @com.fasterxml.jackson.annotation.JsonProperty("explanation")
    public String explanation() {
        StringBuilder s = new StringBuilder("“" + words.get(0) + "”与 ");
        for (int i = 1; i < words.size(); i++) {
            s.append(i > 1 ? "、" : "").append(words.get(i)).append("（").append(together.get(i - 1)).append(" 条）");
        }
        return s.append(" 同现").toString();
    }

    /** The words as one request parameter: a,b,c. */
    public String key() {
        return String.join(",", words);
    }
}
