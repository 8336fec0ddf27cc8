package io.zhida.insight;

import java.util.List;

/** Counts per month of some words or topics: the months in order, and one series per word or topic. */
public record Trend(List<String> months, List<Series> series) {

    public Trend {
        months = List.copyOf(months);
        series = List.copyOf(series);
    }

    /** One word's or topic's texts per month, and each month's change against the month before (the first against its own). */
    public record Series(String name, List<Integer> counts, List<Integer> rises) {
        public Series {
            counts = List.copyOf(counts);
            rises = List.copyOf(rises);
        }
    }
}
