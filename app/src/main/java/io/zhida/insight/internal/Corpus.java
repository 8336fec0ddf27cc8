package io.zhida.insight.internal;

import io.zhida.insight.DemandText;
import io.zhida.insight.HotWord;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Texts with their words, newest first: what every count of the analysis is taken over. Immutable. */
public final class Corpus {

    /** A text and its distinct words in the order they first come. */
    public record Doc(DemandText text, List<String> words, Set<String> wordSet) {

        public Doc(DemandText text, List<String> words) {
            this(text, List.copyOf(new java.util.LinkedHashSet<>(words)), Set.copyOf(words));
        }

        public boolean has(String word) {
            return wordSet.contains(word);
        }

        public YearMonth month() {
            return YearMonth.from(text.date());
        }
    }

    /**
     * Which texts a word or a topic stands for: one word, the texts holding it; a topic's words, the texts holding at
     * least two of them.
     */
    public record Selector(List<String> words) {
        public Selector {
            words = List.copyOf(words);
        }

        public boolean matches(Doc d) {
            int need = Math.min(2, words.size());
            int found = 0;
            for (String w : words) {
                if (d.has(w) && ++found >= need) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Most texts first, then the word in code-point order: the same input always ranks the same. */
    static final Comparator<Map.Entry<String, Integer>> RANK = Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey());

    private final List<Doc> docs;

    public Corpus(List<Doc> docs) {
        this.docs = List.copyOf(docs);
    }

    public List<Doc> docs() {
        return docs;
    }

    public int size() {
        return docs.size();
    }

    public Corpus where(Predicate<DemandText> p) {
        return new Corpus(docs.stream().filter(d -> p.test(d.text())).toList());
    }

    /** In how many texts each word occurs. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        docs.forEach(d -> d.words().forEach(w -> counts.merge(w, 1, Integer::sum)));
        return counts;
    }

    /** The {@code n} words in most texts, each with its count in {@code before}. */
    public List<HotWord> top(int n, Corpus before) {
        List<Map.Entry<String, Integer>> ranked = counts().entrySet().stream().sorted(RANK).limit(n).toList();
        Map<String, Integer> earlier = before == null ? Map.of() : before.counts();
        return ranked.stream().map(e -> new HotWord(e.getKey(), e.getValue(), earlier.getOrDefault(e.getKey(), 0))).toList();
    }

    public int count(Selector s) {
        return (int) docs.stream().filter(s::matches).count();
    }

    public List<Doc> matching(Selector s) {
        return docs.stream().filter(s::matches).toList();
    }

    /** Texts per source, most first. */
    public Map<String, Integer> bySource() {
        Map<String, Integer> counts = new HashMap<>();
        docs.forEach(d -> counts.merge(d.text().source(), 1, Integer::sum));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(RANK).forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** The texts by a key (a text whose key is null is left out), the keys with most texts first, then by key. */
    public Map<String, Corpus> groupBy(Function<DemandText, String> key) {
        Map<String, List<Doc>> groups = new HashMap<>();
        docs.forEach(d -> {
            String k = key.apply(d.text());
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(d);
            }
        });
        Map<String, Corpus> ordered = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, List<Doc>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey)).forEach(e -> ordered.put(e.getKey(), new Corpus(e.getValue())));
        return ordered;
    }
}
