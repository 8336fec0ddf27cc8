package io.zhida.evaluation;

import io.zhida.identity.Organisations;
import io.zhida.platform.SqlScript;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The parts of the demo city's past year that the evaluation services cannot date back themselves — 码上评 over the
 * year, a phone survey's answers over its months, a round's invitations to answer — in this module's own tables.
 * Everything else the demo evaluates through the services. Demo only.
 */
@Component
public class EvaluationHistory {

    private final JdbcClient jdbc;
    private final Organisations organisations;

    EvaluationHistory(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /** 码上评 at every county hall and city department, spread over the year. */
    public void unitRatings() {
        jdbc.sql("CREATE TEMP TABLE demo_unit (kind TEXT NOT NULL, code TEXT NOT NULL) ON COMMIT DROP").update();
        organisations.counties().forEach(c -> jdbc.sql("INSERT INTO demo_unit VALUES ('COUNTY', ?)").param(c.code()).update());
        organisations.cityDepartments().forEach(d -> jdbc.sql("INSERT INTO demo_unit VALUES ('DEPARTMENT', ?)").param(d.code()).update());
        SqlScript.run(jdbc, EvaluationHistory.class, "demo-unit-ratings.sql");
    }

    /** The survey's answers spread over the period it asked about, instead of all today. */
    public void spreadSurveyAnswers(long survey, LocalDate from, LocalDate to) {
        jdbc.sql("UPDATE survey_answer SET answered_at = CAST(? AS timestamptz) + random() * CAST(? AS int) * interval '1 day' WHERE survey_id = ?")
                .params(Timestamp.valueOf(from.atTime(10, 0)), (int) (to.toEpochDay() - from.toEpochDay()), survey).update();
    }

    /** The invitations of a round, as the people drawn received them by SMS. */
    public List<String> invitations(long round) {
        return jdbc.sql("SELECT token FROM b2b_draw WHERE round_id = ? ORDER BY sample_id").param(round).query(String.class).list();
    }
}
