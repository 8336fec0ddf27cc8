package io.zhida.cockpit;

import io.zhida.applications.TimeLimits;
import io.zhida.cockpit.internal.ReadModel;
import io.zhida.evaluation.BackToBack;
import io.zhida.evaluation.BackToBackRound;
import io.zhida.identity.Organisations;
import io.zhida.rectification.Ledger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** 领导驾驶舱: figures from the read model only (plus the small lists of overdue tasks, open problems and the latest ranking). */
@Service
public class Cockpit {

    private static final String FACTS = " " + """
             FROM cockpit_fact f WHERE f.day BETWEEN :from AND :to
              AND (CAST(:region AS text) IS NULL OR f.region = :region) AND (CAST(:industry AS text) IS NULL OR f.industry = :industry)
              AND (CAST(:size AS text) IS NULL OR f.size = :size)
              AND (CAST(:items AS text) IS NULL OR f.item_code = ANY(string_to_array(:items, ',')))""";

    private final JdbcClient jdbc;
    private final ReadModel model;
    private final TimeLimits limits;
    private final Ledger ledger;
    private final BackToBack backToBack;
    private final Organisations organisations;

    Cockpit(JdbcClient jdbc, ReadModel model, TimeLimits limits, Ledger ledger, BackToBack backToBack, Organisations organisations) {
        this.jdbc = jdbc;
        this.model = model;
        this.limits = limits;
        this.ledger = ledger;
        this.backToBack = backToBack;
        this.organisations = organisations;
    }

    /** A platform that has never built its read model (first start, upgrade) builds it once. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void buildIfEmpty() {
        if (model.empty()) {
            model.rebuild();
        }
    }

    /** Recomputes the read model from the records (after a bulk load, or to repair). */
    public void rebuild() {
        model.rebuild();
    }

    public CockpitSummary summary(CockpitFilter f) {
        return facts(f, items(f));
    }

    private CockpitSummary facts(CockpitFilter f, String items) {
        return jdbc.sql("""
                        SELECT coalesce(sum(matched), 0) AS matched, coalesce(sum(read), 0) AS read, coalesce(sum(submitted), 0) AS submitted,
                               coalesce(sum(approved), 0) AS approved, coalesce(sum(declined), 0) AS declined, coalesce(sum(decided_days), 0) AS days,
                               coalesce(sum(granted), 0) AS granted, coalesce(sum(granted_amount), 0) AS granted_amount,
                               coalesce(sum(no_app_granted), 0) AS no_app_granted, coalesce(sum(no_app_amount), 0) AS no_app_amount,
                               coalesce(sum(paid), 0) AS paid, coalesce(sum(paid_on_time), 0) AS paid_on_time, coalesce(sum(paid_amount), 0) AS paid_amount,
                               coalesce(sum(ratings), 0) AS ratings, coalesce(sum(satisfied), 0) AS satisfied""" + FACTS)
                .paramSource(params(f, items)).query((rs, n) -> summary(rs, f, items)).single();
    }

