package io.zhida.catalog.internal;

import io.zhida.platform.RateLimit;
import io.zhida.platform.RateLimits;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public calculator's allowance per client address, for the API and the portal page together:
 * generous for a person, too little for a scraper; counted in PostgreSQL, so across all app nodes.
 */
@Component
public class CalculatorRateLimit {

    private final RateLimits limits;
    private final RateLimit perAddress;

    CalculatorRateLimit(RateLimits limits, @Value("${zhida.calculator.requests-per-minute:60}") int perMinute) {
        this.limits = limits;
        this.perAddress = RateLimit.named("calculator").allowing(perMinute, Duration.ofMinutes(1));
    }

    /** Counts the request, or throws a 429 that says how long to wait. */
    public void acquire(String clientAddress) {
        limits.consume(perAddress, clientAddress, "计算请求过于频繁");
    }
}
