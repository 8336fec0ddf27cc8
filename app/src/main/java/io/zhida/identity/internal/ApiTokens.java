package io.zhida.identity.internal;

import io.zhida.identity.ZhidaUser;
import io.zhida.platform.Digests;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque bearer tokens for API clients. Only a SHA-256 of each token is stored, so a database dump
 * does not hand out working tokens; any app node can check a token.
 */
@Component
public class ApiTokens {

    public record Issued(String token, long expiresIn) {
    }

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final UserRows users;
    private final Duration ttl;

    ApiTokens(JdbcClient jdbc, UserRows users, @Value("${zhida.security.token-ttl}") Duration ttl) {
        this.jdbc = jdbc;
        this.users = users;
        this.ttl = ttl;
    }

    public Issued issue(ZhidaUser user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("DELETE FROM api_token WHERE expires_at < now()").update();
        jdbc.sql("INSERT INTO api_token (token_hash, user_id, expires_at) VALUES (:hash, :user, now() + make_interval(secs => :secs))")
                .param("hash", Digests.sha256(token)).param("user", user.id()).param("secs", ttl.toSeconds()).update();
        return new Issued(token, ttl.toSeconds());
    }

    /**
     * The enabled user a live token belongs to. Failed logins by anyone (the owner included) do not
     * touch tokens: only disabling the user or the token's expiry ends one.
     */
    Optional<ZhidaUser> resolve(String token) {
        return jdbc.sql("SELECT user_id FROM api_token WHERE token_hash = :hash AND expires_at > now()")
                .param("hash", Digests.sha256(token)).query(Long.class).optional()
                .flatMap(users::principal)
                .filter(ZhidaUser::isEnabled);
    }

}
