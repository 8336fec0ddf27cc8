package io.zhida.identity;

import io.zhida.platform.Digests;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The other systems that call the API (the 12345 hotline, the treasury, the provincial platform): an administrator
 * registers one with the scopes it needs; it gets a client id and a secret, shown once, and exchanges them for
 * short-lived tokens (OAuth2 client credentials, {@code POST /api/v1/oauth2/token}).
 */
@Service
public class SystemClients {

    /** A registered system as the administrator sees it. */
    public record Registration(long id, String clientId, String name, Set<Scope> scopes, boolean enabled, String createdBy,
                               Instant createdAt) implements java.io.Serializable {
        public String scopeList() {
            return scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
        }
    }

    /** A new client's credentials: the secret exists only here, the platform keeps its hash. */
    public record Credentials(Registration client, String secret) implements java.io.Serializable {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;

    SystemClients(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public Credentials register(String name, List<String> scopes, String actor) {
        Set<Scope> granted = new LinkedHashSet<>();
        Validation v = new Validation().requireText(name, "name", "系统名称", 100);
        v.require(name == null || jdbc.sql("SELECT count(*) FROM system_client WHERE name = ? AND enabled").param(name.trim())
                .query(Long.class).single() == 0, "name", "已有同名的对接系统在用");
        v.require(scopes != null && !scopes.isEmpty(), "scopes", "请至少选择一项权限");
        if (scopes != null) {
            for (String s : scopes) {
                Optional<Scope> scope = Scope.of(s);
                v.require(scope.isPresent(), "scopes", "未知权限：" + s + "（可选 " + Arrays.stream(Scope.values()).map(Scope::value)
                        .collect(Collectors.joining("、")) + "）");
                scope.ifPresent(granted::add);
            }
        }
        v.throwIfInvalid();
        String clientId = "zc_" + token(12);
        String secret = token(32);
        long id = jdbc.sql("""
                INSERT INTO system_client (client_id, name, secret_hash, scopes, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(clientId, name.trim(), Digests.sha256(secret), granted.stream().map(Scope::value).toArray(String[]::new), actor)
                .query(Long.class).single();
        Registration client = find(id).orElseThrow();
        audit.record("client.register", "system_client", clientId, "登记对接系统 " + client.name() + "（" + client.scopeList() + "）", null,
                client.scopeList());
        return new Credentials(client, secret);
    }

    public List<Registration> all() {
        return jdbc.sql("SELECT id, client_id, name, scopes, enabled, created_by, created_at FROM system_client ORDER BY id")
                .query((rs, n) -> registration(rs)).list();
    }

    public Optional<Registration> find(long id) {
        return jdbc.sql("SELECT id, client_id, name, scopes, enabled, created_by, created_at FROM system_client WHERE id = ?").param(id)
                .query((rs, n) -> registration(rs)).optional();
    }

    /** The registration id of the system with this client id. */
    public Optional<Long> idOf(String clientId) {
        return jdbc.sql("SELECT id FROM system_client WHERE client_id = ?").param(clientId).query(Long.class).optional();
    }

    /** Stops a system at once: its tokens stop working with it. */
    @Transactional
    public void disable(long id, String actor) {
        Registration client = find(id).orElseThrow(() -> new NotFoundException("对接系统不存在"));
        jdbc.sql("UPDATE system_client SET enabled = FALSE WHERE id = ?").param(id).update();
        jdbc.sql("DELETE FROM client_token WHERE client = ?").param(id).update();
        audit.record("client.disable", "system_client", client.clientId(), "停用对接系统 " + client.name(), "启用", "停用");
    }

    private static Registration registration(java.sql.ResultSet rs) throws java.sql.SQLException {
        Set<Scope> scopes = Arrays.stream((String[]) rs.getArray("scopes").getArray()).map(Scope::of).flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new Registration(rs.getLong("id"), rs.getString("client_id"), rs.getString("name"), scopes, rs.getBoolean("enabled"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
