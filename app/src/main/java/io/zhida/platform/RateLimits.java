package io.zhida.platform;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/**
 * Counts against {@link RateLimit}s per key (a client address, a contact, …) in token buckets kept
 * in PostgreSQL (Bucket4j), so every app node sees the same counts and a restart forgets nothing.
 */
@Service
public class RateLimits {

    /** Whether the request may go ahead (and how many more may), and if not, how long until it may. */
    public record Verdict(boolean allowed, long remaining, long retryAfterSeconds) {
    }

    private final ProxyManager<String> buckets;

    RateLimits(ProxyManager<String> buckets) {
        this.buckets = buckets;
    }

    /** Takes one token if there is one. */
    public Verdict tryConsume(RateLimit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        return new Verdict(probe.isConsumed(), probe.getRemainingTokens(), seconds(probe.getNanosToWaitForRefill()));
    }

    /** Whether a token is there, without taking it: for limits that count only failures. */
    public Verdict peek(RateLimit limit, String key) {
        EstimationProbe probe = bucket(limit, key).estimateAbilityToConsume(1);
        return new Verdict(probe.canBeConsumed(), probe.getRemainingTokens(), seconds(probe.getNanosToWaitForRefill()));
    }

    /** Takes one token or throws a 429 whose message starts with {@code what} and says how long to wait. */
    public void consume(RateLimit limit, String key, String what) {
        Verdict verdict = tryConsume(limit, key);
        if (!verdict.allowed()) {
            throw TooManyRequestsException.of(what, verdict.retryAfterSeconds());
        }
    }

    /** Forgets a key's count (an administrator lifting a limit). */
    public void reset(RateLimit limit, String key) {
        buckets.removeProxy(id(limit, key));
    }

    private io.github.bucket4j.Bucket bucket(RateLimit limit, String key) {
        return buckets.builder().build(id(limit, key), limit::configuration);
    }

    private static String id(RateLimit limit, String key) {
        String k = key == null ? "" : key;
        return limit.name() + ":" + (k.length() <= 120 ? k : Digests.sha256(k));
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }

}
