package io.zhida.cockpit.internal;

import io.zhida.applications.ApplicationChanged;
import io.zhida.applications.ServiceRated;
import io.zhida.calendar.WorkingCalendar;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItemAbolished;
import io.zhida.catalog.PolicyItemPublished;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.enterprise.EnterprisesChanged;
import io.zhida.funds.GrantEvents;
import io.zhida.funds.GrantRoute;
import io.zhida.matching.MatchesFound;
import io.zhida.notify.MessageRead;
import io.zhida.platform.ProcessedEvents;
import io.zhida.platform.Today;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cockpit's read model as things happen: each domain event adds to the day it happened (a flow) or moves an
 * application between stages. {@link CockpitRebuild} recomputes the same cells from the published facts.
 */
@Component
public class ReadModel {

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);
    static final String KEY = "(day, item_code, region, industry, size)";

    private final JdbcClient jdbc;
    private final ProcessedEvents processed;
    private final EnterpriseProfiles profiles;
    private final PolicyCatalog catalog;
    private final WorkingCalendar calendar;
    private final CockpitDimensions dimensions;
    private final io.zhida.matching.MatchNews news;
    private final Clock clock;

    ReadModel(JdbcClient jdbc, EnterpriseProfiles profiles, PolicyCatalog catalog, WorkingCalendar calendar,
              ProcessedEvents processed, io.zhida.matching.MatchNews news, CockpitDimensions dimensions, Clock clock) {
        this.clock = clock;
        this.news = news;
        this.processed = processed;
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.catalog = catalog;
        this.calendar = calendar;
        this.dimensions = dimensions;
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
        dimensions.serialize();
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
        dimensions.serialize();
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
        dimensions.serialize();
        if (!processed.firstDelivery("cockpit", g)) {
            return;
        }
        Instant now = clock.instant();
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
        dimensions.serialize();
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
            dimensions.upsertEnterprises(profiles.findAll(unknown));
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
                .param("day", LocalDate.now(clock)).param("month", LocalDate.now(clock).withDayOfMonth(1)).update();
    }

    @CockpitListener
    void on(MessageRead read) {
        dimensions.serialize();
        if (!processed.firstDelivery("cockpit", read)) {
            return;
        }
        read.itemCodes().forEach(item -> add(read.at(), read.uscc(), item, Measure.READ, 1));
    }

    @CockpitListener
    void on(ServiceRated rated) {
        dimensions.serialize();
        if (!processed.firstDelivery("cockpit", rated)) {
            return;
        }
        add(rated.at(), rated.uscc(), rated.itemCode(), Measure.RATINGS, 1);
        add(rated.at(), rated.uscc(), rated.itemCode(), Measure.SATISFIED, rated.stars() >= 4 ? 1 : 0);
    }

    @CockpitListener
    void on(EnterprisesChanged changed) {
        dimensions.serialize();
        if (!processed.firstDelivery("cockpit", changed)) {
            return;
        }
        if (changed.everything()) {
            dimensions.loadEnterprises(); // a bulk import: the new enterprises' matches are counted by their county, industry and size
            return;
        }
        dimensions.upsertEnterprises(profiles.findAll(changed.usccs()));
    }

    @CockpitListener
    void on(PolicyItemPublished published) {
        dimensions.serialize();
        if (!processed.firstDelivery("cockpit", published)) {
            return;
        }
        catalog.onlineItem(published.code()).ifPresent(dimensions::putItem);
    }

    @CockpitListener
    void on(PolicyItemAbolished abolished) {
        dimensions.serialize();
        if (!processed.firstDelivery("cockpit", abolished)) {
            return;
        }
        jdbc.sql("UPDATE cockpit_item SET online = FALSE WHERE item_code = ?").param(abolished.code()).update();
    }
}
