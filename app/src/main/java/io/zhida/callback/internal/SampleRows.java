package io.zhida.callback.internal;

import io.zhida.callback.CallbackSample;
import io.zhida.platform.Listing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Quotas and samples. The sample is drawn from the views the other modules publish. */
@Repository
public class SampleRows {

    private static final String COLUMNS = "id, day, source, ref_id, ref_number, uscc, enterprise_name, region, item_code, phone, status, operator, "
            + "resolved, stars, note, problem_id, answered_at";

    /** Transactions finished in [from, to), one row each: source, id, number, enterprise, county, item, phone. */
    private static final String CANDIDATES = """
            SELECT 'APPLICATION' AS source, a.id AS ref_id, a.number AS ref_number, a.uscc, a.enterprise_name AS name, a.region, a.item_code,
                   e.contact_phone AS phone
            FROM application_facts a LEFT JOIN enterprise_facts e ON e.uscc = a.uscc
            WHERE a.status IN ('PAID', 'REJECTED', 'REFUSED') AND coalesce(a.paid_at, a.decided_at) >= :from AND coalesce(a.paid_at, a.decided_at) < :to
            UNION ALL
            SELECT 'ASSISTANCE', s.id, s.number, s.uscc, e.name, s.region, s.item_code, e.contact_phone
            FROM assistance_facts s JOIN enterprise_facts e ON e.uscc = s.uscc WHERE s.submitted_at >= :from AND s.submitted_at < :to
            UNION ALL
            SELECT 'DEMAND', d.id, d.number, d.uscc, e.name, e.region, NULL, e.contact_phone
            FROM liaison_demand_facts d JOIN enterprise_facts e ON e.uscc = d.uscc WHERE d.done_at >= :from AND d.done_at < :to
            UNION ALL
            SELECT 'CONTACT', c.id, NULL, c.uscc, e.name, e.region, NULL, e.contact_phone
            FROM liaison_contact_facts c JOIN enterprise_facts e ON e.uscc = c.uscc WHERE c.at >= :from AND c.at < :to""";

    private final JdbcClient jdbc;

    SampleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Integer> quotas() {
        Map<String, Integer> quotas = new java.util.HashMap<>();
        jdbc.sql("SELECT region, daily FROM callback_quota").query(rs -> {
            quotas.put(rs.getString(1), rs.getInt(2));
        });
        return quotas;
    }

    public void setQuota(String region, int daily, String by) {
        jdbc.sql("INSERT INTO callback_quota (region, daily, updated_by) VALUES (?, ?, ?) ON CONFLICT (region) DO UPDATE SET daily = EXCLUDED.daily, "
                + "updated_by = EXCLUDED.updated_by, updated_at = now()").params(region, daily, by).update();
    }

    /**
     * Draws the day's sample: in each county, in a random but repeatable order, what is still within its quota once the
     * day's earlier draws are counted; a transaction is drawn once ever. One draw at a time across the cluster.
     * @return how many were drawn
     */
    public int draw(LocalDate day, Instant from, Instant to, int defaultQuota) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('callback-draw'))").query(Object.class).single();
        return jdbc.sql("""
                INSERT INTO callback_sample (day, source, ref_id, ref_number, uscc, enterprise_name, region, item_code, phone)
                SELECT :day, r.source, r.ref_id, r.ref_number, r.uscc, r.name, r.region, r.item_code, r.phone
                FROM (SELECT c.*, row_number() OVER (PARTITION BY c.region ORDER BY md5(c.source || c.ref_id || CAST(:day AS text))) AS rn
                      FROM (""" + CANDIDATES + """
                      ) c
                      WHERE c.region IS NOT NULL AND NOT EXISTS (SELECT 1 FROM callback_sample x WHERE x.source = c.source AND x.ref_id = c.ref_id)) r
                LEFT JOIN callback_quota q ON q.region = r.region
                WHERE r.rn <= coalesce(q.daily, :defaultQuota) - (SELECT count(*) FROM callback_sample y WHERE y.day = :day AND y.region = r.region)
                ON CONFLICT (source, ref_id) DO NOTHING""")
                .param("day", day).param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("defaultQuota", defaultQuota)
                .update();
    }

    public Listing<CallbackSample> list(LocalDate day, String status, String region) {
        return Listing.sql(jdbc, "SELECT " + COLUMNS, "FROM callback_sample WHERE (CAST(:day AS date) IS NULL OR day = :day) "
                        + "AND (CAST(:status AS text) IS NULL OR status = :status) AND (CAST(:region AS text) IS NULL OR region = :region)",
                "CASE status WHEN 'PENDING' THEN 0 ELSE 1 END, day DESC, region, id", SampleRows::sample)
                .param("day", day).param("status", status).param("region", region);
    }

    public Optional<CallbackSample> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM callback_sample WHERE id = ? FOR UPDATE").param(id).query(SampleRows::sample).optional();
    }

    public int answer(long id, CallbackSample.Status status, Boolean resolved, Integer stars, String note, String operator) {
        return jdbc.sql("UPDATE callback_sample SET status = ?, resolved = ?, stars = ?, note = ?, operator = ?, answered_at = now() "
                + "WHERE id = ? AND status = 'PENDING'").params(status.name(), resolved, stars, note, operator, id).update();
    }

    public void problem(long id, long problemId) {
        jdbc.sql("UPDATE callback_sample SET problem_id = ? WHERE id = ?").params(problemId, id).update();
    }

    /** The day's counts per county: drawn, called, satisfied. */
    public record DayFigures(String region, long drawn, long reached, long satisfied) {
    }

    public java.util.List<DayFigures> figures(LocalDate day) {
        return jdbc.sql("SELECT region, count(*), count(*) FILTER (WHERE status = 'REACHED'), count(*) FILTER (WHERE stars >= 4) "
                        + "FROM callback_sample WHERE day = ? GROUP BY region ORDER BY region").param(day)
                .query((rs, n) -> new DayFigures(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }

    private static CallbackSample sample(ResultSet rs, int n) throws SQLException {
        boolean resolved = rs.getBoolean(13);
        Boolean wasResolved = rs.wasNull() ? null : resolved;
        int stars = rs.getInt(14);
        Integer rated = rs.wasNull() ? null : stars;
        long problem = rs.getLong(16);
        Long problemId = rs.wasNull() ? null : problem;
        Timestamp answered = rs.getTimestamp(17);
        return new CallbackSample(rs.getLong(1), rs.getObject(2, LocalDate.class), CallbackSample.Source.valueOf(rs.getString(3)), rs.getLong(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                CallbackSample.Status.valueOf(rs.getString(11)), rs.getString(12), wasResolved, rated, rs.getString(15), problemId,
                answered == null ? null : answered.toInstant());
    }
}
