package io.zhida.identity.internal;

import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration.UserSummary;
import io.zhida.identity.ZhidaUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for people: one query shape loads a principal or a summary with its roles and organisation. */
@Component
public class UserRows {

    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.password_hash, u.region_code, r.name AS region_name,
                   r.level AS region_level, u.department_id, d.name AS department_name, u.enterprise_uscc, u.phone,
                   u.enabled, u.created_at,
                   (SELECT max(f.delayed_until) FROM login_failure f WHERE f.username = u.username) AS delayed_until,
                   coalesce((SELECT string_agg(role, ',') FROM user_role ur WHERE ur.user_id = u.id), '') AS roles
            FROM app_user u
            LEFT JOIN region r ON r.code = u.region_code
            LEFT JOIN department d ON d.id = u.department_id""";

    private final JdbcClient jdbc;

    UserRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ZhidaUser> principal(String username) {
        return jdbc.sql(SELECT + " WHERE u.username = :username").param("username", username).query(UserRows::principal).optional();
    }

    public Optional<ZhidaUser> principal(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(UserRows::principal).optional();
    }

    public Optional<UserSummary> summary(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(UserRows::summary).optional();
    }

    public List<UserSummary> summaries(String query) {
        String q = query == null ? "" : query.trim();
        return jdbc.sql(SELECT + " WHERE :q = '' OR u.username ILIKE :like OR u.display_name ILIKE :like OR d.name ILIKE :like ORDER BY u.id")
                .param("q", q).param("like", "%" + q + "%").query(UserRows::summary).list();
    }

    public Optional<Long> idOf(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username.trim()).query(Long.class).optional();
    }

    public void replaceRoles(long userId, Set<Role> roles) {
        jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", userId).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)").param("id", userId).param("role", role.name()).update();
        }
    }

    private static ZhidaUser principal(ResultSet rs, int n) throws SQLException {
        String regionCode = rs.getString("region_code");
        boolean cityWide = regionCode == null || !"COUNTY".equals(rs.getString("region_level"));
        return new ZhidaUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), roles(rs), regionCode, rs.getString("region_name"),
                (Long) rs.getObject("department_id"), rs.getString("department_name"), cityWide,
                rs.getString("enterprise_uscc"), rs.getBoolean("enabled"));
    }

    private static UserSummary summary(ResultSet rs, int n) throws SQLException {
        Instant delayedUntil = instant(rs.getTimestamp("delayed_until"));
        return new UserSummary(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), roles(rs),
                rs.getString("region_code"), rs.getString("region_name"), (Long) rs.getObject("department_id"),
                rs.getString("department_name"), rs.getString("enterprise_uscc"), rs.getString("phone"),
                rs.getBoolean("enabled"), delayedUntil != null && delayedUntil.isAfter(io.zhida.platform.Today.now()),
                instant(rs.getTimestamp("created_at")));
    }

    private static Set<Role> roles(ResultSet rs) throws SQLException {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
