package io.zhida.assistance;

import io.zhida.platform.SqlScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The demo city's 帮办代办 over the past year, in this module's own tables. Demo only. */
@Component
public class AssistanceHistory {

    private final JdbcClient jdbc;

    AssistanceHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Requests drawn from the applications history's {@code demo_application}, and a few of the last days still open. */
    public void write() {
        SqlScript.run(jdbc, AssistanceHistory.class, "demo-assistance.sql");
    }
}
