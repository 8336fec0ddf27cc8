package io.zhida.notify;

import io.zhida.platform.SqlScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The demo city's pushes spread over the past year and read or not, in this module's own tables. Demo only. */
@Component
public class InboxHistory {

    private final JdbcClient jdbc;

    InboxHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void spreadOverTheYear() {
        SqlScript.run(jdbc, InboxHistory.class, "demo-history.sql");
    }
}
