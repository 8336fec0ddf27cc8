package io.zhida.funds;

import io.zhida.platform.SqlScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo city's past year of grants, 免申即享 runs and pools, written by this module into its own tables only
 * from the applications history's {@code demo_application} (see {@code demo-history.sql}). Never used outside the demo.
 */
@Component
public class GrantHistory {

    private final JdbcClient jdbc;

    GrantHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Grants with 公示 and payment times, monthly 免申即享 runs, pools that add up; leaves {@code demo_grant}. */
    public void write() {
        SqlScript.run(jdbc, GrantHistory.class, "demo-history.sql");
    }
}
