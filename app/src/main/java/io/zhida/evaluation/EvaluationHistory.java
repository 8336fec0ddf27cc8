package io.zhida.evaluation;

import java.sql.Timestamp;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The part of the demo city's past year that the survey services cannot date back themselves — a phone survey's answers
 * over its months — in this module's own tables. Everything else the demo evaluates through the services. Demo only.
 */
@Component
public class EvaluationHistory {

    private final JdbcClient jdbc;

    EvaluationHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The survey's answers spread over the period it asked about, instead of all today. */
    public void spreadSurveyAnswers(long survey, LocalDate from, LocalDate to) {
        jdbc.sql("UPDATE survey_answer SET answered_at = CAST(? AS timestamptz) + random() * CAST(? AS int) * interval '1 day' WHERE survey_id = ?")
                .params(Timestamp.valueOf(from.atTime(10, 0)), (int) (to.toEpochDay() - from.toEpochDay()), survey).update();
    }
}
