package io.zhida.cockpit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The cockpit's headline figures for a filter. Rates are numerator / denominator. */
public record CockpitSummary(long itemsOnline, long enterprises, long matched, long read, long submitted, long approved, long declined,
                             long granted, BigDecimal grantedAmount, BigDecimal paidAmount, long paid, long paidOnTime,
                             BigDecimal noApplicationAmount, long noApplicationGrants, BigDecimal budget, BigDecimal averageHandlingDays,
                             long ratings, long satisfied, Map<String, Long> stages, long overdueTasks, long openProblems, long overdueProblems) {

    /** Committed (granted) over the budget of the years in the period, in percent; "—" without a budget. */
    public String budgetUsed() {
        return percent(grantedAmount, budget);
    }

    /** 免申即享's share of the money granted. */
    public String noApplicationShare() {
        return percent(noApplicationAmount, grantedAmount);
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        return whole == null || whole.signum() == 0 ? "—"
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, java.math.RoundingMode.HALF_UP) + "%";
    }

    /** One bar or slice: a key to drill into, a name, a count and an amount. */
    public record Slice(String key, String name, long count, BigDecimal amount) {
    }

    /** One month of the trend. */
    public record Month(String month, long submitted, long approved, BigDecimal paidAmount, long matched, long read, long ratings,
                        long satisfied, long paid, long paidOnTime) {
    }

    /** The charts: by county, department, industry, size, item; trend by month; overdue tasks by department. */
    public record Breakdown(List<Slice> regions, List<Slice> departments, List<Slice> industries, List<Slice> sizes, List<Slice> items,
                            List<Month> months, List<Slice> overdueByDepartment) {
    }
}
