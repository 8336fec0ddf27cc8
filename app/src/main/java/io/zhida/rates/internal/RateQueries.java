package io.zhida.rates.internal;

import io.zhida.rates.Rate;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counts behind the three rates, per (item, county) cell; the service rolls cells up to the city,
 * counties, departments and items. Definitions (docs/evaluation.md):
 * awareness — matches announced to enterprises by the end of the period (each (enterprise, item) once) that had
 * read the announcement by then or answered an awareness question with its first option ("知晓");
 * satisfaction — transaction ratings, survey satisfaction ratings, 帮办 and 帮包 ratings and call-back answers in the period, 4–5 of 5
 * satisfied;
 * fulfilment — grants approved in the period that are paid or past their payment deadline, paid on time.
 */
@Repository
public class RateQueries {

    /** One cell; item may be null for survey answers not about an item. */
    public record Cell(String item, String region, Rate awareness, Rate satisfaction, Rate fulfillment,
                       BigDecimal approved, BigDecimal paid) {
    }

    /** One record behind a rate, for the drill-down. */
    public record Line(String uscc, String enterprise, String item, String region, String detail, boolean counted) {
    }

    /** Answered "知晓" (the first option) to an awareness question about an item by :to. */
    private static final String SURVEY_KNEW = """
            SELECT DISTINCT f.uscc, f.item_code FROM survey_answer_facts f
            WHERE f.measure = 'AWARENESS' AND f.first_option AND f.answered_at < :to
              AND f.uscc IS NOT NULL AND f.item_code IS NOT NULL""";

    /** Pairs announced by :to whose announcement was not read by then but that said "知晓" in a survey: known too. */
    private static final String KNEW_BY_SURVEY_ONLY = """
            SELECT k.item_code, coalesce(e.region, '') AS region, count(*) FROM (""" + SURVEY_KNEW + """
            ) k JOIN announced_pair n ON n.uscc = k.uscc AND n.item_code = k.item_code
            JOIN enterprise_facts e ON e.uscc = k.uscc
            WHERE n.created_at < :to AND (n.read_at IS NULL OR n.read_at >= :to) GROUP BY 1, 2""";

    private static final String FULFILMENT_SET = """
            FROM grant_facts g WHERE g.status <> 'CANCELLED' AND g.created_at >= :from AND g.created_at < :to
              AND (g.status = 'PAID' OR g.pay_due_at < :now)""";

    private static final String RATINGS = """
            SELECT r.item_code AS item, r.region, r.stars, r.uscc, r.enterprise_name AS name, 'ratings' AS src, r.number AS ref
            FROM service_rating_facts r
            WHERE r.rated_at >= :from AND r.rated_at < :to
            UNION ALL
            SELECT f.item_code, f.region, CAST(f.value AS int), f.uscc, f.respondent, 'survey', f.survey_title
            FROM survey_answer_facts f
            WHERE f.measure = 'SATISFACTION' AND f.kind = 'RATING' AND f.answered_at >= :from AND f.answered_at < :to
            UNION ALL
            SELECT s.item_code, s.region, s.stars, s.uscc, e.name, 'assistance', s.number
            FROM assistance_facts s JOIN enterprise_facts e ON e.uscc = s.uscc
            WHERE s.stars IS NOT NULL AND s.rated_at >= :from AND s.rated_at < :to
            UNION ALL
            SELECT NULL, e.region, d.stars, d.uscc, e.name, 'liaison', d.number
            FROM liaison_demand_facts d JOIN enterprise_facts e ON e.uscc = d.uscc
            WHERE d.stars IS NOT NULL AND d.rated_at >= :from AND d.rated_at < :to
            UNION ALL
            SELECT c.item_code, c.region, c.stars, c.uscc, c.enterprise_name, 'callback', coalesce(c.ref_number, '走访')
            FROM callback_answer_facts c WHERE c.stars IS NOT NULL AND c.answered_at >= :from AND c.answered_at < :to""";

    private final JdbcClient jdbc;
    private final AwarenessCells awareness;
    private final Clock clock;

    RateQueries(JdbcClient jdbc, AwarenessCells awareness, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.awareness = awareness;
    }

