package io.zhida.cockpit.internal;

import io.zhida.calendar.WorkingCalendar;
import io.zhida.catalog.PolicyCatalog;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cockpit's read model recomputed from the owners' published facts (first start, repair): the same
 * cells the events add to as things happen ({@link ReadModel}), in one transaction.
 */
@Component
public class CockpitRebuild {

    private static final Logger log = LoggerFactory.getLogger(CockpitRebuild.class);

    private final JdbcClient jdbc;
    private final CockpitDimensions dimensions;
    private final PolicyCatalog catalog;
    private final WorkingCalendar calendar;

    CockpitRebuild(JdbcClient jdbc, CockpitDimensions dimensions, PolicyCatalog catalog, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.dimensions = dimensions;
        this.catalog = catalog;
        this.calendar = calendar;
    }

    public boolean empty() {
        return jdbc.sql("SELECT count(*) FROM cockpit_enterprise").query(Long.class).single() == 0;
    }

    /** Recomputes the whole model from the records, in one transaction. */
    @Transactional
    public void rebuild() {
        dimensions.serialize();
        long t0 = System.nanoTime();
        jdbc.sql("TRUNCATE cockpit_item, cockpit_fact, cockpit_month, cockpit_slice, cockpit_stage").update();
        dimensions.loadEnterprises();
        catalog.workingView().forEach(dimensions::putItem);
        jdbc.sql("""
                INSERT INTO cockpit_fact (day, item_code, region, industry, size, matched, read)
                SELECT (n.created_at AT TIME ZONE 'Asia/Shanghai')::date, n.item_code, e.region, e.industry, e.size,
                       count(*), count(*) FILTER (WHERE n.read_at IS NOT NULL)
                FROM announced_pair n JOIN cockpit_enterprise e ON e.uscc = n.uscc
                GROUP BY 1, 2, 3, 4, 5""").update(); // matched = announced new matches, as MatchesFound counts them
        upsert("""
                SELECT (a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date, a.item_code, e.region, e.industry, e.size, count(*) AS submitted
                FROM application_facts a JOIN cockpit_enterprise e ON e.uscc = a.uscc GROUP BY 1, 2, 3, 4, 5""", "submitted");
        upsert("""
                SELECT (a.decided_at AT TIME ZONE 'Asia/Shanghai')::date, a.item_code, e.region, e.industry, e.size,
                       count(*) FILTER (WHERE a.status IN ('APPROVED', 'PAID')) AS approved,
                       count(*) FILTER (WHERE a.status IN ('REJECTED', 'REFUSED')) AS declined
                FROM application_facts a JOIN cockpit_enterprise e ON e.uscc = a.uscc WHERE a.decided_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5""",
                "approved", "declined");
        decidedDays();
        upsert("""
                SELECT (g.created_at AT TIME ZONE 'Asia/Shanghai')::date, g.item_code, e.region, e.industry, e.size,
                       count(*) AS granted, sum(g.amount) AS granted_amount,
                       count(*) FILTER (WHERE g.route = 'NO_APPLICATION') AS no_app_granted,
                       coalesce(sum(g.amount) FILTER (WHERE g.route = 'NO_APPLICATION'), 0) AS no_app_amount
                FROM grant_facts g JOIN cockpit_enterprise e ON e.uscc = g.uscc WHERE g.status <> 'CANCELLED' GROUP BY 1, 2, 3, 4, 5""",
                "granted", "granted_amount", "no_app_granted", "no_app_amount");
        upsert("""
                SELECT (g.paid_at AT TIME ZONE 'Asia/Shanghai')::date, g.item_code, e.region, e.industry, e.size, count(*) AS paid,
                       count(*) FILTER (WHERE g.pay_due_at IS NULL OR g.paid_at <= g.pay_due_at) AS paid_on_time, sum(g.amount) AS paid_amount
                FROM grant_facts g JOIN cockpit_enterprise e ON e.uscc = g.uscc WHERE g.status = 'PAID' GROUP BY 1, 2, 3, 4, 5""",
                "paid", "paid_on_time", "paid_amount");
        upsert("""
                SELECT (r.rated_at AT TIME ZONE 'Asia/Shanghai')::date, r.item_code, e.region, e.industry, e.size,
                       count(*) AS ratings, count(*) FILTER (WHERE r.stars >= 4) AS satisfied
                FROM service_rating_facts r JOIN cockpit_enterprise e ON e.uscc = r.uscc
                GROUP BY 1, 2, 3, 4, 5""", "ratings", "satisfied");
        jdbc.sql("""
                INSERT INTO cockpit_stage (item_code, region, industry, size, status, n)
                SELECT a.item_code, e.region, e.industry, e.size, a.status, count(*)
                FROM application_facts a JOIN cockpit_enterprise e ON e.uscc = a.uscc GROUP BY 1, 2, 3, 4, 5""").update();
        rollUpMonths();
        log.info("Cockpit read model rebuilt in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    static final String[] DIMS = {"region", "industry", "size", "item_code"};

    /** The monthly cells and the one-dimension slices from the daily cells (rebuild, and after loading cells in bulk). */
    public void rollUpMonths() {
        String sums = Measure.sums();
        jdbc.sql("TRUNCATE cockpit_month, cockpit_slice").update();
        jdbc.sql("INSERT INTO cockpit_month (month, item_code, region, industry, size, " + Measure.columns() + ") "
                + "SELECT date_trunc('month', day)::date, item_code, region, industry, size, " + sums + " FROM cockpit_fact GROUP BY 1, 2, 3, 4, 5").update();
        for (String dim : DIMS) {
            jdbc.sql("INSERT INTO cockpit_slice (grain, period, dim, key, " + Measure.columns() + ") SELECT 'D', day, '" + dim + "', " + dim + ", " + sums
                    + " FROM cockpit_fact GROUP BY day, " + dim).update();
            jdbc.sql("INSERT INTO cockpit_slice (grain, period, dim, key, " + Measure.columns() + ") SELECT 'M', month, '" + dim + "', " + dim + ", " + sums
                    + " FROM cockpit_month GROUP BY month, " + dim).update();
        }
    }

    /** Working days from submission to decision, counted with the calendar (holidays and 调休), as the events do. */
    private void decidedDays() {
        var time = calendar.time();
        jdbc.sql("""
                        SELECT (a.decided_at AT TIME ZONE 'Asia/Shanghai')::date AS decided, (a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS submitted,
                               a.item_code, e.region, e.industry, e.size, count(*) AS n
                        FROM application_facts a JOIN cockpit_enterprise e ON e.uscc = a.uscc WHERE a.decided_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6""")
                .query((rs, i) -> {
                    LocalDate decided = rs.getObject("decided", LocalDate.class);
                    long days = (long) time.workingDaysBetween(rs.getObject("submitted", LocalDate.class), decided) * rs.getLong("n");
                    jdbc.sql("INSERT INTO cockpit_fact (day, item_code, region, industry, size, decided_days) VALUES (?, ?, ?, ?, ?, ?) "
                                    + "ON CONFLICT " + ReadModel.KEY + " DO UPDATE SET decided_days = cockpit_fact.decided_days + excluded.decided_days")
                            .params(decided, rs.getString("item_code"), rs.getString("region"), rs.getString("industry"), rs.getString("size"), days)
                            .update();
                    return null;
                }).list();
    }

    private void upsert(String select, String... columns) {
        StringBuilder set = new StringBuilder();
        for (String c : columns) {
            set.append(set.isEmpty() ? "" : ", ").append(c).append(" = cockpit_fact.").append(c).append(" + excluded.").append(c);
        }
        jdbc.sql("INSERT INTO cockpit_fact (day, item_code, region, industry, size, " + String.join(", ", columns) + ") " + select
                + " ON CONFLICT " + ReadModel.KEY + " DO UPDATE SET " + set).update();
    }
}
