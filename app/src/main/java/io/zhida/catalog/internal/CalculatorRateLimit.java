package io.zhida.catalog.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A fixed one-minute window per client address for the public calculator: enough for a person,
 * too little for a scraper. Per node; a shared limiter belongs in front of a multi-node deployment.
 */
@Component
public class CalculatorRateLimit {

    private record Window(long minute, AtomicInteger count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock = Clock.systemUTC();

    CalculatorRateLimit(@Value("${zhida.calculator.requests-per-minute:60}") int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts the request; false when the client has used up this minute. */
    public boolean tryAcquire(String client) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window window = windows.compute(client, (k, w) -> w == null || w.minute() != minute ? new Window(minute, new AtomicInteger()) : w);
        return window.count().incrementAndGet() <= perMinute;
    }
}
