package io.zhida.rates;

import io.zhida.identity.Unit;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Platform measures besides the three rates, per unit (keyed by {@link Unit#key()}) for a period:
 * steps finished on time, 免申即享's share of the money, appeals answered on time, problems closed.
 */
@Repository
public class PlatformMeasures {

    private final JdbcClient jdbc;

    PlatformMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Time-limit tasks finished in the period, by the department that held them and the applicant's county. */
    public Map<String, Rate> onTime(Instant from, Instant to) {
        Map<String, Rate> m = new LinkedHashMap<>();
        String sql = """
                SELECT %s AS unit, count(*) AS d, count(*) FILTER (WHERE t.done_at <= t.due_at) AS n
                FROM application_task_facts t
                WHERE t.done_at >= :from AND t.done_at < :to GROUP BY 1""";
        collect(m, sql.formatted(Unit.sqlKey(Unit.Kind.DEPARTMENT, "t.department_code")), from, to);
        collect(m, sql.formatted(Unit.sqlKey(Unit.Kind.COUNTY, "t.region")), from, to);
        return m;
    }

    /** Share of the money granted in the period that went out without an application (免申即享). */
    public Map<String, Rate> noApplicationShare(Instant from, Instant to, Map<String, java.util.List<String>> departmentsOfItem) {
        Map<String, Rate> m = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT item_code, region, round(sum(amount))::bigint AS d, round(coalesce(sum(amount) FILTER (WHERE route = 'NO_APPLICATION'), 0))::bigint AS n
                        FROM grant_facts WHERE status <> 'CANCELLED' AND created_at >= :from AND created_at < :to GROUP BY 1, 2""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> {
                    Rate r = new Rate(rs.getLong("n"), rs.getLong("d"));
                    m.merge(Unit.county(rs.getString(2)).key(), r, Rate::plus);
                    departmentsOfItem.getOrDefault(rs.getString(1), java.util.List.of()).forEach(d -> m.merge(Unit.department(d).key(), r, Rate::plus));
                    return r;
                }).list();
        return m;
    }

    /** Appeals whose time limit fell in the period: answered by then. */
    public Map<String, Rate> appealsOnTime(Instant from, Instant to) {
        Map<String, Rate> m = new LinkedHashMap<>();
        String sql = """
                SELECT %s AS unit, count(*) AS d, count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_at <= due_at) AS n
                FROM appeal_facts WHERE due_at >= :from AND due_at < :to AND %s IS NOT NULL GROUP BY 1""";
        collect(m, sql.formatted(Unit.sqlKey(Unit.Kind.DEPARTMENT, "department_code"), "department_code"), from, to);
        collect(m, sql.formatted(Unit.sqlKey(Unit.Kind.COUNTY, "region"), "region"), from, to);
        return m;
    }

    /** Problems due in the period: closed (done or checked) by their deadline. */
    public Map<String, Rate> rectification(Instant from, Instant to) {
        Map<String, Rate> m = new LinkedHashMap<>();
        collect(m, """
                SELECT unit_kind || ':' || unit_code AS unit, count(*) AS d,
                       count(*) FILTER (WHERE done_at IS NOT NULL AND (done_at AT TIME ZONE 'Asia/Shanghai')::date <= deadline) AS n
                FROM problem_facts WHERE deadline >= (CAST(:from AS timestamptz) AT TIME ZONE 'Asia/Shanghai')::date
                  AND deadline < (CAST(:to AS timestamptz) AT TIME ZONE 'Asia/Shanghai')::date GROUP BY 1""", from, to);
        return m;
    }

    private void collect(Map<String, Rate> into, String sql, Instant from, Instant to) {
        jdbc.sql(sql).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> into.merge(rs.getString("unit"), new Rate(rs.getLong("n"), rs.getLong("d")), Rate::plus)).list();
    }
}
