package io.zhida.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per-operation timings and their percentiles. */
final class Latencies {

    private long[] nanos = new long[256];
    private int n;

    void add(long elapsedNanos) {
        if (n == nanos.length) {
            nanos = Arrays.copyOf(nanos, n * 2);
        }
        nanos[n++] = elapsedNanos;
    }

    int count() {
        return n;
    }

    double percentile(double p) {
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, index))];
    }

    double mean() {
        return Arrays.stream(nanos, 0, n).average().orElse(0);
    }

    /** {"p50", "p99"} in the given unit (1e3 for µs, 1e6 for ms). */
    Map<String, Object> summary(double unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", round(percentile(50) / unit));
        m.put("p99", round(percentile(99) / unit));
        m.put("samples", n);
        return m;
    }

    /** p50, p99, the slowest and the count, in the given unit: for the platform bench, where a slow outlier matters. */
    Map<String, Object> spread(double unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", round(percentile(50) / unit));
        m.put("p99", round(percentile(99) / unit));
        m.put("max", round(percentile(100) / unit));
        m.put("samples", n);
        return m;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
