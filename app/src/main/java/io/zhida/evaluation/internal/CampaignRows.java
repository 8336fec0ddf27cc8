package io.zhida.evaluation.internal;

import io.zhida.evaluation.Campaign;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CampaignRows {

    private final JdbcClient jdbc;
    private final Clock clock;

    CampaignRows(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public long insert(String name, long scheme, LocalDate from, LocalDate to, LocalDate deadline, BigDecimal threshold, String actor) {
        return jdbc.sql("""
                        INSERT INTO eval_campaign (name, scheme_id, period_from, period_to, self_deadline, problem_threshold, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(name, scheme, from, to, deadline, threshold, actor).query(Long.class).single();
    }

    public void target(long campaign, String kind, String code) {
        jdbc.sql("INSERT INTO eval_campaign_target (campaign_id, kind, code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING").params(campaign, kind, code).update();
    }

    public void item(long campaign, String item) {
        jdbc.sql("INSERT INTO eval_campaign_item (campaign_id, item_code) VALUES (?, ?) ON CONFLICT DO NOTHING").params(campaign, item).update();
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql("""
                        SELECT id, name, scheme_id, period_from, period_to, self_deadline, status, problem_threshold, created_by, created_at, scored_at
                        FROM eval_campaign WHERE id = ?""").param(id)
                .query((rs, n) -> new Campaign(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getBigDecimal(8),
                        rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(),
                        codes("SELECT item_code FROM eval_campaign_item WHERE campaign_id = ? ORDER BY 1", id),
                        codes("SELECT code FROM eval_campaign_target WHERE campaign_id = ? AND kind = 'DEPARTMENT' ORDER BY 1", id),
                        codes("SELECT code FROM eval_campaign_target WHERE campaign_id = ? AND kind = 'COUNTY' ORDER BY 1", id))).optional();
    }

    public List<Long> ids(String status) {
        return jdbc.sql("SELECT id FROM eval_campaign WHERE (CAST(? AS text) IS NULL OR status = ?) ORDER BY period_to DESC, id DESC")
                .params(status, status).query(Long.class).list();
    }

    private List<String> codes(String sql, long id) {
        return jdbc.sql(sql).param(id).query(String.class).list();
    }

    public void saveSelf(long campaign, String department, long indicator, BigDecimal score, String note, String actor) {
        jdbc.sql("""
                        INSERT INTO eval_self_answer (campaign_id, department_code, indicator_id, score, note, updated_by) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (campaign_id, department_code, indicator_id)
                        DO UPDATE SET score = excluded.score, note = excluded.note, updated_by = excluded.updated_by, updated_at = now()""")
                .params(campaign, department, indicator, score, note, actor).update();
    }

    public record SelfAnswer(long indicator, BigDecimal score, String note) {
    }

    public Map<Long, SelfAnswer> selfAnswers(long campaign, String department) {
        Map<Long, SelfAnswer> answers = new LinkedHashMap<>();
        jdbc.sql("SELECT indicator_id, score, note FROM eval_self_answer WHERE campaign_id = ? AND department_code = ?").params(campaign, department)
                .query((rs, n) -> answers.put(rs.getLong(1), new SelfAnswer(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3)))).list();
        return answers;
    }

    public void submitSelf(long campaign, String department, String actor) {
        jdbc.sql("INSERT INTO eval_self_submission (campaign_id, department_code, submitted_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(campaign, department, actor).update();
    }

    public Map<String, java.time.Instant> submissions(long campaign) {
        Map<String, java.time.Instant> s = new LinkedHashMap<>();
        jdbc.sql("SELECT department_code, submitted_at FROM eval_self_submission WHERE campaign_id = ?").param(campaign)
                .query((rs, n) -> s.put(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
        return s;
    }

    public Map<String, Long> selfCounts(long campaign) {
        Map<String, Long> s = new LinkedHashMap<>();
        jdbc.sql("SELECT department_code, count(*) FROM eval_self_answer WHERE campaign_id = ? GROUP BY 1").param(campaign)
                .query((rs, n) -> s.put(rs.getString(1), rs.getLong(2))).list();
        return s;
    }

    public boolean remind(long campaign, String department, String kind, LocalDate day) {
        return jdbc.sql("INSERT INTO eval_reminder (campaign_id, department_code, kind, sent_on) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(campaign, department, kind, day).update() == 1;
    }

    public Map<String, List<LocalDate>> reminders(long campaign) {
        Map<String, List<LocalDate>> r = new LinkedHashMap<>();
        jdbc.sql("SELECT department_code, sent_on FROM eval_reminder WHERE campaign_id = ? ORDER BY sent_on").param(campaign)
                .query((rs, n) -> r.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getObject(2, LocalDate.class))).list();
        return r;
    }

    public void thirdParty(long campaign, String kind, String code, long indicator, BigDecimal score, String finding, String checker, LocalDate on) {
        jdbc.sql("""
                        INSERT INTO eval_third_party (campaign_id, target_kind, target_code, indicator_id, score, finding, checker, checked_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(campaign, kind, code, indicator, score, finding, checker, on).update();
    }

    public record ThirdParty(String kind, String code, long indicator, BigDecimal score, String finding, String checker, LocalDate on) {
    }

    public List<ThirdParty> thirdParties(long campaign) {
        return jdbc.sql("SELECT target_kind, target_code, indicator_id, score, finding, checker, checked_on FROM eval_third_party "
                        + "WHERE campaign_id = ? ORDER BY checked_on, id").param(campaign)
                .query((rs, n) -> new ThirdParty(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7, LocalDate.class))).list();
    }

    /** Survey answers of the campaign: per county and item, awareness (knew, total) and satisfaction (sum, count). */
    public record SurveyCell(String region, String item, String measure, long numerator, long denominator) {
    }

    public List<SurveyCell> surveyCells(long campaign) {
        return jdbc.sql("""
                        SELECT a.region, s.item_code, q.measure,
                               CASE WHEN q.measure = 'AWARENESS' THEN count(*) FILTER (WHERE v.value = q.options[1])
                                    ELSE sum(CASE WHEN q.measure = 'SATISFACTION' THEN CAST(v.value AS int) END) END,
                               count(*)
                        FROM survey s JOIN survey_answer a ON a.survey_id = s.id JOIN survey_answer_value v ON v.answer_id = a.id
                        JOIN survey_question q ON q.id = v.question_id
                        WHERE s.campaign_id = ? AND q.measure IS NOT NULL GROUP BY 1, 2, 3""").param(campaign)
                .query((rs, n) -> new SurveyCell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5))).list();
    }

    public void clearScores(long campaign) {
        jdbc.sql("DELETE FROM eval_score WHERE campaign_id = ?").param(campaign).update();
        jdbc.sql("DELETE FROM eval_result WHERE campaign_id = ?").param(campaign).update();
    }

    public void score(long campaign, String kind, String code, long indicator, BigDecimal score) {
        jdbc.sql("INSERT INTO eval_score (campaign_id, target_kind, target_code, indicator_id, score) VALUES (?, ?, ?, ?, ?)")
                .params(campaign, kind, code, indicator, score).update();
    }

    public void result(long campaign, String kind, String code, BigDecimal total, int rank, int missing) {
        jdbc.sql("INSERT INTO eval_result (campaign_id, target_kind, target_code, total, rank, missing) VALUES (?, ?, ?, ?, ?, ?)")
                .params(campaign, kind, code, total, rank, missing).update();
    }

    public void markScored(long campaign) {
        jdbc.sql("UPDATE eval_campaign SET status = 'SCORED', scored_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), campaign).update();
    }

    public record Stored(String kind, String code, BigDecimal total, int rank, int missing) {
    }

    public List<Stored> results(long campaign) {
        return jdbc.sql("SELECT target_kind AS kind, target_code AS code, total, rank, missing FROM eval_result WHERE campaign_id = ? ORDER BY target_kind DESC, rank")
                .param(campaign).query(Stored.class).list();
    }

    public Map<String, Map<Long, BigDecimal>> scores(long campaign) {
        Map<String, Map<Long, BigDecimal>> m = new LinkedHashMap<>();
        jdbc.sql("SELECT target_kind, target_code, indicator_id, score FROM eval_score WHERE campaign_id = ?").param(campaign)
                .query((rs, n) -> m.computeIfAbsent(rs.getString(1) + ":" + rs.getString(2), k -> new LinkedHashMap<>())
                        .put(rs.getLong(3), rs.getBigDecimal(4))).list();
        return m;
    }
}
