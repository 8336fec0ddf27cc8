package io.zhida.backtoback;

import io.zhida.identity.Organisations;
import io.zhida.platform.SqlScript;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The parts of the demo city's past year that the back-to-back services cannot date back themselves — 码上评 over the
 * year, a round's invitations as the people drawn received them — in this module's own tables. Demo only.
 */
@Component
public class BackToBackHistory {

    private final JdbcClient jdbc;
    private final Organisations organisations;

    BackToBackHistory(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /** 码上评 at every county hall and city department, spread over the year. */
    public void unitRatings() {
        jdbc.sql("CREATE TEMP TABLE demo_unit (kind TEXT NOT NULL, code TEXT NOT NULL) ON COMMIT DROP").update();
        organisations.counties().forEach(c -> jdbc.sql("INSERT INTO demo_unit VALUES ('COUNTY', ?)").param(c.code()).update());
        organisations.cityDepartments().forEach(d -> jdbc.sql("INSERT INTO demo_unit VALUES ('DEPARTMENT', ?)").param(d.code()).update());
        SqlScript.run(jdbc, BackToBackHistory.class, "demo-unit-ratings.sql");
    }

    /** The invitations of a round, as the people drawn received them by SMS. */
    public List<String> invitations(long round) {
        return jdbc.sql("SELECT token FROM b2b_draw WHERE round_id = ? ORDER BY sample_id").param(round).query(String.class).list();
    }
}
