package io.zhida.insight;

import java.time.LocalDate;

/**
 * One text an enterprise wrote, as its owning module hands it over for analysis.
 *
 * @param id             unique across sources, e.g. {@code appeal:123}
 * @param source         what kind of text, in the users' words: 诉求, 评价, 问卷, 帮包诉求
 * @param reference      how the owner names the record (an appeal's number, an application's number, a survey's title)
 * @param date           the business date it was written (Asia/Shanghai)
 * @param departmentCode the department that answers for it, or null when none does yet (then only whole-city staff see it)
 * @param itemCode       the policy item it concerns, or null
 * @param industry       the enterprise's GB/T 4754 section letter (A–T), or null when unknown
 */
public record DemandText(String id, String source, String reference, LocalDate date, String text, String uscc, String enterpriseName,
                         String departmentCode, String itemCode, String industry) {

    public DemandText {
        if (id == null || source == null || date == null || text == null) {
            throw new IllegalArgumentException("a demand text needs its id, source, date and text");
        }
        industry = section(industry);
    }

    /** The same text with the enterprise's industry (a GB/T 4754 code; only its section letter is kept). */
    public DemandText withIndustry(String industryCode) {
        return new DemandText(id, source, reference, date, text, uscc, enterpriseName, departmentCode, itemCode, industryCode);
    }

    /** The same text, answered for by this department. */
    public DemandText withDepartment(String department) {
        return new DemandText(id, source, reference, date, text, uscc, enterpriseName, department, itemCode, industry);
    }

    private static String section(String industry) {
        if (industry == null || industry.isBlank()) {
            return null;
        }
        char c = Character.toUpperCase(industry.strip().charAt(0));
        return c >= 'A' && c <= 'T' ? String.valueOf(c) : null;
    }
}
