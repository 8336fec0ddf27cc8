package io.zhida.platform;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import java.time.Duration;

/**
 * A named limit, e.g. "10 objections per day per address". {@link #allowing} counts in windows
 * ("N per period", refilled all at once when the period is over); {@link #smoothly} refills one
 * token at a time, so a client that keeps going waits a little before each further try; several
 * bandwidths together give a back-off (a burst, then a slower rate, then slower still).
 */
public final class RateLimit {

    private final String name;
    private final ConfigurationBuilder builder = BucketConfiguration.builder();
    private BucketConfiguration configuration;

    private RateLimit(String name) {
        if (!name.matches("[a-z0-9.-]+")) {
            throw new IllegalArgumentException("rate limit names are lower-case words: " + name);
        }
        this.name = name;
    }

    public static RateLimit named(String name) {
        return new RateLimit(name);
    }

    /** At most {@code count} per {@code period}, all given back when the period has passed. */
    public RateLimit allowing(long count, Duration period) {
        builder.addLimit(limit -> limit.capacity(count).refillIntervally(count, period));
        return this;
    }

    /** A burst of {@code count}, then one more every {@code period / count}. */
    public RateLimit smoothly(long count, Duration period) {
        builder.addLimit(limit -> limit.capacity(count).refillGreedy(count, period));
        return this;
    }

    public String name() {
        return name;
    }

    synchronized BucketConfiguration configuration() {
        if (configuration == null) {
            configuration = builder.build();
        }
        return configuration;
    }
}
