package io.zhida.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * How the platform bench times a page or an API call: single threaded, one request after the other,
 * after a warm-up. Every measurement has a time budget so that one page far off its target does not
 * hold up the rest of the run.
 */
final class LatencySampler {

    private static final int WARM_UP = 20;
    /** Time one latency measurement may take before it stops sampling. */
    private static final Duration BUDGET = Duration.ofMinutes(3);

    interface Request {
        HttpResponse send(int i) throws Exception;
    }

    private LatencySampler() {
    }

    /**
     * A warm-up, then n timed requests one after the other: p50, p99, max, in milliseconds. A page far
     * slower than its target stops early (after BUDGET and at least 20 samples); "samples" says how many
     * were taken.
     */
    static Map<String, Object> timed(int n, Request request) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < WARM_UP && System.nanoTime() - t0 < BUDGET.toNanos(); i++) {
            request.send(i);
        }
        Latencies latencies = new Latencies();
        t0 = System.nanoTime();
        for (int i = 0; i < n && (latencies.count() < 20 || System.nanoTime() - t0 < BUDGET.toNanos()); i++) {
            latencies.add(request.send(i).nanos());
        }
        return latencies.spread(1e6);
    }

    /** For the heavy pages: the first call on its own (cold), a warm-up, then a few timed calls (at least 3, within BUDGET). */
    static Map<String, Object> few(Callable<HttpResponse> request, int warmUp, int n) throws Exception {
        double first = request.call().millis();
        for (int i = 1; i < warmUp; i++) {
            request.call();
        }
        Latencies latencies = new Latencies();
        long t0 = System.nanoTime();
        for (int i = 0; i < n && (latencies.count() < 3 || System.nanoTime() - t0 < BUDGET.toNanos()); i++) {
            latencies.add(request.call().nanos());
        }
        Map<String, Object> m = latencies.spread(1e6);
        m.put("first", Latencies.round(first));
        return m;
    }
}
