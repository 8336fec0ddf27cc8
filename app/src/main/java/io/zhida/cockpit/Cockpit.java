package io.zhida.cockpit;

import io.zhida.applications.TimeLimits;
import io.zhida.backtoback.BackToBack;
import io.zhida.backtoback.BackToBackRound;
import io.zhida.cockpit.internal.CockpitRebuild;
import io.zhida.cockpit.internal.Measure;
import io.zhida.cockpit.internal.Measure.Figures;
import io.zhida.identity.Organisations;
import io.zhida.identity.Unit;
import io.zhida.rectification.Ledger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 领导驾驶舱: figures from the read model only (plus the small lists of overdue tasks, open problems and the latest ranking). */
@Service
public class Cockpit {

    /** The filter on a cell, by day or by month. */
    private static final String WHERE = " " + """
             AND (CAST(:region AS text) IS NULL OR region = :region) AND (CAST(:industry AS text) IS NULL OR industry = :industry)
             AND (CAST(:size AS text) IS NULL OR size = :size)
             AND (CAST(:items AS text) IS NULL OR item_code = ANY(string_to_array(:items, ',')))""";

    /**
     * The period's cells: whole months from cockpit_month, the ragged edges from cockpit_fact; read as
     * "FROM (…) f" with a column "day" (a month's first day for monthly cells).
     */
    private static final String FACTS = " FROM (SELECT month AS day, item_code, region, industry, size, " + Measure.columns()
            + " FROM cockpit_month WHERE month >= :fullFrom AND month < :fullTo " + WHERE
            + " UNION ALL SELECT day, item_code, region, industry, size, " + Measure.columns()
            + " FROM cockpit_fact WHERE day BETWEEN :from AND :to AND (day < :fullFrom OR day >= :fullTo) " + WHERE + ") f WHERE TRUE";

    /**
     * The one-dimension slices of the period (whole months by month, edges by day), read as "FROM (…) s" with
     * a column "day"; restricted to the given items when a department or theme is chosen.
     */
    private static final String SLICES = " FROM (SELECT period AS day, dim, key, " + Measure.columns()
            + " FROM cockpit_slice WHERE grain = 'M' AND period >= :fullFrom AND period < :fullTo UNION ALL SELECT period, dim, key, "
            + Measure.columns() + " FROM cockpit_slice WHERE grain = 'D' AND period BETWEEN :from AND :to AND (period < :fullFrom OR period >= :fullTo)) s"
            + " WHERE (CAST(:items AS text) IS NULL OR (s.dim = 'item_code' AND s.key = ANY(string_to_array(:items, ','))))";

    private final JdbcClient jdbc;
    private final CockpitRebuild model;
    private final TimeLimits limits;
    private final Ledger ledger;
    private final BackToBack backToBack;
    private final Organisations organisations;

    Cockpit(JdbcClient jdbc, CockpitRebuild model, TimeLimits limits, Ledger ledger, BackToBack backToBack, Organisations organisations) {
        this.jdbc = jdbc;
        this.model = model;
        this.limits = limits;
        this.ledger = ledger;
        this.backToBack = backToBack;
        this.organisations = organisations;
    }

    /**
     * A platform that has never built its read model (first start, upgrade) builds it once, in the background:
     * at a province's size it reads hundreds of millions of announced pairs, which must not hold up the start.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void buildIfEmpty() {
        if (model.empty()) {
            Thread builder = new Thread(() -> {
                try {
                    model.rebuild();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(Cockpit.class).error("The cockpit's read model could not be built at start-up", e);
                }
            }, "cockpit-build");
            builder.setDaemon(true);
            builder.start();
        }
    }

    /** Recomputes the read model from the records (after a bulk load, or to repair). */
    public void rebuild() {
        model.rebuild();
    }

    @Transactional(readOnly = true)
    public CockpitSummary summary(CockpitFilter f) {
        customPlans();
        return facts(f, items(f));
    }

    /**
     * The optional filters ("region IS NULL OR …") and the period decide the best plan; a generic plan of a
     * prepared statement cannot see them and would read every cell.
     */
    private void customPlans() {
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    }

