package io.zhida.liaison.internal;

import io.zhida.liaison.Liaison;
import io.zhida.platform.Listing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tiers, members, contacts and demands of 三级帮包. */
@Repository
public class LiaisonRows {

    private static final String DEMAND = """
            d.id, d.number, d.uscc, COALESCE(e.name, d.uscc), d.official, d.content, d.status, d.respond_due, d.responded_at, d.plan, d.done_due,
            d.done_at, d.result, d.escalated_at, d.problem_id, d.stars, d.comment, d.rated_at, d.created_by, d.created_at""";
    private static final String DEMAND_FROM = "FROM liaison_demand d LEFT JOIN enterprise_facts e ON e.uscc = d.uscc";

    private final JdbcClient jdbc;

    LiaisonRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Liaison.Tier> tiers() {
        return jdbc.sql("""
                SELECT t.code, t.name, t.condition, t.rank_by, t.top_n, t.priority, t.updated_by, t.updated_at,
                       (SELECT count(*) FROM liaison_member m WHERE m.tier = t.code), (SELECT count(*) FROM liaison_member m WHERE m.tier = t.code AND m.official IS NOT NULL)
                FROM liaison_tier t ORDER BY t.priority""")
                .query((rs, n) -> new Liaison.Tier(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), (Integer) rs.getObject(5),
                        rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getLong(9), rs.getLong(10))).list();
    }

    public int updateTier(String code, String condition, String rankBy, Integer topN, String by) {
        return jdbc.sql("UPDATE liaison_tier SET condition = ?, rank_by = ?, top_n = ?, updated_by = ?, updated_at = now() WHERE code = ?")
                .params(condition, rankBy, topN, by, code).update();
    }

    /** Puts the computed tiers in place in one statement per tier: a member keeps its official while its tier stays the same. */
    public void replaceMembers(java.util.Map<String, List<String>> byTier) {
        jdbc.sql("CREATE TEMP TABLE liaison_computed (uscc VARCHAR(18) PRIMARY KEY, tier VARCHAR(8) NOT NULL) ON COMMIT DROP").update();
        byTier.forEach((tier, usccs) -> {
            for (int from = 0; from < usccs.size(); from += 5000) {
                List<String> chunk = usccs.subList(from, Math.min(usccs.size(), from + 5000));
                jdbc.sql("INSERT INTO liaison_computed SELECT unnest(CAST(? AS varchar[])), ? ON CONFLICT DO NOTHING")
                        .params(chunk.toArray(String[]::new), tier).update();
            }
        });
        jdbc.sql("DELETE FROM liaison_member m WHERE NOT EXISTS (SELECT 1 FROM liaison_computed c WHERE c.uscc = m.uscc)").update();
        jdbc.sql("""
                INSERT INTO liaison_member (uscc, tier) SELECT uscc, tier FROM liaison_computed
                ON CONFLICT (uscc) DO UPDATE SET tier = EXCLUDED.tier, computed_at = now(),
                  official = CASE WHEN liaison_member.tier = EXCLUDED.tier THEN liaison_member.official END,
                  assigned_by = CASE WHEN liaison_member.tier = EXCLUDED.tier THEN liaison_member.assigned_by END,
                  assigned_at = CASE WHEN liaison_member.tier = EXCLUDED.tier THEN liaison_member.assigned_at END""").update();
    }

    public Optional<Liaison.Member> member(String uscc) {
        return jdbc.sql("SELECT m.uscc, COALESCE(e.name, m.uscc), e.region, m.tier, m.official FROM liaison_member m "
                        + "LEFT JOIN enterprise_facts e ON e.uscc = m.uscc WHERE m.uscc = ?").param(uscc)
                .query((rs, n) -> new Liaison.Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).optional();
    }

    public Listing<Liaison.Member> members(String tier, String official, Boolean assigned) {
        return Listing.sql(jdbc, "SELECT m.uscc, COALESCE(e.name, m.uscc), e.region, m.tier, m.official",
                "FROM liaison_member m LEFT JOIN enterprise_facts e ON e.uscc = m.uscc WHERE (CAST(:tier AS text) IS NULL OR m.tier = :tier) "
                        + "AND (CAST(:official AS text) IS NULL OR m.official = :official) "
                        + "AND (CAST(:assigned AS boolean) IS NULL OR (m.official IS NOT NULL) = :assigned)", "m.tier, e.name, m.uscc",
                (rs, n) -> new Liaison.Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .param("tier", tier).param("official", official).param("assigned", assigned);
    }

    public int assign(String uscc, String official, String by) {
        return jdbc.sql("UPDATE liaison_member SET official = ?, assigned_by = ?, assigned_at = now() WHERE uscc = ?").params(official, by, uscc).update();
    }

    /**
     * Gives the tier's unassigned enterprises to the officials in turn, each enterprise to an official of its own county or
     * to a city-level one ({@code counties[i]} null); an enterprise no official may take stays unassigned.
     * @return how many were given
     */
    public int assignInTurn(String tier, List<String> officials, List<String> counties, String by) {
        return jdbc.sql("""
                WITH o AS (SELECT t.official, t.county, t.k FROM unnest(CAST(:officials AS varchar[]), CAST(:counties AS varchar[])) WITH ORDINALITY
                           AS t(official, county, k)),
                todo AS (SELECT m.uscc, e.region, row_number() OVER (PARTITION BY e.region ORDER BY m.uscc) - 1 AS rn
                         FROM liaison_member m LEFT JOIN enterprise_facts e ON e.uscc = m.uscc WHERE m.tier = :tier AND m.official IS NULL),
                pick AS (SELECT todo.uscc, (SELECT c.official FROM (SELECT o.official, row_number() OVER (ORDER BY o.k) - 1 AS i, count(*) OVER () AS n
                                                                    FROM o WHERE o.county IS NULL OR o.county = todo.region) c
                                            WHERE c.i = todo.rn % c.n) AS official FROM todo)
                UPDATE liaison_member m SET official = pick.official, assigned_by = :by, assigned_at = now()
                FROM pick WHERE pick.uscc = m.uscc AND pick.official IS NOT NULL""").param("tier", tier)
                .param("officials", officials.toArray(String[]::new)).param("counties", counties.toArray(String[]::new)).param("by", by).update();
    }

    public void contact(String uscc, String official, Liaison.ContactKind kind, String note) {
        jdbc.sql("INSERT INTO liaison_contact (uscc, official, kind, note) VALUES (?, ?, ?, ?)").params(uscc, official, kind.name(), note).update();
    }

    public List<Liaison.Contact> contacts(String uscc, int limit) {
        return jdbc.sql("SELECT id, uscc, official, kind, note, at FROM liaison_contact WHERE uscc = ? ORDER BY at DESC LIMIT ?").params(uscc, limit)
                .query((rs, n) -> new Liaison.Contact(rs.getLong(1), rs.getString(2), rs.getString(3), Liaison.ContactKind.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    public long insertDemand(String uscc, String official, String content, Instant respondDue, String by) {
        long id = jdbc.sql("INSERT INTO liaison_demand (number, uscc, official, content, respond_due, created_by) VALUES ('', ?, ?, ?, ?, ?) RETURNING id")
                .params(uscc, official, content, Timestamp.from(respondDue), by).query(Long.class).single();
        jdbc.sql("UPDATE liaison_demand SET number = 'BQ-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' "
                + "|| lpad(id::text, greatest(4, length(id::text)), '0') WHERE id = ?").param(id).update();
        return id;
    }

    public Optional<Liaison.Demand> demand(long id, boolean lock) {
        return jdbc.sql("SELECT " + DEMAND + " " + DEMAND_FROM + " WHERE d.id = ?" + (lock ? " FOR UPDATE OF d" : "")).param(id)
                .query(LiaisonRows::demand).optional();
    }

    public int respond(long id, String plan, LocalDate doneDue) {
        return jdbc.sql("UPDATE liaison_demand SET status = 'RESPONDED', plan = ?, done_due = ?, responded_at = now() WHERE id = ? AND status = 'RAISED'")
                .params(plan, doneDue, id).update();
    }

    public int finish(long id, String result) {
        return jdbc.sql("UPDATE liaison_demand SET status = 'DONE', result = ?, done_at = now() WHERE id = ? AND status = 'RESPONDED'")
                .params(result, id).update();
    }

    public int rate(long id, int stars, String comment) {
        return jdbc.sql("UPDATE liaison_demand SET status = 'CLOSED', stars = ?, comment = ?, rated_at = now() WHERE id = ? AND status = 'DONE'")
                .params(stars, comment, id).update();
    }

    /** Demands late on either clock, not escalated yet. */
    public List<Liaison.Demand> lateNotEscalated(Instant now, LocalDate today) {
        return jdbc.sql("SELECT " + DEMAND + " " + DEMAND_FROM + " WHERE d.escalated_at IS NULL AND ((d.status = 'RAISED' AND d.respond_due < ?) "
                        + "OR (d.status = 'RESPONDED' AND d.done_due < ?)) ORDER BY d.id FOR UPDATE OF d SKIP LOCKED")
                .params(Timestamp.from(now), today).query(LiaisonRows::demand).list();
    }

    public void escalated(long id, Long problemId) {
        jdbc.sql("UPDATE liaison_demand SET escalated_at = now(), problem_id = ? WHERE id = ?").params(problemId, id).update();
    }

    public Listing<Liaison.Demand> demands(String uscc, String official, String status, boolean escalatedOnly) {
        return Listing.sql(jdbc, "SELECT " + DEMAND, DEMAND_FROM + " WHERE (CAST(:uscc AS text) IS NULL OR d.uscc = :uscc) "
                        + "AND (CAST(:official AS text) IS NULL OR d.official = :official) AND (CAST(:status AS text) IS NULL OR d.status = :status) "
                        + "AND (NOT :escalated OR d.escalated_at IS NOT NULL)", "CASE d.status WHEN 'CLOSED' THEN 1 ELSE 0 END, d.created_at DESC, d.id DESC",
                LiaisonRows::demand).param("uscc", uscc).param("official", official).param("status", status).param("escalated", escalatedOnly);
    }

    /** Each official's demands, how many were late, and the enterprises' ratings. */
    public record OfficialFigures(String official, long enterprises, long contacts, long demands, long late, long rated, Double stars) {
    }

    public List<OfficialFigures> officialFigures() {
        return jdbc.sql("""
                SELECT o.official, (SELECT count(*) FROM liaison_member m WHERE m.official = o.official),
                       (SELECT count(*) FROM liaison_contact c WHERE c.official = o.official),
                       count(d.id), count(d.escalated_at), count(d.stars), avg(d.stars)::float8
                FROM (SELECT DISTINCT official FROM liaison_member WHERE official IS NOT NULL) o
                LEFT JOIN liaison_demand d ON d.official = o.official GROUP BY o.official ORDER BY o.official""")
                .query((rs, n) -> new OfficialFigures(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        (Double) rs.getObject(7, Double.class))).list();
    }

    private static Liaison.Demand demand(ResultSet rs, int n) throws SQLException {
        long problem = rs.getLong(15);
        Long problemId = rs.wasNull() ? null : problem;
        int stars = rs.getInt(16);
        Integer rated = rs.wasNull() ? null : stars;
        return new Liaison.Demand(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                Liaison.DemandStatus.valueOf(rs.getString(7)), instant(rs, 8), instant(rs, 9), rs.getString(10), rs.getObject(11, LocalDate.class),
                instant(rs, 12), rs.getString(13), instant(rs, 14), problemId, rated, rs.getString(17), instant(rs, 18), rs.getString(19),
                rs.getTimestamp(20).toInstant());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
