package io.zhida.applications;

import io.zhida.platform.SqlScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo city's past year of applications, written by this module into its own tables only (the demo module
 * orchestrates; see {@code demo-history.sql} for the working tables it reads and leaves). Never used outside the demo.
 */
@Component
public class ApplicationHistory {

    private final JdbcClient jdbc;

    ApplicationHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether no application was ever made: a fresh city. */
    public boolean none() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM application)").query(Boolean.class).single();
    }

    /** Applications at every stage with timelines, time-limit tasks, reviews and ratings; leaves {@code demo_application}. */
    public void write() {
        SqlScript.run(jdbc, ApplicationHistory.class, "demo-history.sql");
    }

    /** Points each approved application at its grant, from the funds history's {@code demo_grant}. */
    public void linkGrants() {
        SqlScript.run(jdbc, ApplicationHistory.class, "demo-grants.sql");
    }
}
