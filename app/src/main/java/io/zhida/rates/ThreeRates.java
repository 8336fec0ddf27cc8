package io.zhida.rates;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.identity.Organisations;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Today;
import io.zhida.rates.internal.RateQueries;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/** 三率: awareness, satisfaction and fulfilment for any period, rolled up by city, county, department or item. */
@Service
public class ThreeRates {

    public enum GroupBy { CITY, REGION, DEPARTMENT, ITEM }

    public static final List<String> MEASURES = List.of("awareness", "satisfaction", "fulfillment");

    private final RateQueries queries;
    private final PolicyCatalog catalog;
    private final Organisations organisations;

    private final io.zhida.rates.internal.AwarenessCells awareness;

    ThreeRates(RateQueries queries, PolicyCatalog catalog, Organisations organisations, io.zhida.rates.internal.AwarenessCells awareness) {
        this.queries = queries;
        this.catalog = catalog;
        this.organisations = organisations;
        this.awareness = awareness;
    }

    /** Recounts 知晓率's announcements and reads from the records (after records were written without events, as the demo does). */
    public void recount() {
        awareness.rebuild();
    }

    public static GroupBy groupBy(String value) {
        try {
            return GroupBy.valueOf(value.trim().toUpperCase());
        } catch (RuntimeException e) {
            throw new InvalidInputException("groupBy", "groupBy 应为 city、region、department 或 item");
        }
    }

    public List<RateRow> rates(LocalDate from, LocalDate to, GroupBy groupBy) {
        return rates(from, to, groupBy, null);
    }

    /** Only the given items count (an evaluation campaign's list); null = all. */
    public List<RateRow> rates(LocalDate from, LocalDate to, GroupBy groupBy, java.util.Set<String> items) {
        checkPeriod(from, to);
        List<RateQueries.Cell> cells = queries.cells(start(from), start(to.plusDays(1))).stream()
                .filter(c -> items == null || (c.item() != null && items.contains(c.item()))).toList();
        Map<String, List<String>> departmentsOfItem = departmentsOfItems();
        Map<String, RateRow> rows = new LinkedHashMap<>();
        for (RateQueries.Cell c : cells) {
            for (String key : keys(c, groupBy, departmentsOfItem)) {
                RateRow add = new RateRow(key, null, c.awareness(), c.satisfaction(), c.fulfillment(), c.approved(), c.paid());
                rows.merge(key, add, RateRow::plus);
            }
        }
        if (groupBy == GroupBy.CITY && rows.isEmpty()) {
            rows.put("city", new RateRow("city", null, Rate.NONE, Rate.NONE, Rate.NONE, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        Function<String, String> names = names(groupBy);
        return rows.values().stream()
                .map(r -> new RateRow(r.key(), names.apply(r.key()), r.awareness(), r.satisfaction(), r.fulfillment(),
                        r.approvedAmount(), r.paidAmount()))
                .sorted(Comparator.comparing(RateRow::key))
                .toList();
    }

    /**
     * The whole city's row for each period (a trend, or a period and the one it is compared with), as
     * {@code rate(from, to, CITY, "city")} gives it, from one reading of the awareness cells.
     */
    public List<RateRow> cityRows(List<LocalDate[]> periods) {
        java.util.NavigableMap<LocalDate, long[]> byDay = awareness.cityByDay();
        String name = names(GroupBy.CITY).apply("city");
        List<RateRow> rows = new ArrayList<>(periods.size());
        for (LocalDate[] p : periods) {
            checkPeriod(p[0], p[1]);
            Instant to = start(p[1].plusDays(1));
            long announced = 0;
            long knew = 0;
            for (long[] day : byDay.headMap(io.zhida.rates.internal.AwarenessCells.endDay(to), false).values()) {
                announced += day[0];
                knew += day[1];
            }
            RateQueries.Cell c = queries.city(start(p[0]), to, announced, knew);
            rows.add(new RateRow("city", name, c.awareness(), c.satisfaction(), c.fulfillment(), c.approved(), c.paid()));
        }
        return rows;
    }

    /** The group's row, or an empty one. */
    public RateRow rate(LocalDate from, LocalDate to, GroupBy groupBy, String key) {
        return rates(from, to, groupBy).stream().filter(r -> r.key().equals(key)).findFirst()
                .orElse(new RateRow(key, names(groupBy).apply(key), Rate.NONE, Rate.NONE, Rate.NONE, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    /** The records behind one rate of one group: what was counted and what was not. */
    public List<RateQueries.Line> records(String measure, LocalDate from, LocalDate to, GroupBy groupBy, String key, int limit) {
        checkPeriod(from, to);
        if (!MEASURES.contains(measure)) {
            throw new InvalidInputException("measure", "measure 应为 awareness、satisfaction 或 fulfillment");
        }
        List<String> items = switch (groupBy) {
            case ITEM -> List.of(key);
            case DEPARTMENT -> departmentsOfItems().entrySet().stream().filter(e -> e.getValue().contains(key)).map(Map.Entry::getKey).toList();
            default -> null;
        };
        String region = groupBy == GroupBy.REGION ? key : null;
        return queries.lines(measure, items, region, start(from), start(to.plusDays(1)), limit);
    }

    /** Consecutive periods of equal length ending with the given one, for trend charts. */
    public List<LocalDate[]> periods(LocalDate to, int months, int count) {
        List<LocalDate[]> periods = new ArrayList<>();
        LocalDate end = to.withDayOfMonth(1).plusMonths(1);
        for (int i = count - 1; i >= 0; i--) {
            LocalDate stop = end.minusMonths((long) i * months);
            periods.add(new LocalDate[] {stop.minusMonths(months), stop.minusDays(1)});
        }
        return periods;
    }

    private static List<String> keys(RateQueries.Cell c, GroupBy groupBy, Map<String, List<String>> departmentsOfItem) {
        return switch (groupBy) {
            case CITY -> List.of("city");
            case REGION -> c.region() == null ? List.of() : List.of(c.region());
            case ITEM -> c.item() == null ? List.of() : List.of(c.item());
            case DEPARTMENT -> c.item() == null ? List.of() : departmentsOfItem.getOrDefault(c.item(), List.of());
        };
    }

    private Map<String, List<String>> departmentsOfItems() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (PolicyItem item : catalog.workingView()) {
            map.putIfAbsent(item.code(), item.content().departments());
        }
        return map;
    }

    private Function<String, String> names(GroupBy groupBy) {
        return switch (groupBy) {
            case CITY -> k -> organisations.regions().stream().filter(r -> r.level().equals("CITY")).map(Organisations.Region::name)
                    .findFirst().orElse("全市");
            case REGION -> {
                Map<String, String> names = organisations.regionNames();
                yield k -> names.getOrDefault(k, k);
            }
            case DEPARTMENT -> k -> organisations.departmentByCode(k).map(Organisations.Department::name).orElse(k);
            case ITEM -> {
                Map<String, String> names = new LinkedHashMap<>();
                catalog.workingView().forEach(i -> names.putIfAbsent(i.code(), i.content().name()));
                yield k -> names.getOrDefault(k, k);
            }
        };
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(Today.ZONE).toInstant();
    }

    static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            throw new InvalidInputException("from", "统计期间无效：开始日期应不晚于结束日期");
        }
        if (from.plusYears(10).isBefore(to)) {
            throw new InvalidInputException("to", "统计期间不能超过十年");
        }
    }
}
