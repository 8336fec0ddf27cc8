package io.zhida.cockpit;

import io.zhida.platform.InvalidInputException;
import java.time.LocalDate;

/** What the cockpit looks at: a period and optionally a county, a department, an industry section, a size class, a theme. */
public record CockpitFilter(LocalDate from, LocalDate to, String region, String department, String industry, String size, String theme) {

    public CockpitFilter {
        if (from == null || to == null || from.isAfter(to)) {
            throw new InvalidInputException("from", "统计期间无效：开始日期应不晚于结束日期");
        }
        region = blank(region);
        department = blank(department);
        industry = blank(industry);
        size = blank(size);
        theme = blank(theme);
        if (region != null && !region.matches("\\d{6}")) {
            throw new InvalidInputException("region", "区划代码应为 6 位数字");
        }
        if (industry != null && !industry.matches("[A-T]")) {
            throw new InvalidInputException("industry", "行业应为国民经济行业门类字母 A–T");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
