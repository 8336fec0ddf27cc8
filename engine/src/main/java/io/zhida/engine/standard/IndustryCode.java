package io.zhida.engine.standard;

import java.util.Optional;

/**
 * GB/T 4754-2017 industry codes: a section letter A–T, optionally followed by two to four digits
 * whose first two (the division, 大类) must belong to that section — C13–C43 is manufacturing,
 * C05 is not a code.
 */
public final class IndustryCode {

    /** First and last division of each section A..T. */
    private static final int[][] DIVISIONS = {
            {1, 5}, {6, 12}, {13, 43}, {44, 46}, {47, 50}, {51, 52}, {53, 60}, {61, 62}, {63, 65}, {66, 69},
            {70, 70}, {71, 72}, {73, 75}, {76, 79}, {80, 82}, {83, 83}, {84, 85}, {86, 90}, {91, 97}, {98, 98}};

    /** The sections' names, A..T. */
    public static final java.util.List<String> SECTION_NAMES = java.util.List.of("农、林、牧、渔业", "采矿业", "制造业",
            "电力、热力、燃气及水生产和供应业", "建筑业", "批发和零售业", "交通运输、仓储和邮政业", "住宿和餐饮业",
            "信息传输、软件和信息技术服务业", "金融业", "房地产业", "租赁和商务服务业", "科学研究和技术服务业",
            "水利、环境和公共设施管理业", "居民服务、修理和其他服务业", "教育", "卫生和社会工作", "文化、体育和娱乐业",
            "公共管理、社会保障和社会组织", "国际组织");

    /** The name of a code's section, e.g. 制造业 for C3911. */
    public static String sectionName(String code) {
        char c = code == null || code.isEmpty() ? '?' : code.charAt(0);
        return c >= 'A' && c <= 'T' ? SECTION_NAMES.get(c - 'A') : "未知";
    }

    private IndustryCode() {
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** Why the code is not a GB/T 4754-2017 code, in Chinese; empty when it is one. */
    public static Optional<String> problem(String code) {
        if (code == null || !code.matches("[A-T](\\d{2,4})?")) {
            return Optional.of("行业代码应为门类字母 A–T 加 2–4 位数字，如 C3911");
        }
        if (code.length() == 1) {
            return Optional.empty();
        }
        int[] range = DIVISIONS[code.charAt(0) - 'A'];
        int division = Integer.parseInt(code.substring(1, 3));
        if (division < range[0] || division > range[1]) {
            return Optional.of("行业代码“" + code + "”的大类 " + code.substring(1, 3) + " 不属于门类 " + code.charAt(0));
        }
        return Optional.empty();
    }
}
