package io.zhida.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One allowance per client address for the forms anyone may post without an account (questionnaire
 * answers, 背靠背 answers, 码上评 ratings): generous, because a service hall's visitors may share one
 * address, yet it stops a script trying tokens or transaction numbers.
 */
@Component
public class PublicFormLimit {

    private final RateLimits limits;
    private final RateLimit perAddress;

    PublicFormLimit(RateLimits limits, @Value("${zhida.evaluation.public-posts-per-hour:60}") int perHour) {
        this.limits = limits;
        this.perAddress = RateLimit.named("evaluation-forms").allowing(perHour, Duration.ofHours(1));
    }

    /** Counts the post, or throws a 429 whose message says how long to wait. */
    public void acquire(HttpServletRequest request) {
        limits.consume(perAddress, ClientAddress.of(request), "提交过于频繁");
    }
}
