package io.zhida.rates.internal;

import io.zhida.notify.MessageRead;
import io.zhida.notify.PoliciesAnnounced;
import io.zhida.platform.ProcessedEvents;
import io.zhida.platform.Today;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts behind 知晓率, kept as things happen: each (enterprise, item) announced once is counted on its
 * day, item and county, and again as known on the day its announcement is read. Rebuilt from the records
 * when empty (first start, an upgrade, after the demo's generated year). Listeners are idempotent.
 */
@Component
public class AwarenessCells {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ProcessedEvents processed;
    private final io.zhida.matching.MatchNews news;

    AwarenessCells(JdbcClient jdbc, JdbcTemplate template, ProcessedEvents processed, io.zhida.matching.MatchNews news) {
        this.news = news;
        this.jdbc = jdbc;
        this.template = template;
        this.processed = processed;
    }

    @ApplicationModuleListener
    void on(PoliciesAnnounced announced) {
        if (!processed.firstDelivery("evaluation.awareness", announced)) {
            return;
        }
        List<PoliciesAnnounced.Announcement> pairs = announced.pairs(news::of);
        Map<String, String> regions = regions(pairs.stream().map(PoliciesAnnounced.Announcement::uscc).toList());
        Map<List<String>, Integer> cells = new HashMap<>();
        pairs.forEach(a -> a.itemCodes().forEach(item ->
                cells.merge(List.of(item, regions.getOrDefault(a.uscc(), "")), 1, Integer::sum)));
        add(LocalDate.ofInstant(announced.at(), Today.ZONE), cells, "announced");
    }

    @ApplicationModuleListener
    void on(MessageRead read) {
        if (!processed.firstDelivery("evaluation.awareness", read)) {
            return;
        }
        String region = regions(List.of(read.uscc())).getOrDefault(read.uscc(), "");
        Map<List<String>, Integer> cells = new HashMap<>();
        read.itemCodes().forEach(item -> cells.merge(List.of(item, region), 1, Integer::sum));
        add(LocalDate.ofInstant(read.at(), Today.ZONE), cells, "knew");
    }

    private void add(LocalDate day, Map<List<String>, Integer> cells, String column) {
        List<Object[]> rows = new ArrayList<>(cells.size());
        cells.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> (a.get(0) + a.get(1)).compareTo(b.get(0) + b.get(1))))
                .forEach(e -> rows.add(new Object[] {day, e.getKey().get(0), e.getKey().get(1), e.getValue()}));
        template.batchUpdate("INSERT INTO awareness_cell (day, item_code, region, " + column + ") VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (day, item_code, region) DO UPDATE SET " + column + " = awareness_cell." + column + " + excluded." + column, rows);
    }

    private Map<String, String> regions(List<String> usccs) {
        Map<String, String> regions = new HashMap<>();
        jdbc.sql("SELECT uscc, region FROM enterprise_facts WHERE uscc = ANY(CAST(? AS char(18)[]))").param(usccs.toArray(String[]::new))
                .query(rs -> {
                    regions.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
                });
        return regions;
    }

    /** Announced and known pairs per item and county up to (not including) the day of {@code to}: item → county → {announced, knew}. */
    public Map<String, Map<String, long[]>> upTo(Instant to) {
        Map<String, Map<String, long[]>> cells = new HashMap<>();
        jdbc.sql("SELECT item_code, region, sum(announced), sum(knew) FROM awareness_cell WHERE day < ? GROUP BY 1, 2")
                .param(endDay(to))
                .query(rs -> {
                    cells.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4)});
                });
        return cells;
    }

    /**
     * Announced and known pairs of the whole city per day, in day order: the city's 知晓率 up to any day is a
     * prefix of it (a year's trend reads the cells once instead of once per month).
     */
    public java.util.NavigableMap<LocalDate, long[]> cityByDay() {
        java.util.NavigableMap<LocalDate, long[]> days = new java.util.TreeMap<>();
        jdbc.sql("SELECT day, sum(announced), sum(knew) FROM awareness_cell GROUP BY 1")
                .query(rs -> {
                    days.put(rs.getObject(1, LocalDate.class), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return days;
    }

    /** The first day not counted by {@link #upTo} for this end of a period. */
    public static LocalDate endDay(Instant to) {
        return LocalDate.ofInstant(to, Today.ZONE).plusDays(isMidnight(to) ? 0 : 1);
    }

    private static boolean isMidnight(Instant at) {
        return at.atZone(Today.ZONE).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildIfEmpty() {
        if (jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM awareness_cell)").query(Boolean.class).single()) {
            rebuild();
        }
    }

    /** Recomputes the cells from the announcements and their messages (after records were written without events). */
    @Transactional
    public void rebuild() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('evaluation.awareness-cells'))").query().listOfRows();
        jdbc.sql("TRUNCATE awareness_cell").update();
        jdbc.sql("""
                INSERT INTO awareness_cell (day, item_code, region, announced)
                SELECT (n.created_at AT TIME ZONE 'Asia/Shanghai')::date, n.item_code, coalesce(e.region, ''), count(*)
                FROM announced_pair n JOIN enterprise_facts e ON e.uscc = n.uscc GROUP BY 1, 2, 3""").update();
        jdbc.sql("""
                INSERT INTO awareness_cell (day, item_code, region, knew)
                SELECT (n.read_at AT TIME ZONE 'Asia/Shanghai')::date, n.item_code, coalesce(e.region, ''), count(*)
                FROM announced_pair n JOIN enterprise_facts e ON e.uscc = n.uscc
                WHERE n.read_at IS NOT NULL GROUP BY 1, 2, 3
                ON CONFLICT (day, item_code, region) DO UPDATE SET knew = excluded.knew""").update();
    }
}
