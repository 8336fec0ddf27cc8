package io.zhida.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * People by name: records keep the username of who acted (stable, auditable), pages show the person's name —
 * {@code ${@people.name(e.actor())}}. Names are read at most once a minute, and again (at most every 5 s) for a name not
 * yet known; the platform's own steps ("system") read 系统自动, and anything else that is not a user is shown as recorded.
 */
@Component("people")
public class People {

    private static final Duration FRESH = Duration.ofMinutes(1);
    /** A name not known is looked up again, at most this often (a user created a moment ago is shown by name at once). */
    private static final Duration MISS = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private volatile Map<String, String> names = Map.of();
    private volatile Instant readAt = Instant.EPOCH;
    private final Clock clock;

    People(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        if (CurrentUser.SYSTEM.equals(username)) { // scheduled and event-driven steps: in words, not the recorded marker
            return "系统自动";
        }
        String name = names().get(username);
        if (name == null && readAt.plus(MISS).isBefore(clock.instant())) { // someone added since the last read
            read();
            name = names.get(username);
        }
        return name == null ? username : name;
    }

    /** Someone who holds a role, for choosing (the centre dispatching to a 政策专员). */
    public record Person(String username, String displayName) {
    }

    /** The enabled people holding the role, by name. */
    public java.util.List<Person> withRole(Role role) {
        return jdbc.sql("""
                SELECT u.username, u.display_name FROM app_user u JOIN user_role r ON r.user_id = u.id
                WHERE r.role = ? AND u.enabled ORDER BY u.display_name""").param(role.name())
                .query((rs, n) -> new Person(rs.getString(1), rs.getString(2))).list();
    }

    /** The code of the department the person works in, if any (a ledger problem about their work goes to it). */
    public java.util.Optional<String> departmentCode(String username) {
        return jdbc.sql("SELECT d.code FROM app_user u JOIN department d ON d.id = u.department_id WHERE u.username = ?").param(username)
                .query(String.class).optional();
    }

    /** The county a person works for (their own, or their department's); empty for city-level staff. */
    public java.util.Optional<String> county(String username) {
        return jdbc.sql("""
                SELECT r.code FROM app_user u LEFT JOIN department d ON d.id = u.department_id
                JOIN region r ON r.code = coalesce(u.region_code, d.region_code) WHERE u.username = ? AND r.level = 'COUNTY'""")
                .param(username).query(String.class).optional();
    }

    /** Whether the username is an enabled staff member (anyone but an enterprise's own user). */
    public boolean isStaff(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE u.username = ? AND u.enabled AND r.role <> 'ENTERPRISE'")
                .param(username).query(Long.class).single() > 0;
    }

    /** Whether the username is an enabled person holding the role. */
    public boolean holds(String username, Role role) {
        return jdbc.sql("SELECT count(*) FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE u.username = ? AND r.role = ? AND u.enabled")
                .params(username, role.name()).query(Long.class).single() > 0;
    }

    private Map<String, String> names() {
        if (readAt.plus(FRESH).isBefore(clock.instant())) {
            read();
        }
        return names;
    }

    private void read() {
        Map<String, String> fresh = new java.util.HashMap<>();
        jdbc.sql("SELECT username, display_name FROM app_user").query(rs -> {
            fresh.put(rs.getString(1), rs.getString(2));
        });
        names = Map.copyOf(fresh);
        readAt = clock.instant();
    }
}
