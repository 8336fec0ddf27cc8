package io.zhida.insight;

import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Validation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Which texts an analysis looks at: a period of at most 366 days, and optionally one department, one policy item and one
 * GB/T 4754 section. Built from request parameters by {@link #parse}, which refuses anything else with a 400 naming the
 * field; the department is then narrowed to the caller's data scope by {@link Insight#scoped}.
 */
public record InsightFilter(LocalDate from, LocalDate to, String department, String item, String industry) {

    public static final int MAX_DAYS = 366;
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_\\-]{1,40}");
    private static final Pattern SECTION = Pattern.compile("[A-T]");

    public InsightFilter {
        if (from == null || to == null || from.isAfter(to)) {
            throw new IllegalArgumentException("a period from its first to its last day");
        }
    }

    /**
     * From request parameters as sent: {@code month} (YYYY-MM) or {@code from}/{@code to} (YYYY-MM-DD), or neither (the
     * last six calendar months up to {@code today}); blank means absent.
     */
    public static InsightFilter parse(String from, String to, String month, String department, String item, String industry,
                                      LocalDate today) {
        String m = blank(month);
        String f = blank(from);
        String t = blank(to);
        if (m != null && (f != null || t != null)) {
            throw new InvalidInputException("month", "月份（month）与起止日期（from、to）只能选一种");
        }
        LocalDate start;
        LocalDate end;
        if (m != null) {
            YearMonth ym = month(m, today);
            start = ym.atDay(1);
            end = ym.atEndOfMonth();
        } else {
            end = t == null ? today : date(t, "to", "结束日期");
            start = f == null ? YearMonth.from(end).minusMonths(5).atDay(1) : date(f, "from", "开始日期");
        }
        String d = blank(department);
        String i = blank(item);
        String s = blank(industry) == null ? null : industry.strip().toUpperCase();
        new Validation().require(!start.isAfter(end), "from", "开始日期不能晚于结束日期")
                .require(ChronoUnit.DAYS.between(start, end) < MAX_DAYS, "to", "统计期间不超过一年（" + MAX_DAYS + " 天）")
                .require(!start.isBefore(EARLIEST) && !end.isAfter(today.plusYears(1)), "from", "统计期间应在 2000 年以后、明年以前")
                .require(d == null || CODE.matcher(d).matches(), "department", "部门编码应为 1–40 个字母、数字或 -_")
                .require(i == null || CODE.matcher(i).matches(), "item", "事项编码应为 1–40 个字母、数字或 -_")
                .require(s == null || SECTION.matcher(s).matches(), "industry", "行业门类应为 A–T 中的一个字母（GB/T 4754）")
                .throwIfInvalid();
        return new InsightFilter(start, end, d, i, s);
    }

    /** A month as YYYY-MM, from 2000 to next year; anything else is a 400 on {@code month}. */
    public static YearMonth month(String text, LocalDate today) {
        String m = blank(text);
        if (m == null) {
            return YearMonth.from(today);
        }
        YearMonth ym;
        try {
            ym = MONTH.matcher(m).matches() ? YearMonth.parse(m) : null;
        } catch (DateTimeParseException e) {
            ym = null;
        }
        if (ym == null) {
            throw new InvalidInputException("month", "月份应为 YYYY-MM，如 2026-05，收到“" + shortened(m) + "”");
        }
        if (ym.isBefore(YearMonth.from(EARLIEST)) || ym.isAfter(YearMonth.from(today.plusYears(1)))) {
            throw new InvalidInputException("month", "月份应在 2000 年以后、明年以前");
        }
        return ym;
    }

    /** The whole month. */
    public static InsightFilter ofMonth(YearMonth month, String department) {
        return new InsightFilter(month.atDay(1), month.atEndOfMonth(), department, null, null);
    }

    public InsightFilter withDepartment(String code) {
        return new InsightFilter(from, to, code, item, industry);
    }

    public InsightFilter withItem(String code) {
        return new InsightFilter(from, to, department, code, industry);
    }

    public InsightFilter withIndustry(String section) {
        return new InsightFilter(from, to, department, item, section);
    }

    public InsightFilter withPeriod(LocalDate start, LocalDate end) {
        return new InsightFilter(start, end, department, item, industry);
    }

    /**
     * The period just before, to compare with: the same number of calendar months when this one is whole months
     * (March → February), else the same number of days.
     */
    public InsightFilter previous() {
        if (from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth())) {
            long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
            YearMonth first = YearMonth.from(from).minusMonths(months);
            return withPeriod(first.atDay(1), YearMonth.from(from).minusMonths(1).atEndOfMonth());
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return withPeriod(from.minusDays(days), from.minusDays(1));
    }

    /** Whether a text is of this selection (its date in the period, its department, item and section as asked). */
    public boolean admits(DemandText t) {
        return !t.date().isBefore(from) && !t.date().isAfter(to) && (department == null || department.equals(t.departmentCode()))
                && (item == null || item.equals(t.itemCode())) && (industry == null || industry.equals(t.industry()));
    }

    /** The same selection whatever the period. */
    public boolean admitsAnyDate(DemandText t) {
        return (department == null || department.equals(t.departmentCode())) && (item == null || item.equals(t.itemCode()))
                && (industry == null || industry.equals(t.industry()));
    }

    /** The selection as a query string (from, to and the filters given), for links that keep it. */
    public String query() {
        StringBuilder q = new StringBuilder("from=" + from + "&to=" + to);
        if (department != null) {
            q.append("&department=").append(encode(department));
        }
        if (item != null) {
            q.append("&item=").append(encode(item));
        }
        if (industry != null) {
            q.append("&industry=").append(industry);
        }
        return q.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static LocalDate date(String text, String field, String label) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, label + "应为 YYYY-MM-DD，如 2026-05-01，收到“" + shortened(text) + "”");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String shortened(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
