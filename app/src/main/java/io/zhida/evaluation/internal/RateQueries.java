package io.zhida.evaluation.internal;

import io.zhida.evaluation.Rate;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import io.zhida.matching.MatchingService;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counts behind the three rates, per (item, county) cell; the service rolls cells up to the city,
 * counties, departments and items. Definitions (docs/evaluation.md):
 * awareness — eligible (enterprise, item) pairs as the stored match results say now (kept current by every change
 * and the nightly match) that had read the push by the end of the period
 * or answered an awareness question with its first option ("知晓");
 * satisfaction — transaction ratings and survey satisfaction ratings in the period, 4–5 of 5 satisfied;
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

    /**
     * The (enterprise, item) pairs announced by :to, each marked whether it knew by then: the push read, or "知晓"
     * (the first option) answered to an awareness question. Those the stored match results still hold eligible are
     * 知晓率's denominator (so a past period counts the matches announced by its end).
     */
    private static final String ANNOUNCED = """
            SELECT n.uscc, n.item_code, e.region, e.name,
                   (i.read_at < :to OR EXISTS (SELECT 1 FROM survey_answer a JOIN survey s ON s.id = a.survey_id
                        JOIN survey_answer_value v ON v.answer_id = a.id JOIN survey_question q ON q.id = v.question_id
                        WHERE a.uscc = n.uscc AND s.item_code = n.item_code AND q.measure = 'AWARENESS'
                          AND v.value = q.options[1] AND a.answered_at < :to)) AS aware
            FROM match_notice n JOIN inbox_message i ON i.id = n.message_id JOIN enterprise e ON e.uscc = n.uscc
            WHERE i.created_at < :to""";

    private static final String FULFILMENT_SET = """
            FROM fund_grant g WHERE g.status <> 'CANCELLED' AND g.created_at >= :from AND g.created_at < :to
              AND (g.status = 'PAID' OR g.pay_due_at < :now)""";

    private static final String RATINGS = """
            SELECT a.item_code AS item, a.region, r.stars, a.uscc, a.enterprise_name AS name, 'ratings' AS src, a.number AS ref
            FROM service_rating r JOIN application a ON a.id = r.application_id
            WHERE r.rated_at >= :from AND r.rated_at < :to
            UNION ALL
            SELECT s.item_code, a.region, CAST(v.value AS int), a.uscc, coalesce(a.uscc, a.respondent), 'survey', s.title
            FROM survey_answer a JOIN survey s ON s.id = a.survey_id JOIN survey_answer_value v ON v.answer_id = a.id
            JOIN survey_question q ON q.id = v.question_id
            WHERE q.measure = 'SATISFACTION' AND q.kind = 'RATING' AND a.answered_at >= :from AND a.answered_at < :to""";

    private final JdbcClient jdbc;
    private final MatchingService matching;

    RateQueries(JdbcClient jdbc, MatchingService matching) {
        this.jdbc = jdbc;
        this.matching = matching;
    }

    public List<Cell> cells(Instant from, Instant to) {
        List<Cell> cells = new ArrayList<>();
        // awareness: announced pairs still eligible in the stored match sets, and of those the ones that knew
        Map<String, long[]> byCell = new LinkedHashMap<>();
        jdbc.sql(ANNOUNCED).param("to", Timestamp.from(to)).query(rs -> {
            if (matching.isEligible(rs.getString(1), rs.getString(2))) {
                long[] c = byCell.computeIfAbsent(rs.getString(2) + "|" + rs.getString(3), k -> new long[2]);
                c[1]++;
                c[0] += rs.getBoolean("aware") ? 1 : 0;
            }
        });
        byCell.forEach((key, c) -> {
            String[] k = key.split("\\|", -1);
            cells.add(new Cell(k[0], k[1].equals("null") ? null : k[1], new Rate(c[0], c[1]), Rate.NONE, Rate.NONE, BigDecimal.ZERO, BigDecimal.ZERO));
        });
        jdbc.sql("SELECT item, region, count(*) AS d, count(*) FILTER (WHERE stars >= 4) AS n FROM (" + RATINGS + ") x GROUP BY 1, 2")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> cells.add(new Cell(rs.getString(1), rs.getString(2), Rate.NONE, new Rate(rs.getLong("n"), rs.getLong("d")),
                        Rate.NONE, BigDecimal.ZERO, BigDecimal.ZERO))).list();
        jdbc.sql("SELECT g.item_code, g.region, count(*) AS d, count(*) FILTER (WHERE g.status = 'PAID' AND g.paid_at <= g.pay_due_at) AS n, "
                        + "sum(g.amount) AS approved, coalesce(sum(g.amount) FILTER (WHERE g.status = 'PAID'), 0) AS paid "
                        + FULFILMENT_SET + " GROUP BY 1, 2")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("now", Timestamp.from(Instant.now()))
                .query((rs, i) -> cells.add(new Cell(rs.getString(1), rs.getString(2), Rate.NONE, Rate.NONE,
                        new Rate(rs.getLong("n"), rs.getLong("d")), rs.getBigDecimal("approved"), rs.getBigDecimal("paid")))).list();
        return cells;
    }

    /** The records behind one measure for a set of items (null = all) and a county (null = all). */
    public List<Line> lines(String measure, List<String> items, String region, Instant from, Instant to, int limit) {
        String codes = items == null ? null : String.join(",", items); // codes hold no commas (catalog validation)
        String filter = " AND (CAST(:items AS text) IS NULL OR %s = ANY(string_to_array(:items, ','))) AND (CAST(:region AS text) IS NULL OR %s = :region)";
        if (measure.equals("awareness")) {
            return awarenessLines(items, region, to, limit);
        }
        String sql = switch (measure) {
            case "satisfaction" -> "SELECT uscc, name, item, region, stars || ' 星 · ' || CASE src WHEN 'ratings' THEN '办件评价 ' ELSE '问卷 ' END || ref AS detail, "
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
            spec = spec.param("now", Timestamp.from(Instant.now()));
        }
        return spec.query((rs, i) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean("counted"))).list();
    }

    /** The pairs behind 知晓率, those that did not know first. */
    private List<Line> awarenessLines(List<String> items, String region, Instant to, int limit) {
        List<Line> lines = new ArrayList<>();
        jdbc.sql(ANNOUNCED + " AND (CAST(:items AS text[]) IS NULL OR n.item_code = ANY(CAST(:items AS text[])))"
                        + " AND (CAST(:region AS text) IS NULL OR e.region = :region)")
                .param("to", Timestamp.from(to)).param("items", items == null ? null : items.toArray(String[]::new)).param("region", region)
                .query(rs -> {
                    if (matching.isEligible(rs.getString(1), rs.getString(2))) {
                        boolean aware = rs.getBoolean("aware");
                        lines.add(new Line(rs.getString(1), rs.getString(4), rs.getString(2), rs.getString(3), aware ? "已知晓" : "未知晓", aware));
                    }
                });
        return lines.stream().sorted(Comparator.comparing(Line::counted).thenComparing(Line::item).thenComparing(Line::uscc)).limit(limit).toList();
    }
}
