package io.zhida.identity.internal;

import io.zhida.identity.Scope;
import io.zhida.identity.SystemClient;
import io.zhida.platform.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Client-credentials tokens: a system's id and secret in, a short-lived opaque token carrying the scopes it asked
 * for out. As with people's tokens only SHA-256 hashes are stored, so any node checks any token and a dump hands out
 * none. A secret is 256 random bits, so a plain hash is enough to keep it.
 */
@Component
public class ClientTokens {

    /** A token issued: what the token endpoint answers. */
    public record Issued(String token, long expiresIn, Set<Scope> scopes) {
    }

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Duration ttl;

    ClientTokens(JdbcClient jdbc, @Value("${zhida.security.client-token-ttl:PT1H}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttl = ttl;
    }

    /** The enabled client with this id whose secret matches, compared in constant time; empty otherwise. */
    public Optional<SystemClient> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null || clientId.length() > 64 || secret.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, client_id, name, scopes, secret_hash FROM system_client WHERE client_id = ? AND enabled")
                .param(clientId).query((rs, n) -> MessageDigest.isEqual(rs.getString("secret_hash").getBytes(StandardCharsets.US_ASCII),
                        Digests.sha256(secret).getBytes(StandardCharsets.US_ASCII))
                        ? new SystemClient(rs.getLong("id"), rs.getString("client_id"), rs.getString("name"), scopes((String[]) rs.getArray("scopes").getArray()))
                        : null)
                .optional();
    }

    public Issued issue(SystemClient client, Set<Scope> scopes) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("DELETE FROM client_token WHERE expires_at < now()").update();
        jdbc.sql("INSERT INTO client_token (token_hash, client, scopes, expires_at) VALUES (?, ?, ?, now() + make_interval(secs => ?))")
                .params(Digests.sha256(token), client.id(), scopes.stream().map(Scope::value).toArray(String[]::new), ttl.toSeconds()).update();
        return new Issued(token, ttl.toSeconds(), scopes);
    }

    /** The client a live token belongs to, with the token's scopes; a disabled client's tokens are gone. */
    Optional<SystemClient> resolve(String token) {
        return jdbc.sql("""
                        SELECT c.id, c.client_id, c.name, t.scopes FROM client_token t JOIN system_client c ON c.id = t.client
                        WHERE t.token_hash = ? AND t.expires_at > now() AND c.enabled""")
                .param(Digests.sha256(token))
                .query((rs, n) -> new SystemClient(rs.getLong(1), rs.getString(2), rs.getString(3), scopes((String[]) rs.getArray(4).getArray())))
                .optional();
    }

    private static Set<Scope> scopes(String[] values) {
        return Arrays.stream(values).map(Scope::of).flatMap(Optional::stream).collect(Collectors.toSet());
    }

}
