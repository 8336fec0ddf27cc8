package io.zhida.identity.internal;

import io.zhida.identity.SystemClient;
import io.zhida.platform.RateLimit;
import io.zhida.platform.RateLimits;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Each system client's allowance of API calls, shared by all nodes: a runaway integration cannot crowd out people. */
@Component
class ClientCallLimit {

    private final RateLimits limits;
    private final RateLimit perClient;

    ClientCallLimit(RateLimits limits, @Value("${zhida.security.client-calls-per-minute:600}") int perMinute) {
        this.limits = limits;
        this.perClient = RateLimit.named("system-client-calls").allowing(perMinute, Duration.ofMinutes(1));
    }

    /** Counts the call, or throws a 429 saying how long to wait. */
    void admit(SystemClient client) {
        limits.consume(perClient, client.clientId(), "对接系统调用过于频繁");
    }
}
