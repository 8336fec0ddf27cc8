package io.zhida.identity.internal;

import io.zhida.identity.AuditLog;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a while after repeated wrong passwords, for the login form and the token
 * endpoint alike (both go through the same authentication manager).
 */
@Component
class LoginAttempts {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final int maxFailures;
    private final Duration lockout;

    LoginAttempts(JdbcClient jdbc, AuditLog audit, @Value("${zhida.security.max-failed-logins}") int maxFailures,
                  @Value("${zhida.security.lockout}") Duration lockout) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        Boolean locked = jdbc.sql("""
                UPDATE app_user SET failed_logins = failed_logins + 1,
                       locked_until = CASE WHEN failed_logins + 1 >= :max THEN now() + make_interval(secs => :secs) ELSE locked_until END
                WHERE username = :username RETURNING failed_logins >= :max""")
                .param("max", maxFailures).param("secs", lockout.toSeconds()).param("username", username)
                .query(Boolean.class).optional().orElse(false);
        if (locked) {
            jdbc.sql("UPDATE app_user SET failed_logins = 0 WHERE username = :username").param("username", username).update();
            audit.record("user.lock", "user", username, "连续" + maxFailures + "次密码错误，账户锁定" + lockout.toMinutes() + "分钟", null, null);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = :username AND (failed_logins > 0 OR locked_until IS NOT NULL)")
                .param("username", event.getAuthentication().getName()).update();
    }
}
