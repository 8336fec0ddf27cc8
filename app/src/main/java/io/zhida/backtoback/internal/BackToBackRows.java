package io.zhida.backtoback.internal;

import io.zhida.backtoback.BackToBackRound;
import io.zhida.backtoback.Consequences;
import io.zhida.backtoback.RoundRanking;
import io.zhida.identity.Unit;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class BackToBackRows {

    private static final String ROUND = """
            SELECT r.id, r.name, r.seed, r.size, r.period_from, r.period_to, r.allocation, r.status, r.created_by, r.created_at, r.scored_at,
                   (SELECT count(*) FROM b2b_draw d WHERE d.round_id = r.id),
                   (SELECT count(*) FROM b2b_draw d WHERE d.round_id = r.id AND d.answered_at IS NOT NULL), r.score_reason
            FROM b2b_round r""";

    private final JdbcClient jdbc;

    BackToBackRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<BackToBackRound.Category> categories() {
        return jdbc.sql("""
                        SELECT c.code, c.name, c.quota, c.refresh_months, c.refreshed_on,
                               (SELECT count(*) FROM b2b_sample s WHERE s.category = c.code AND s.active)
                        FROM b2b_category c ORDER BY c.position""")
                .query((rs, n) -> new BackToBackRound.Category(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getObject(5, LocalDate.class), rs.getLong(6))).list();
    }

    public void addSample(String category, String name, String unit, String phone, String region) {
        jdbc.sql("INSERT INTO b2b_sample (category, name, unit, phone, region) VALUES (?, ?, ?, ?, ?)")
                .params(category, name, unit, phone, region).update();
    }

    /** A category's new list replaces the old one; the old samples stay (inactive) for the audit of past draws. */
    public void retire(String category, LocalDate refreshedOn) {
        jdbc.sql("UPDATE b2b_sample SET active = FALSE WHERE category = ? AND active").param(category).update();
        jdbc.sql("UPDATE b2b_category SET refreshed_on = ? WHERE code = ?").params(refreshedOn, category).update();
    }

    public Map<String, List<Long>> activeSamples() {
        Map<String, List<Long>> byCategory = new LinkedHashMap<>();
        jdbc.sql("SELECT category, id FROM b2b_sample WHERE active ORDER BY category, id")
                .query((rs, n) -> byCategory.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        return byCategory;
    }

    public long insertRound(String name, long seed, int size, LocalDate from, LocalDate to, String allocation, String actor) {
        return jdbc.sql("""
                        INSERT INTO b2b_round (name, seed, size, period_from, period_to, allocation, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(name, seed, size, from, to, allocation, actor).query(Long.class).single();
    }

    public void insertDraw(long round, long sample, String category, String token) {
        jdbc.sql("INSERT INTO b2b_draw (round_id, sample_id, category, token) VALUES (?, ?, ?, ?)").params(round, sample, category, token).update();
    }

    public String phone(long sample) {
        return jdbc.sql("SELECT phone FROM b2b_sample WHERE id = ?").param(sample).query(String.class).single();
    }

    public List<Long> drawnSamples(long round) {
        return jdbc.sql("SELECT sample_id FROM b2b_draw WHERE round_id = ? ORDER BY sample_id").param(round).query(Long.class).list();
    }

    public Optional<BackToBackRound> round(long id) {
        return jdbc.sql(ROUND + " WHERE r.id = ?").param(id).query(BackToBackRows::round).optional();
    }

    public List<BackToBackRound> rounds() {
        return jdbc.sql(ROUND + " ORDER BY r.period_to DESC, r.id DESC").query(BackToBackRows::round).list();
    }

    public Optional<BackToBackRound.Invitation> invitation(String token) {
        return jdbc.sql("""
                        SELECT r.id, r.name, d.token, c.name, r.status, d.answered_at FROM b2b_draw d
                        JOIN b2b_round r ON r.id = d.round_id JOIN b2b_category c ON c.code = d.category WHERE d.token = ?""")
                .param(token)
                .query((rs, n) -> new BackToBackRound.Invitation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant())).optional();
    }

    /** Marks the invitation answered; false when it already was (one answer per evaluator). */
    public boolean markAnswered(String token) {
        return jdbc.sql("UPDATE b2b_draw SET answered_at = now() WHERE token = ? AND answered_at IS NULL").param(token).update() == 1;
    }

    public void answer(long round, String token, String kind, String code, int score) {
        jdbc.sql("INSERT INTO b2b_answer (round_id, token, target_kind, target_code, score) VALUES (?, ?, ?, ?, ?)")
                .params(round, token, kind, code, score).update();
    }

    /** Per unit: sum of answers and their count. */
    public Map<String, long[]> concentrated(long round) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        jdbc.sql("SELECT target_kind, target_code, sum(score), count(*) FROM b2b_answer WHERE round_id = ? GROUP BY 1, 2").param(round)
                .query((rs, n) -> sums.put(Unit.key(rs.getString(1), rs.getString(2)), new long[] {rs.getLong(3), rs.getLong(4)})).list();
        return sums;
    }

    public Map<String, long[]> realtime(LocalDate from, LocalDate to) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        jdbc.sql("SELECT unit_kind, unit_code, sum(stars), count(*) FROM unit_rating WHERE rated_on BETWEEN ? AND ? GROUP BY 1, 2")
                .params(from, to)
                .query((rs, n) -> sums.put(Unit.key(rs.getString(1), rs.getString(2)), new long[] {rs.getLong(3), rs.getLong(4)})).list();
        return sums;
    }

    /** The places of every unit of a kind in earlier scored rounds (time order). */
    public Map<String, List<Consequences.Place>> earlierPlaces(String kind, LocalDate before) {
        Map<String, List<Consequences.Place>> places = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT x.target_code, r.id, EXTRACT(YEAR FROM r.period_to)::int, x.rank,
                               (SELECT count(*) FROM b2b_result y WHERE y.round_id = r.id AND y.target_kind = x.target_kind AND y.total >= x.total AND y.rank > 0),
                               (SELECT count(*) FROM b2b_result y WHERE y.round_id = r.id AND y.target_kind = x.target_kind AND y.rank > 0)
                        FROM b2b_result x JOIN b2b_round r ON r.id = x.round_id
                        WHERE x.target_kind = ? AND x.rank > 0 AND r.status = 'SCORED' AND r.period_to < ? ORDER BY r.period_to, r.id""")
                .params(kind, before)
                .query((rs, n) -> places.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Consequences.Place(rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)))).list();
        return places;
    }

    public void insertResult(long round, RoundRanking r, String consequence, BigDecimal points) {
        jdbc.sql("""
                        INSERT INTO b2b_result (round_id, target_kind, target_code, concentrated, realtime, total, rank, answers, ratings,
                                                consequence, points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(round, r.kind(), r.code(), r.concentrated() == null ? BigDecimal.ZERO : r.concentrated(), r.realtime(), r.total(),
                        r.rank(), r.answers(), r.ratings(), consequence, points).update();
    }

    /** Only an open round becomes scored, once. */
    public boolean markScored(long round, String reason) {
        return jdbc.sql("UPDATE b2b_round SET status = 'SCORED', scored_at = now(), score_reason = ? WHERE id = ? AND status = 'OPEN'")
                .params(reason, round).update() == 1;
    }

    public List<BackToBackRound.Result> results(long round) {
        return jdbc.sql("""
                        SELECT target_kind, target_code, concentrated, realtime, total, rank, answers, ratings, consequence, points
                        FROM b2b_result WHERE round_id = ? ORDER BY target_kind DESC, rank = 0, rank, target_code""").param(round)
                .query((rs, n) -> new BackToBackRound.Result(rs.getString(1), rs.getString(2), null, rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9),
                        rs.getBigDecimal(10))).list();
    }

    public Map<String, String> rules() {
        Map<String, String> rules = new LinkedHashMap<>();
        jdbc.sql("SELECT key, value FROM b2b_rule ORDER BY key").query((rs, n) -> rules.put(rs.getString(1), rs.getString(2))).list();
        return rules;
    }

    public void setRule(String key, String value) {
        jdbc.sql("UPDATE b2b_rule SET value = ? WHERE key = ?").params(value, key).update();
    }

    public boolean insertUnitRating(String kind, String code, int stars, List<String> aspects, String comment, String transaction,
                                    String person, LocalDate day) {
        return jdbc.sql("""
                        INSERT INTO unit_rating (unit_kind, unit_code, stars, aspects, comment, transaction, person, rated_on)
                        VALUES (?, ?, ?, string_to_array(?, '|'), ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(kind, code, stars, String.join("|", aspects), comment, transaction, person, day).update() == 1;
    }

    static BackToBackRound round(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp scored = rs.getTimestamp(11);
        return new BackToBackRound(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
                scored == null ? null : scored.toInstant(), rs.getLong(12), rs.getLong(13), rs.getString(14));
    }
}
