package io.zhida.insight;

/**
 * A word and in how many texts of the selection it occurs (a text counts once however often it repeats the word), and in
 * how many of the period just before.
 */
public record HotWord(String word, int count, int previous) {

    /** The change against the period before: +3, −2. */
    @com.fasterxml.jackson.annotation.JsonProperty("rise")
    public int rise() {
        return count - previous;
    }

    /** The change as a share of the period before, in whole percent; null when the word is new. */
    @com.fasterxml.jackson.annotation.JsonProperty("risePercent")
    public Integer risePercent() {
        return previous == 0 ? null : (int) Math.round((count - previous) * 100.0 / previous);
    }
}
