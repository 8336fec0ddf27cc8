package io.zhida.identity.internal;

import io.zhida.identity.AuditLog;
import io.zhida.platform.RateLimit;
import io.zhida.platform.RateLimits;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What failed logins cost, for the login form and the token endpoint alike. Two brakes, both checked
 * before the password is:
 * <ul>
 * <li>per client address (Bucket4j, shared by all nodes): a burst of failures, then one more every
 * few minutes, then fewer a day: a guessing client backs off whatever usernames it tries;</li>
 * <li>per username and client address: after a few failures in a row every further failure doubles
 * a delay, up to a ceiling. A stranger's failures delay the stranger, never the owner signing in
 * from elsewhere, and they never touch the owner's API tokens.</li>
 * </ul>
 * Usernames are counted as typed, whether or not such a user exists, so the answers never tell
 * which accounts exist. Successful logins cost nothing.
 */
@Component
class LoginAttempts {

    static final int MAX_USERNAME_KEY = 100;
    /** Failures of one username from all addresses in a day that are worth an audit record (a spread attack). */
    static final int SPREAD_ATTACK_ALERT = 50;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final RateLimits limits;
    private final RateLimit perAddress;
    private final int delayAfter;
    private final Duration maxDelay;

    LoginAttempts(JdbcClient jdbc, AuditLog audit, RateLimits limits,
                  @Value("${zhida.security.login.delay-after:5}") int delayAfter,
                  @Value("${zhida.security.login.max-delay:15m}") Duration maxDelay,
                  @Value("${zhida.security.login.address-burst:10}") int addressBurst,
                  @Value("${zhida.security.login.address-refill:10m}") Duration addressRefill,
                  @Value("${zhida.security.login.address-daily:100}") int addressDaily) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.limits = limits;
        this.delayAfter = delayAfter;
        this.maxDelay = maxDelay;
        this.perAddress = RateLimit.named("login-failures").smoothly(addressBurst, addressRefill)
                .smoothly(addressDaily, Duration.ofDays(1));
    }

    /** Refuses the attempt, before any password is checked, while the address or the username at it must wait. */
    void check(String username, String address) {
        RateLimits.Verdict verdict = limits.peek(perAddress, address);
        if (!verdict.allowed()) {
            throw new LoginThrottledException(verdict.retryAfterSeconds());
        }
        Optional<Long> delayed = secondsDelayed(key(username), address);
        if (delayed.isPresent()) {
            throw new LoginThrottledException(delayed.get());
        }
    }

    void failed(String username, String address) {
        String key = key(username);
        RateLimits.Verdict verdict = limits.tryConsume(perAddress, address);
        if (verdict.allowed() && verdict.remaining() == 0) {
            audit.record("login.throttle", "address", address, "来自 " + address + " 的登录失败过多，该地址须等待后再试", null, null);
        }
        int failures = jdbc.sql("""
                INSERT INTO login_failure (username, client_address, failures, last_failure_at)
                VALUES (:username, :address, 1, now())
                ON CONFLICT (username, client_address) DO UPDATE SET
                    failures = CASE WHEN login_failure.last_failure_at < now() - interval '1 day' THEN 1 ELSE login_failure.failures + 1 END,
                    last_failure_at = now()
                RETURNING failures""").param("username", key).param("address", address).query(Integer.class).single();
        if (failures >= delayAfter) {
            Duration delay = delayAfter(failures);
            jdbc.sql("UPDATE login_failure SET delayed_until = now() + make_interval(secs => :secs) WHERE username = :username AND client_address = :address")
                    .param("secs", delay.toMillis() / 1000.0).param("username", key).param("address", address).update();
            if (failures == delayAfter) {
                audit.record("login.delay", "user", key, "用户名 " + key + " 自 " + address + " 连续 " + failures
                        + " 次登录失败，此后每次失败延迟加倍（最长 " + maxDelay.toMinutes() + " 分钟）", null, null);
            }
        }
        long spread = jdbc.sql("SELECT coalesce(sum(failures), 0) FROM login_failure WHERE username = :username AND last_failure_at > now() - interval '1 day'")
                .param("username", key).query(Long.class).single();
        if (spread == SPREAD_ATTACK_ALERT) {
            audit.record("login.attack-suspected", "user", key, "用户名 " + key + " 一天内已有 " + spread + " 次登录失败（来自多个地址）", null, null);
        }
    }

    void succeeded(String username, String address) {
        jdbc.sql("DELETE FROM login_failure WHERE username = :username AND client_address = :address")
                .param("username", key(username)).param("address", address).update();
    }

    /** An administrator lifts every delay on a username; returns how many addresses were waiting. */
    int clear(String username) {
        return jdbc.sql("DELETE FROM login_failure WHERE username = :username").param("username", key(username)).update();
    }

    /** 2^(n − threshold) seconds: 1 s at the threshold, about 17 minutes ten failures later, capped. */
    Duration delayAfter(int failures) {
        int exponent = Math.min(30, failures - delayAfter);
        Duration delay = Duration.ofSeconds(1L << exponent);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void forgetOldFailures() {
        jdbc.sql("DELETE FROM login_failure WHERE last_failure_at < now() - interval '1 day' AND (delayed_until IS NULL OR delayed_until < now())").update();
    }

    private Optional<Long> secondsDelayed(String username, String address) {
        return jdbc.sql("""
                SELECT CAST(ceil(extract(epoch FROM delayed_until - now())) AS bigint) FROM login_failure
                WHERE username = :username AND client_address = :address AND delayed_until > now()""")
                .param("username", username).param("address", address).query(Long.class).optional();
    }

    static String key(String username) {
        String u = username == null ? "" : username.strip();
        return u.length() <= MAX_USERNAME_KEY ? u : u.substring(0, MAX_USERNAME_KEY);
    }
}
