package io.zhida.cockpit.internal;

import io.zhida.applications.ApplicationChanged;
import io.zhida.applications.ServiceRated;
import io.zhida.calendar.WorkingCalendar;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.catalog.PolicyItemAbolished;
import io.zhida.catalog.PolicyItemPublished;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.enterprise.EnterprisesChanged;
import io.zhida.engine.standard.SizeClass;
import io.zhida.funds.GrantEvents;
import io.zhida.funds.GrantRoute;
import io.zhida.matching.MatchesFound;
import io.zhida.notify.MessageRead;
import io.zhida.platform.PostgresCopy;
import io.zhida.platform.Today;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.zhida.platform.ProcessedEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cockpit's read model. Each domain event adds to the day it happened (a flow) or moves an application
 * between stages; {@link #rebuild()} recomputes everything from the records (first start, repair).
 */
@Component
public class ReadModel {

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);
    private static final String KEY = "(day, item_code, region, industry, size)";

    private final JdbcClient jdbc;
    private final ProcessedEvents processed;
    private final DataSource dataSource;
    private final EnterpriseProfiles profiles;
    private final PolicyCatalog catalog;
    private final WorkingCalendar calendar;

    private final io.zhida.matching.MatchNews news;

    ReadModel(JdbcClient jdbc, DataSource dataSource, EnterpriseProfiles profiles, PolicyCatalog catalog, WorkingCalendar calendar,
              ProcessedEvents processed, io.zhida.matching.MatchNews news) {
        this.news = news;
        this.processed = processed;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.profiles = profiles;
        this.catalog = catalog;
        this.calendar = calendar;
    }

    /**
     * One writer at a time: events arrive on several threads at once and a rebuild truncates the tables;
     * a transaction-scoped advisory lock orders them all, so they can neither deadlock nor interleave.
     */
    private void serialize() {
        jdbc.sql("SELECT pg_advisory_xact_lock(74201121)").query((rs, n) -> null).list();
    }

    public boolean empty() {
        return jdbc.sql("SELECT count(*) FROM cockpit_enterprise").query(Long.class).single() == 0;
    }

    /** Recomputes the whole model from the records, in one transaction. */
    @Transactional
    public void rebuild() {
        serialize();
        long t0 = System.nanoTime();
        jdbc.sql("TRUNCATE cockpit_item, cockpit_fact, cockpit_month, cockpit_slice, cockpit_stage").update();
        loadEnterprises();
        catalog.workingView().forEach(this::putItem);
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

    /** Adds to the one-dimension slices of the day and the month, rows in key order. */
    private void addToSlices(LocalDate day, String item, String column, Object value, String usccs, String items) {
        jdbc.sql("INSERT INTO cockpit_slice (grain, period, dim, key, " + column + ") "
                        + "SELECT g.grain, g.period, d.dim, CASE d.dim WHEN 'region' THEN e.region WHEN 'industry' THEN e.industry "
                        + "WHEN 'size' THEN e.size ELSE x.item END, sum(x.value) "
                        + "FROM unnest(string_to_array(?, ','), string_to_array(?, ','), CAST(string_to_array(?, ',') AS numeric[])) AS x(uscc, item, value) "
                        + "JOIN cockpit_enterprise e ON e.uscc = x.uscc, (VALUES ('D', CAST(? AS date)), ('M', CAST(? AS date))) g(grain, period), "
                        + "(VALUES ('region'), ('industry'), ('size'), ('item_code')) d(dim) GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4 "
                        + "ON CONFLICT (grain, period, dim, key) DO UPDATE SET " + column + " = cockpit_slice." + column + " + excluded." + column)
                .params(usccs, items, value.toString(), day, day.withDayOfMonth(1)).update();
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
                                    + "ON CONFLICT " + KEY + " DO UPDATE SET decided_days = cockpit_fact.decided_days + excluded.decided_days")
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
                + " ON CONFLICT " + KEY + " DO UPDATE SET " + set).update();
    }

    /** The enterprises' dimensions (county, industry section, size class), all of them again. */
    private void loadEnterprises() {
        jdbc.sql("TRUNCATE cockpit_enterprise").update();
        StringBuilder rows = new StringBuilder();
        profiles.forEach(p -> rows.append(p.uscc()).append('\t').append(p.region()).append('\t').append(p.industry().charAt(0))
                .append('\t').append(size(p)).append('\n'));
        PostgresCopy.copyIn(dataSource, "COPY cockpit_enterprise (uscc, region, industry, size) FROM STDIN", rows);
    }

    private void upsertEnterprises(List<EnterpriseProfile> changed) {
        for (EnterpriseProfile p : changed) {
            jdbc.sql("""
                            INSERT INTO cockpit_enterprise (uscc, region, industry, size) VALUES (?, ?, ?, ?)
                            ON CONFLICT (uscc) DO UPDATE SET region = excluded.region, industry = excluded.industry, size = excluded.size""")
                    .params(p.uscc(), p.region(), p.industry().substring(0, 1), size(p)).update();
        }
    }

    private static String size(EnterpriseProfile p) {
        return SizeClass.classify(p.industry(), (Integer) p.value("employees"), yuan(p.value("revenue")), yuan(p.value("total_assets")))
                .orElse("未知");
    }

    private static Double yuan(Object amount) {
        return amount instanceof java.math.BigDecimal d ? d.doubleValue() : null;
    }

    private void putItem(PolicyItem item) {
        jdbc.sql("""
                        INSERT INTO cockpit_item (item_code, name, departments, themes, mode, online) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (item_code) DO UPDATE SET name = excluded.name, departments = excluded.departments, themes = excluded.themes,
                          mode = excluded.mode, online = excluded.online""")
                .params(item.code(), item.content().name(), item.content().departments().toArray(String[]::new),
                        item.content().themes().toArray(String[]::new), item.content().mode().name(),
                        catalog.onlineItem(item.code()).isPresent()).update();
    }

    /** Adds to the day's cell, and to its month's, of one enterprise and item. */
    private void add(Instant at, String uscc, String item, Measure measure, Object value) {
        String column = measure.column();
        LocalDate day = LocalDate.ofInstant(at, Today.ZONE);
        for (String[] t : new String[][] {{"cockpit_fact", "day"}, {"cockpit_month", "month"}}) {
            jdbc.sql("INSERT INTO " + t[0] + " (" + t[1] + ", item_code, region, industry, size, " + column + ") "
                            + "SELECT ?, ?, region, industry, size, ? FROM cockpit_enterprise WHERE uscc = ? "
                            + "ON CONFLICT (" + t[1] + ", item_code, region, industry, size) DO UPDATE SET " + column + " = " + t[0] + "." + column
                            + " + excluded." + column)
                    .params(t[1].equals("day") ? day : day.withDayOfMonth(1), item, value, uscc).update();
        }
        addToSlices(day, item, column, value, uscc, item);
    }

    private void stage(String uscc, String item, String status, int delta) {
        jdbc.sql("""
                        INSERT INTO cockpit_stage (item_code, region, industry, size, status, n)
                        SELECT ?, region, industry, size, ?, ? FROM cockpit_enterprise WHERE uscc = ?
                        ON CONFLICT (item_code, region, industry, size, status) DO UPDATE SET n = cockpit_stage.n + excluded.n""")
                .params(item, status, delta, uscc).update();
    }

    @CockpitListener
    void on(ApplicationChanged c) {
        serialize();
        if (!processed.firstDelivery("cockpit", c)) {
            return;
        }
        if (c.from() != null) {
            stage(c.uscc(), c.itemCode(), c.from().name(), -1);
        }
        stage(c.uscc(), c.itemCode(), c.to().name(), 1);
        switch (c.to()) {
            case SUBMITTED -> {
                if (c.from() == null) {
                    add(c.at(), c.uscc(), c.itemCode(), Measure.SUBMITTED, 1);
                }
            }
            case APPROVED, REJECTED, REFUSED -> {
                add(c.at(), c.uscc(), c.itemCode(), c.to() == io.zhida.applications.Application.Status.APPROVED ? Measure.APPROVED : Measure.DECLINED, 1);
                LocalDate submitted = LocalDate.ofInstant(c.submittedAt(), Today.ZONE);
                add(c.at(), c.uscc(), c.itemCode(), Measure.DECIDED_DAYS,
                        calendar.time().workingDaysBetween(submitted, LocalDate.ofInstant(c.at(), Today.ZONE)));
            }
            default -> { }
        }
    }

    @CockpitListener
    void on(GrantEvents.GrantMade g) {
        serialize();
        if (!processed.firstDelivery("cockpit", g)) {
            return;
        }
        add(g.at(), g.uscc(), g.itemCode(), Measure.GRANTED, 1);
        add(g.at(), g.uscc(), g.itemCode(), Measure.GRANTED_AMOUNT, g.amount());
        if (g.route() == GrantRoute.NO_APPLICATION) {
            add(g.at(), g.uscc(), g.itemCode(), Measure.NO_APP_GRANTED, 1);
            add(g.at(), g.uscc(), g.itemCode(), Measure.NO_APP_AMOUNT, g.amount());
        }
    }

    @CockpitListener
    void on(GrantEvents.GrantPaid g) {
        serialize();
        if (!processed.firstDelivery("cockpit", g)) {
            return;
        }
        Instant now = Instant.now();
        add(now, g.uscc(), g.itemCode(), Measure.PAID, 1);
        add(now, g.uscc(), g.itemCode(), Measure.PAID_ON_TIME, g.onTime() ? 1 : 0);
        add(now, g.uscc(), g.itemCode(), Measure.PAID_AMOUNT, g.amount());
    }

    /**
     * A batch of new matches in one statement, cells in key order: batches handled at the same time then lock
     * their cells in the same order and never deadlock.
     */
    @CockpitListener
    void on(MatchesFound found) {
        serialize();
        if (!processed.firstDelivery("cockpit", found)) {
            return;
        }
        List<String> usccs = new ArrayList<>();
        List<String> items = new ArrayList<>();
        news.of(found).forEach(n -> n.itemCodes().forEach(item -> {
            usccs.add(n.uscc());
            items.add(item);
        }));
        if (usccs.isEmpty()) {
            return;
        }
        // enterprises this model has not heard of yet (their change is still on its way) are added first, not left uncounted
        List<String> unknown = jdbc.sql("SELECT DISTINCT x FROM unnest(CAST(? AS char(18)[])) AS x "
                + "WHERE NOT EXISTS (SELECT 1 FROM cockpit_enterprise e WHERE e.uscc = x)").param(usccs.toArray(String[]::new))
                .query(String.class).list();
        if (!unknown.isEmpty()) {
            upsertEnterprises(profiles.findAll(unknown));
        }
        // the pairs are joined and counted once (a province's first match brings 100,000 pairs per batch); the day,
        // month and slice cells are written from those counts, in key order
        jdbc.sql("""
                WITH found AS (
                    SELECT x.item AS item_code, e.region, e.industry, e.size, count(*) AS n
                    FROM unnest(CAST(:u AS char(18)[]), CAST(:i AS text[])) AS x(uscc, item) JOIN cockpit_enterprise e ON e.uscc = x.uscc
                    GROUP BY 1, 2, 3, 4),
                day AS (
                    INSERT INTO cockpit_fact (day, item_code, region, industry, size, matched)
                    SELECT :day, item_code, region, industry, size, n FROM found ORDER BY 2, 3, 4, 5
                    ON CONFLICT (day, item_code, region, industry, size) DO UPDATE SET matched = cockpit_fact.matched + excluded.matched),
                month AS (
                    INSERT INTO cockpit_month (month, item_code, region, industry, size, matched)
                    SELECT :month, item_code, region, industry, size, n FROM found ORDER BY 2, 3, 4, 5
                    ON CONFLICT (month, item_code, region, industry, size) DO UPDATE SET matched = cockpit_month.matched + excluded.matched)
                INSERT INTO cockpit_slice (grain, period, dim, key, matched)
                SELECT g.grain, g.period, d.dim, CASE d.dim WHEN 'region' THEN f.region WHEN 'industry' THEN f.industry
                       WHEN 'size' THEN f.size ELSE f.item_code END, sum(f.n)
                FROM found f, (VALUES ('D', CAST(:day AS date)), ('M', CAST(:month AS date))) g(grain, period),
                     (VALUES ('region'), ('industry'), ('size'), ('item_code')) d(dim)
                GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                ON CONFLICT (grain, period, dim, key) DO UPDATE SET matched = cockpit_slice.matched + excluded.matched""")
                .param("u", usccs.toArray(String[]::new)).param("i", items.toArray(String[]::new))
                .param("day", Today.date()).param("month", Today.date().withDayOfMonth(1)).update();
    }

    @CockpitListener
    void on(MessageRead read) {
        serialize();
        if (!processed.firstDelivery("cockpit", read)) {
            return;
        }
        read.itemCodes().forEach(item -> add(read.at(), read.uscc(), item, Measure.READ, 1));
    }

    @CockpitListener
    void on(ServiceRated rated) {
        serialize();
        if (!processed.firstDelivery("cockpit", rated)) {
            return;
        }
        add(rated.at(), rated.uscc(), rated.itemCode(), Measure.RATINGS, 1);
        add(rated.at(), rated.uscc(), rated.itemCode(), Measure.SATISFIED, rated.stars() >= 4 ? 1 : 0);
    }

    @CockpitListener
    void on(EnterprisesChanged changed) {
        serialize();
        if (!processed.firstDelivery("cockpit", changed)) {
            return;
        }
        if (changed.everything()) {
            loadEnterprises(); // a bulk import: the new enterprises' matches are counted by their county, industry and size
            return;
        }
        upsertEnterprises(profiles.findAll(changed.usccs()));
    }

    @CockpitListener
    void on(PolicyItemPublished published) {
        serialize();
        if (!processed.firstDelivery("cockpit", published)) {
            return;
        }
        catalog.onlineItem(published.code()).ifPresent(this::putItem);
    }

    @CockpitListener
    void on(PolicyItemAbolished abolished) {
        serialize();
        if (!processed.firstDelivery("cockpit", abolished)) {
            return;
        }
        jdbc.sql("UPDATE cockpit_item SET online = FALSE WHERE item_code = ?").param(abolished.code()).update();
    }
}