    public List<Cell> cells(Instant from, Instant to) {
        List<Cell> cells = new ArrayList<>();
        // awareness: matches announced by the period's end (the read model), known = their announcement read by then or
        // "知晓" answered in a survey
        Map<String, Map<String, long[]>> announced = awareness.upTo(to);
        jdbc.sql(KNEW_BY_SURVEY_ONLY).param("to", Timestamp.from(to)).query(rs -> {
            long[] c = announced.computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>()).computeIfAbsent(rs.getString(2), k -> new long[2]);
            c[1] += rs.getLong(3);
        });
        announced.forEach((item, byRegion) -> byRegion.forEach((region, c) -> cells.add(new Cell(item, region.isEmpty() ? null : region,
                new Rate(Math.min(c[1], c[0]), c[0]), Rate.NONE, Rate.NONE, BigDecimal.ZERO, BigDecimal.ZERO))));
        jdbc.sql("SELECT item, region, count(*) AS d, count(*) FILTER (WHERE stars >= 4) AS n FROM (" + RATINGS + ") x GROUP BY 1, 2")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> cells.add(new Cell(rs.getString(1), rs.getString(2), Rate.NONE, new Rate(rs.getLong("n"), rs.getLong("d")),
                        Rate.NONE, BigDecimal.ZERO, BigDecimal.ZERO))).list();
        jdbc.sql("SELECT g.item_code, g.region, count(*) AS d, count(*) FILTER (WHERE g.status = 'PAID' AND g.paid_at <= g.pay_due_at) AS n, "
                        + "sum(g.amount) AS approved, coalesce(sum(g.amount) FILTER (WHERE g.status = 'PAID'), 0) AS paid "
                        + FULFILMENT_SET + " GROUP BY 1, 2")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> cells.add(new Cell(rs.getString(1), rs.getString(2), Rate.NONE, Rate.NONE,
                        new Rate(rs.getLong("n"), rs.getLong("d")), rs.getBigDecimal("approved"), rs.getBigDecimal("paid")))).list();
        return cells;
    }

    /**
     * The whole city's counts for one period, without splitting them into cells: what {@link #cells} adds up to,
     * given the city's announced and known pairs up to the period's end ({@link AwarenessCells#cityByDay}).
     */
    public Cell city(Instant from, Instant to, long announced, long knewByReading) {
        long knewBySurvey = jdbc.sql("SELECT coalesce(sum(count), 0) FROM (" + KNEW_BY_SURVEY_ONLY + ") x")
                .param("to", Timestamp.from(to)).query(Long.class).single();
        Rate satisfaction = jdbc.sql("SELECT count(*) AS d, count(*) FILTER (WHERE stars >= 4) AS n FROM (" + RATINGS + ") x")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> new Rate(rs.getLong("n"), rs.getLong("d"))).single();
        Cell fulfilment = jdbc.sql("SELECT count(*) AS d, count(*) FILTER (WHERE g.status = 'PAID' AND g.paid_at <= g.pay_due_at) AS n, "
                        + "coalesce(sum(g.amount), 0) AS approved, coalesce(sum(g.amount) FILTER (WHERE g.status = 'PAID'), 0) AS paid "
                        + FULFILMENT_SET)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new Cell(null, null, Rate.NONE, Rate.NONE, new Rate(rs.getLong("n"), rs.getLong("d")),
                        rs.getBigDecimal("approved"), rs.getBigDecimal("paid")))
                .single();
        long knew = knewByReading + knewBySurvey;
        return new Cell(null, null, new Rate(Math.min(knew, announced), announced), satisfaction, fulfilment.fulfillment(),
                fulfilment.approved(), fulfilment.paid());
    }

    /** The records behind one measure for a set of items (null = all) and a county (null = all). */
    public List<Line> lines(String measure, List<String> items, String region, Instant from, Instant to, int limit) {
        String codes = items == null ? null : String.join(",", items); // codes hold no commas (catalog validation)
        String filter = " AND (CAST(:items AS text) IS NULL OR %s = ANY(string_to_array(:items, ','))) AND (CAST(:region AS text) IS NULL OR %s = :region)";
        if (measure.equals("awareness")) {
            return awarenessLines(items, region, to, limit);
        }
        String sql = switch (measure) {
            case "satisfaction" -> "SELECT uscc, name, item, region, stars || ' 星 · ' || CASE src WHEN 'ratings' THEN '办件评价 ' WHEN 'assistance' THEN '帮办评价 ' WHEN 'liaison' THEN '帮包诉求评价 ' WHEN 'callback' THEN '回访 ' ELSE '问卷 ' END || ref AS detail, "
                    + "stars >= 4 AS counted FROM (" + RATINGS + ") x WHERE TRUE" + filter.formatted("item", "region")
                    + " ORDER BY counted, item LIMIT :limit";
            case "fulfillment" -> "SELECT g.uscc, g.enterprise_name, g.item_code, g.region, g.amount || ' 元 · ' || g.status "
                    + "|| coalesce(' · 拨付 ' || to_char(g.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), '') "
                    + "|| coalesce(' · 时限 ' || to_char(g.pay_due_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), '') AS detail, "
                    + "(g.status = 'PAID' AND g.paid_at <= g.pay_due_at) AS counted " + FULFILMENT_SET + filter.formatted("g.item_code", "g.region")
                    + " ORDER BY counted, g.item_code LIMIT :limit";
            default -> throw new IllegalArgumentException(measure);
        };
        var spec = jdbc.sql(sql).param("to", Timestamp.from(to)).param("items", codes).param("region", region).param("limit", limit)
                .param("from", Timestamp.from(from));
        if (measure.equals("fulfillment")) {
            spec = spec.param("now", Timestamp.from(clock.instant()));
        }
        return spec.query((rs, i) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean("counted"))).list();
    }

    /** The announced pairs behind 知晓率, those that did not know first. */
    private List<Line> awarenessLines(List<String> items, String region, Instant to, int limit) {
        return jdbc.sql("""
                        SELECT n.uscc, e.name, n.item_code, e.region,
                               (coalesce(n.read_at < :to, FALSE) OR EXISTS (SELECT 1 FROM (""" + SURVEY_KNEW + """
                                   ) k WHERE k.uscc = n.uscc AND k.item_code = n.item_code)) AS knew
                        FROM announced_pair n JOIN enterprise_facts e ON e.uscc = n.uscc
                        WHERE n.created_at < :to AND (CAST(:items AS text[]) IS NULL OR n.item_code = ANY(CAST(:items AS text[])))
                          AND (CAST(:region AS text) IS NULL OR e.region = :region)
                        ORDER BY knew, n.item_code, n.uscc LIMIT :limit""")
                .param("to", Timestamp.from(to)).param("items", items == null ? null : items.toArray(String[]::new))
                .param("region", region).param("limit", limit)
                .query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean("knew") ? "已知晓" : "未知晓", rs.getBoolean("knew"))).list();
    }
}