    private CockpitSummary summary(ResultSet rs, CockpitFilter f, String items) throws SQLException {
        long decided = rs.getLong("approved") + rs.getLong("declined");
        Map<String, Long> stages = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT status, sum(n) FROM cockpit_stage s WHERE (CAST(:region AS text) IS NULL OR s.region = :region)
                          AND (CAST(:industry AS text) IS NULL OR s.industry = :industry) AND (CAST(:size AS text) IS NULL OR s.size = :size)
                          AND (CAST(:items AS text) IS NULL OR s.item_code = ANY(string_to_array(:items, ','))) GROUP BY 1""")
                .paramSource(params(f, items)).query((r, n) -> stages.put(r.getString(1), r.getLong(2))).list();
        long online = jdbc.sql("SELECT count(*) FROM cockpit_item WHERE online AND (CAST(:items AS text) IS NULL OR item_code = ANY(string_to_array(:items, ',')))")
                .paramSource(params(f, items)).query(Long.class).single();
        long enterprises = jdbc.sql("""
                        SELECT count(*) FROM cockpit_enterprise e WHERE (CAST(:region AS text) IS NULL OR e.region = :region)
                          AND (CAST(:industry AS text) IS NULL OR e.industry = :industry) AND (CAST(:size AS text) IS NULL OR e.size = :size)""")
                .paramSource(params(f, items)).query(Long.class).single();
        BigDecimal budget = jdbc.sql("""
                        SELECT coalesce(sum(budget), 0) FROM fund_pool WHERE year BETWEEN :fromYear AND :toYear
                          AND (CAST(:items AS text) IS NULL OR item_code = ANY(string_to_array(:items, ',')))""")
                .paramSource(params(f, items)).query(BigDecimal.class).single();
        long overdue = limits.overdue(f.department()).size();
        long[] problems = f.department() != null ? ledger.openCounts("DEPARTMENT", f.department())
                : f.region() != null ? ledger.openCounts("COUNTY", f.region()) : ledger.openCounts(null, null);
        return new CockpitSummary(online, enterprises, rs.getLong("matched"), rs.getLong("read"), rs.getLong("submitted"), rs.getLong("approved"),
                rs.getLong("declined"), rs.getLong("granted"), rs.getBigDecimal("granted_amount"), rs.getBigDecimal("paid_amount"), rs.getLong("paid"),
                rs.getLong("paid_on_time"), rs.getBigDecimal("no_app_amount"), rs.getLong("no_app_granted"), budget,
                decided == 0 ? null : BigDecimal.valueOf(rs.getLong("days")).divide(BigDecimal.valueOf(decided), 1, RoundingMode.HALF_UP),
                rs.getLong("ratings"), rs.getLong("satisfied"), stages, overdue, problems[0], problems[1]);
    }

    public CockpitSummary.Breakdown breakdown(CockpitFilter f) {
        String items = items(f);
        Map<String, String> regionNames = organisations.regionNames();
        List<CockpitSummary.Slice> regions = slices("f.region", f, items, k -> regionNames.getOrDefault(k, k));
        List<CockpitSummary.Slice> industries = slices("f.industry", f, items, k -> k + " " + IndustrySections.name(k));
        List<CockpitSummary.Slice> sizes = slices("f.size", f, items, k -> k);
        List<CockpitSummary.Slice> itemSlices = jdbc.sql("SELECT f.item_code, max(i.name), sum(f.granted), sum(f.granted_amount) "
                        + FACTS.replace("FROM cockpit_fact f", "FROM cockpit_fact f JOIN cockpit_item i ON i.item_code = f.item_code")
                        + " GROUP BY 1 ORDER BY 4 DESC LIMIT 15")
                .paramSource(params(f, items)).query((rs, n) -> new CockpitSummary.Slice(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4))).list();
        List<CockpitSummary.Slice> departments = jdbc.sql("SELECT d, sum(f.granted), sum(f.granted_amount) "
                        + FACTS.replace("FROM cockpit_fact f", "FROM cockpit_fact f JOIN cockpit_item i ON i.item_code = f.item_code, unnest(i.departments) d")
                        + " GROUP BY 1 ORDER BY 3 DESC")
                .paramSource(params(f, items))
                .query((rs, n) -> new CockpitSummary.Slice(rs.getString(1), organisations.unitName("DEPARTMENT", rs.getString(1)), rs.getLong(2),
                        rs.getBigDecimal(3))).list();
        List<CockpitSummary.Month> months = jdbc.sql("""
                        SELECT to_char(f.day, 'YYYY-MM'), sum(submitted), sum(approved), sum(paid_amount), sum(matched), sum(read), sum(ratings),
                               sum(satisfied), sum(paid), sum(paid_on_time)""" + FACTS + " GROUP BY 1 ORDER BY 1")
                .paramSource(params(f, items))
                .query((rs, n) -> new CockpitSummary.Month(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10))).list();
        Map<String, Long> overdue = new LinkedHashMap<>();
        limits.overdue(f.department()).forEach(t -> overdue.merge(t.departmentCode(), 1L, Long::sum));
        List<CockpitSummary.Slice> overdueSlices = overdue.entrySet().stream()
                .map(e -> new CockpitSummary.Slice(e.getKey(), organisations.unitName("DEPARTMENT", e.getKey()), e.getValue(), BigDecimal.ZERO))
                .sorted((a, b) -> Long.compare(b.count(), a.count())).toList();
        return new CockpitSummary.Breakdown(regions, departments, industries, sizes, itemSlices, months, overdueSlices);
    }

    /** The latest scored 背靠背 round's results, if any. */
    public java.util.Optional<Map.Entry<BackToBackRound, List<BackToBackRound.Result>>> latestRanking() {
        return backToBack.rounds().stream().filter(r -> r.status().equals("SCORED")).findFirst()
                .map(r -> Map.entry(r, backToBack.results(r.id())));
    }

    private List<CockpitSummary.Slice> slices(String column, CockpitFilter f, String items, java.util.function.Function<String, String> name) {
        return jdbc.sql("SELECT " + column + ", sum(f.granted), sum(f.granted_amount)" + FACTS + " GROUP BY 1 ORDER BY 1")
                .paramSource(params(f, items))
                .query((rs, n) -> new CockpitSummary.Slice(rs.getString(1), name.apply(rs.getString(1)), rs.getLong(2), rs.getBigDecimal(3))).list();
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
        p.put("fromYear", f.from().getYear());
        p.put("toYear", f.to().getYear());
        p.put("region", f.region());
        p.put("industry", f.industry());
        p.put("size", f.size());
        p.put("items", items);
        return p;
    }
}