    private CockpitSummary facts(CockpitFilter f, String items) {
        return jdbc.sql("SELECT " + Measure.totals() + (coarse(f) ? SLICES + " AND s.dim = 'item_code'" : FACTS))
                .paramSource(params(f, items)).query((rs, n) -> summary(Figures.read(rs), f, items)).single();
    }

    /** No county, industry or size chosen: the slices answer (a department or theme only narrows the items). */
    private static boolean coarse(CockpitFilter f) {
        return f.region() == null && f.industry() == null && f.size() == null;
    }

    private CockpitSummary summary(Figures c, CockpitFilter f, String items) {
        long decided = c.count(Measure.APPROVED) + c.count(Measure.DECLINED);
        Map<String, Long> stages = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT status, sum(n) FROM cockpit_stage WHERE TRUE""" + WHERE + " GROUP BY 1")
                .paramSource(params(f, items)).query((r, n) -> stages.put(r.getString(1), r.getLong(2))).list();
        long online = jdbc.sql("SELECT count(*) FROM cockpit_item WHERE online AND (CAST(:items AS text) IS NULL OR item_code = ANY(string_to_array(:items, ',')))")
                .paramSource(params(f, items)).query(Long.class).single();
        long enterprises = jdbc.sql("""
                        SELECT count(*) FROM cockpit_enterprise e WHERE (CAST(:region AS text) IS NULL OR e.region = :region)
                          AND (CAST(:industry AS text) IS NULL OR e.industry = :industry) AND (CAST(:size AS text) IS NULL OR e.size = :size)""")
                .paramSource(params(f, items)).query(Long.class).single();
        BigDecimal budget = jdbc.sql("""
                        SELECT coalesce(sum(budget), 0) FROM pool_facts WHERE year BETWEEN :fromYear AND :toYear
                          AND (CAST(:items AS text) IS NULL OR item_code = ANY(string_to_array(:items, ',')))""")
                .paramSource(params(f, items)).query(BigDecimal.class).single();
        long overdue = overdue(f, items).size();
        long[] problems = f.department() != null ? ledger.openCounts("DEPARTMENT", f.department())
                : f.region() != null ? ledger.openCounts("COUNTY", f.region()) : ledger.openCounts(null, null);
        return new CockpitSummary(online, enterprises, c.count(Measure.MATCHED), c.count(Measure.READ), c.count(Measure.SUBMITTED),
                c.count(Measure.APPROVED), c.count(Measure.DECLINED), c.count(Measure.GRANTED), c.amount(Measure.GRANTED_AMOUNT),
                c.amount(Measure.PAID_AMOUNT), c.count(Measure.PAID), c.count(Measure.PAID_ON_TIME), c.amount(Measure.NO_APP_AMOUNT),
                c.count(Measure.NO_APP_GRANTED), budget,
                decided == 0 ? null : BigDecimal.valueOf(c.count(Measure.DECIDED_DAYS)).divide(BigDecimal.valueOf(decided), 1, RoundingMode.HALF_UP),
                c.count(Measure.RATINGS), c.count(Measure.SATISFIED), stages, overdue, problems[0], problems[1]);
    }

    /**
     * The steps overdue now (a state, not a flow: the period does not apply) of the applications the filters choose —
     * their county, items (department, theme) and the enterprise's industry and size as the cockpit knows them.
     */
    private List<io.zhida.applications.TimeLimitTask> overdue(CockpitFilter f, String items) {
        java.util.Set<String> chosenItems = items == null ? null : java.util.Set.of(items.split(","));
        List<io.zhida.applications.TimeLimitTask> tasks = limits.overdue(f.department()).stream()
                .filter(t -> f.region() == null || f.region().equals(t.region()))
                .filter(t -> chosenItems == null || chosenItems.contains(t.itemCode())).toList();
        if ((f.industry() == null && f.size() == null) || tasks.isEmpty()) {
            return tasks;
        }
        java.util.Set<String> enterprises = new java.util.HashSet<>(jdbc.sql("""
                        SELECT uscc FROM cockpit_enterprise WHERE uscc = ANY(CAST(:usccs AS text[]))
                          AND (CAST(:industry AS text) IS NULL OR industry = :industry) AND (CAST(:size AS text) IS NULL OR size = :size)""")
                .param("usccs", tasks.stream().map(io.zhida.applications.TimeLimitTask::uscc).distinct().toArray(String[]::new))
                .param("industry", f.industry()).param("size", f.size()).query(String.class).list());
        return tasks.stream().filter(t -> enterprises.contains(t.uscc())).toList();
    }

    /**
     * Every chart in one pass over the period's cells (GROUPING SETS); departments are summed from the items'
     * totals, an item handled by two departments counting for both.
     */
    @Transactional(readOnly = true)
    public CockpitSummary.Breakdown breakdown(CockpitFilter f) {
        customPlans();
        String items = items(f);
        Map<String, Map<String, Figures>> cells = new LinkedHashMap<>(); // dimension → key → figures
        jdbc.sql(breakdownSql(f, items))
                .paramSource(params(f, items))
                .query((rs, n) -> cells.computeIfAbsent(rs.getString("dim"), k -> new java.util.TreeMap<>()).put(rs.getString("key"), Figures.read(rs)))
                .list();
        Map<String, String> regionNames = organisations.regionNames();
        Map<String, String> unitNames = organisations.unitNames();
        Map<String, String[]> itemInfo = new LinkedHashMap<>();
        jdbc.sql("SELECT item_code, name, array_to_string(departments, ',') FROM cockpit_item")
                .query((rs, n) -> itemInfo.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)})).list();
        List<CockpitSummary.Slice> itemSlices = slices(cells, "item", k -> itemInfo.containsKey(k) ? itemInfo.get(k)[0] : k).stream()
                .sorted((a, b) -> b.amount().compareTo(a.amount())).limit(15).toList();
        List<CockpitSummary.Slice> departments = departmentSlices(f, cells, itemInfo, unitNames);
        List<CockpitSummary.Month> months = cells.getOrDefault("month", Map.of()).entrySet().stream()
                .map(e -> {
                    Figures c = e.getValue();
                    return new CockpitSummary.Month(e.getKey(), c.count(Measure.SUBMITTED), c.count(Measure.APPROVED), c.amount(Measure.PAID_AMOUNT),
                            c.count(Measure.MATCHED), c.count(Measure.READ), c.count(Measure.RATINGS), c.count(Measure.SATISFIED),
                            c.count(Measure.PAID), c.count(Measure.PAID_ON_TIME));
                }).toList();
        return new CockpitSummary.Breakdown(slices(cells, "region", k -> regionNames.getOrDefault(k, k)), departments,
                slices(cells, "industry", k -> k + " " + IndustrySections.name(k)), slices(cells, "size", k -> k), itemSlices,
                months, overdueSlices(f, items, unitNames));
    }

    /** The figures by region, industry, size, item and month in one pass (GROUPING SETS), or from the slices when coarse. */
    private static String breakdownSql(CockpitFilter f, String items) {
        String sums = " " + Measure.sums();
        return coarse(f) && items == null
                ? "SELECT CASE dim WHEN 'item_code' THEN 'item' ELSE dim END AS dim, key, " + sums + SLICES + " GROUP BY 1, 2"
                        + " UNION ALL SELECT 'month', to_char(day, 'YYYY-MM'), " + sums + SLICES + " AND s.dim = 'item_code' GROUP BY 1, 2"
                : """
                        SELECT CASE WHEN GROUPING(region) = 0 THEN 'region' WHEN GROUPING(industry) = 0 THEN 'industry'
                                    WHEN GROUPING(size) = 0 THEN 'size' WHEN GROUPING(item_code) = 0 THEN 'item' ELSE 'month' END AS dim,
                               coalesce(region, industry, size, item_code, month) AS key,""" + sums + """

                        FROM (SELECT f.*, to_char(f.day, 'YYYY-MM') AS month""" + FACTS + """
                        ) x GROUP BY GROUPING SETS ((region), (industry), (size), (item_code), (month))""";
    }

    /** Departments summed from their items' totals; an item handled by two departments counts for both. */
    private static List<CockpitSummary.Slice> departmentSlices(CockpitFilter f, Map<String, Map<String, Figures>> cells,
                                                               Map<String, String[]> itemInfo, Map<String, String> unitNames) {
        Map<String, long[]> departmentCounts = new java.util.TreeMap<>();
        Map<String, BigDecimal> departmentAmounts = new java.util.TreeMap<>();
        cells.getOrDefault("item", Map.of()).forEach((item, c) -> {
            String departments = itemInfo.containsKey(item) ? itemInfo.get(item)[1] : "";
            for (String d : departments.split(",")) {
                if (!d.isBlank() && (f.department() == null || f.department().equals(d))) {
                    departmentCounts.computeIfAbsent(d, k -> new long[1])[0] += c.count(Measure.GRANTED);
                    departmentAmounts.merge(d, c.amount(Measure.GRANTED_AMOUNT), BigDecimal::add);
                }
            }
        });
        return departmentCounts.entrySet().stream()
                .map(e -> new CockpitSummary.Slice(e.getKey(), unitNames.getOrDefault(Unit.department(e.getKey()).key(), e.getKey()), e.getValue()[0],
                        departmentAmounts.get(e.getKey())))
                .sorted((a, b) -> b.amount().compareTo(a.amount())).toList();
    }

    /** The steps overdue now, by the department that holds them. */
    private List<CockpitSummary.Slice> overdueSlices(CockpitFilter f, String items, Map<String, String> unitNames) {
        Map<String, Long> overdue = new LinkedHashMap<>();
        overdue(f, items).forEach(t -> overdue.merge(t.departmentCode(), 1L, Long::sum));
        return overdue.entrySet().stream()
                .map(e -> new CockpitSummary.Slice(e.getKey(), unitNames.getOrDefault(Unit.department(e.getKey()).key(), e.getKey()), e.getValue(), BigDecimal.ZERO))
                .sorted((a, b) -> Long.compare(b.count(), a.count())).toList();
    }

    private static List<CockpitSummary.Slice> slices(Map<String, Map<String, Figures>> cells, String dim,
                                                     java.util.function.Function<String, String> name) {
        return cells.getOrDefault(dim, Map.of()).entrySet().stream()
                .map(e -> new CockpitSummary.Slice(e.getKey(), name.apply(e.getKey()), e.getValue().count(Measure.GRANTED),
                        e.getValue().amount(Measure.GRANTED_AMOUNT)))
                .toList();
    }

    /** The latest scored 背靠背 round's results, if any. */
    public java.util.Optional<Map.Entry<BackToBackRound, List<BackToBackRound.Result>>> latestRanking() {
        return backToBack.rounds().stream().filter(r -> r.status().equals("SCORED")).findFirst()
                .map(r -> Map.entry(r, backToBack.results(r.id())));
    }

    /** Department and theme narrow the items; "-" when they leave none. */
    private String items(CockpitFilter f) {
        if (f.department() == null && f.theme() == null) {
            return null;
        }
        List<String> codes = jdbc.sql("""
                        SELECT item_code FROM cockpit_item WHERE (CAST(:department AS text) IS NULL OR :department = ANY(departments))
                          AND (CAST(:theme AS text) IS NULL OR :theme = ANY(themes))""")
                .param("department", f.department()).param("theme", f.theme()).query(String.class).list();
        return codes.isEmpty() ? "-" : String.join(",", codes);
    }

    private static Map<String, Object> params(CockpitFilter f, String items) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", f.from());
        p.put("to", f.to());
        // whole months inside the period: [fullFrom, fullTo)
        java.time.LocalDate fullFrom = f.from().getDayOfMonth() == 1 ? f.from() : f.from().withDayOfMonth(1).plusMonths(1);
        java.time.LocalDate fullTo = f.to().plusDays(1).withDayOfMonth(1);
        p.put("fullFrom", fullFrom.isBefore(fullTo) ? fullFrom : f.to().plusDays(1));
        p.put("fullTo", fullFrom.isBefore(fullTo) ? fullTo : f.to().plusDays(1));
        p.put("fromYear", f.from().getYear());
        p.put("toYear", f.to().getYear());
        p.put("region", f.region());
        p.put("industry", f.industry());
        p.put("size", f.size());
        p.put("items", items);
        return p;
    }
}
