package io.zhida.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * People by name: records keep the username of who acted (stable, auditable), pages show the person's name —
 * {@code ${@people.name(e.actor())}}. Names are read at most once a minute; anything that is not a user
 * (系统, 定时任务) is shown as recorded.
 */
@Component("people")
public class People {

    private static final Duration FRESH = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private volatile Map<String, String> names = Map.of();
    private volatile Instant readAt = Instant.EPOCH;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        String name = names().get(username);
        return name == null ? username : name;
    }

    private Map<String, String> names() {
        if (readAt.plus(FRESH).isBefore(Instant.now())) {
            Map<String, String> fresh = new java.util.HashMap<>();
            jdbc.sql("SELECT username, display_name FROM app_user").query(rs -> {
                fresh.put(rs.getString(1), rs.getString(2));
            });
            names = Map.copyOf(fresh);
            readAt = Instant.now();
        }
        return names;
    }
}
