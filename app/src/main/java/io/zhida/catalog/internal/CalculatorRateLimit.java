package io.zhida.catalog.internal;

import io.zhida.platform.RateLimit;
import io.zhida.platform.RateLimits;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public calculator's allowance per client address, for the API and the portal page together:
 * generous for a person, too little for a scraper; counted in PostgreSQL, so across all app nodes. Staff calling
 * with their own bearer token (a department's system behind one gateway address, an author testing rules) are
 * counted per person instead, with a larger allowance, so that one busy office does not use up its colleagues' calls.
 */
@Component
public class CalculatorRateLimit {

    private final RateLimits limits;
    private final RateLimit perAddress;
    private final RateLimit perStaffMember;

    CalculatorRateLimit(RateLimits limits, @Value("${zhida.calculator.requests-per-minute:60}") int perMinute,
                        @Value("${zhida.calculator.staff-requests-per-minute:1200}") int perStaffMinute) {
        this.limits = limits;
        this.perAddress = RateLimit.named("calculator").allowing(perMinute, Duration.ofMinutes(1));
        this.perStaffMember = RateLimit.named("calculator-staff").allowing(perStaffMinute, Duration.ofMinutes(1));
    }

    /** A signed-in staff member is counted by who they are; anyone else by address. */
    public void acquire(io.zhida.identity.ZhidaUser user, String clientAddress) {
        if (user != null && io.zhida.identity.AccessPolicy.STAFF.allows(user)) {
            limits.consume(perStaffMember, "user:" + user.id(), "计算请求过于频繁");
        } else {
            acquire(clientAddress);
        }
    }

    /** Counts the request, or throws a 429 that says how long to wait. */
    public void acquire(String clientAddress) {
        limits.consume(perAddress, clientAddress, "计算请求过于频繁");
    }
}
