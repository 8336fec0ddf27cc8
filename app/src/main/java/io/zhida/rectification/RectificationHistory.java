package io.zhida.rectification;

import io.zhida.platform.SqlScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The demo city's appeals and the ledger's progress over the past year, in this module's own tables. Demo only. */
@Component
public class RectificationHistory {

    private final JdbcClient jdbc;

    RectificationHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appeals drawn from the applications history's {@code demo_application}. */
    public void appeals() {
        SqlScript.run(jdbc, RectificationHistory.class, "demo-appeals.sql");
    }

    /** Older problems have moved on: measures, reports with evidence, re-checks. */
    public void progress() {
        SqlScript.run(jdbc, RectificationHistory.class, "demo-ledger.sql");
    }
}
