package io.zhida.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The event publication registry (Spring Modulith's, kept in the platform's database): what listeners still owe. */
@Component
public class EventPublications {

    private final JdbcClient jdbc;

    EventPublications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Events published whose listeners have not all completed yet. */
    public long incomplete() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single();
    }
}
