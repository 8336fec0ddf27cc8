package io.zhida.evaluation.internal;

import io.zhida.evaluation.Survey;
import java.sql.Array;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SurveyRows {

    private final JdbcClient jdbc;

    SurveyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String title, Long campaign, String item, int quota, String actor) {
        return jdbc.sql("INSERT INTO survey (title, campaign_id, item_code, quota, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(title, campaign, item, quota, actor).query(Long.class).single();
    }

    public void insertQuestion(long survey, int position, Survey.NewQuestion q) {
        jdbc.sql("INSERT INTO survey_question (survey_id, position, kind, text, options, measure, required) "
                        + "VALUES (?, ?, ?, ?, string_to_array(?, '|'), ?, ?)")
                .params(survey, position, q.kind().name(), q.text(), String.join("|", q.options()), q.measure(), q.required()).update();
    }

    public Optional<Survey> find(long id) {
        return jdbc.sql("SELECT id, title, campaign_id, item_code, quota, status, created_by, created_at FROM survey WHERE id = ?").param(id)
                .query((rs, n) -> new Survey(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), questions(rs.getLong(1)))).optional();
    }

    public List<Survey> all(Long campaign) {
        return jdbc.sql("SELECT id FROM survey WHERE (CAST(? AS bigint) IS NULL OR campaign_id = ?) ORDER BY id DESC").params(campaign, campaign)
                .query(Long.class).list().stream().map(id -> find(id).orElseThrow()).toList();
    }

    public List<Survey.Question> questions(long survey) {
        return jdbc.sql("SELECT id, position, kind, text, options, measure, required FROM survey_question WHERE survey_id = ? ORDER BY position")
                .param(survey)
                .query((rs, n) -> {
                    Array options = rs.getArray(5);
                    return new Survey.Question(rs.getLong(1), rs.getInt(2), Survey.Kind.valueOf(rs.getString(3)), rs.getString(4),
                            options == null ? List.of() : Arrays.asList((String[]) options.getArray()), rs.getString(6), rs.getBoolean(7));
                }).list();
    }

    public boolean invite(String token, long survey, String uscc, String region, String channel) {
        return jdbc.sql("INSERT INTO survey_invitation (token, survey_id, uscc, region, channel) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(token, survey, uscc, region, channel).update() == 1;
    }

    public record Invitation(String token, long survey, String uscc, String region, String channel) {
    }

    public Optional<Invitation> invitation(String token) {
        return jdbc.sql("SELECT token, survey_id AS survey, uscc, region, channel FROM survey_invitation WHERE token = ?").param(token)
                .query(Invitation.class).optional();
    }

    /** Empty when this respondent already answered this survey. */
    public Optional<Long> insertAnswer(long survey, String respondent, String uscc, String region, String channel, String enteredBy) {
        return jdbc.sql("""
                        INSERT INTO survey_answer (survey_id, respondent, uscc, region, channel, entered_by) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (survey_id, respondent) DO NOTHING RETURNING id""")
                .params(survey, respondent, uscc, region, channel, enteredBy).query(Long.class).optional();
    }

    public void insertValue(long answer, long question, String value) {
        jdbc.sql("INSERT INTO survey_answer_value (answer_id, question_id, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(answer, question, value).update();
    }

    public Map<String, Long> answersByRegion(long survey) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT coalesce(region, ''), count(*) FROM survey_answer WHERE survey_id = ? GROUP BY 1").param(survey)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    public long invitations(long survey) {
        return jdbc.sql("SELECT count(*) FROM survey_invitation WHERE survey_id = ?").param(survey).query(Long.class).single();
    }

    /** Per question and value: how many chose it (ratings and choices), for the results view. */
    public Map<Long, Map<String, Long>> tallies(long survey) {
        Map<Long, Map<String, Long>> t = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT v.question_id, v.value, count(*) FROM survey_answer_value v JOIN survey_question q ON q.id = v.question_id
                        WHERE q.survey_id = ? AND q.kind <> 'TEXT' GROUP BY 1, 2 ORDER BY 1, 2""").param(survey)
                .query((rs, n) -> t.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3))).list();
        return t;
    }
}
