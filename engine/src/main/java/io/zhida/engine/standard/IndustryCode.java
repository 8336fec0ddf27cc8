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

    /** The divisions' (大类) names, 01..97. */
    private static final java.util.List<String> DIVISION_NAMES = java.util.List.of(
            "农业", "林业", "畜牧业", "渔业", "农、林、牧、渔专业及辅助性活动", "煤炭开采和洗选业", "石油和天然气开采业", "黑色金属矿采选业", "有色金属矿采选业", "非金属矿采选业", "开采专业及辅助性活动", "其他采矿业", "农副食品加工业", "食品制造业", "酒、饮料和精制茶制造业", "烟草制品业", "纺织业", "纺织服装、服饰业", "皮革、毛皮、羽毛及其制品和制鞋业", "木材加工和木、竹、藤、棕、草制品业", "家具制造业", "造纸和纸制品业", "印刷和记录媒介复制业", "文教、工美、体育和娱乐用品制造业", "石油、煤炭及其他燃料加工业", "化学原料和化学制品制造业", "医药制造业", "化学纤维制造业", "橡胶和塑料制品业", "非金属矿物制品业", "黑色金属冶炼和压延加工业", "有色金属冶炼和压延加工业", "金属制品业", "通用设备制造业", "专用设备制造业", "汽车制造业", "铁路、船舶、航空航天和其他运输设备制造业", "电气机械和器材制造业", "计算机、通信和其他电子设备制造业", "仪器仪表制造业", "其他制造业", "废弃资源综合利用业", "金属制品、机械和设备修理业", "电力、热力生产和供应业", "燃气生产和供应业", "水的生产和供应业", "房屋建筑业", "土木工程建筑业", "建筑安装业", "建筑装饰、装修和其他建筑业", "批发业", "零售业", "铁路运输业", "道路运输业", "水上运输业", "航空运输业", "管道运输业", "多式联运和运输代理业", "装卸搬运和仓储业", "邮政业", "住宿业", "餐饮业", "电信、广播电视和卫星传输服务", "互联网和相关服务", "软件和信息技术服务业", "货币金融服务", "资本市场服务", "保险业", "其他金融业", "房地产业", "租赁业", "商务服务业", "研究和试验发展", "专业技术服务业", "科技推广和应用服务业", "水利管理业", "生态保护和环境治理业", "公共设施管理业", "土地管理业", "居民服务业", "机动车、电子产品和日用产品修理业", "其他服务业", "教育", "卫生", "社会工作", "新闻和出版业", "广播、电视、电影和录音制作业", "文化艺术业", "体育", "娱乐业", "中国共产党机关", "国家机构", "人民政协、民主党派", "社会保障", "群众团体、社会团体和其他成员组织", "基层群众自治组织及其他组织", "国际组织");

    /**
     * The name people read for a code: the section's for a letter (C: 制造业), the division's for a longer
     * code (C39 and C3911: 计算机、通信和其他电子设备制造业). Empty for what is not a code.
     */
    public static Optional<String> name(String code) {
        if (code == null || !code.matches("[A-T](\\d{2,4})?")) {
            return Optional.empty();
        }
        if (code.length() == 1) {
            return Optional.of(SECTION_NAMES.get(code.charAt(0) - 'A'));
        }
        int division = Integer.parseInt(code.substring(1, 3));
        return division >= 1 && division <= DIVISION_NAMES.size() ? Optional.of(DIVISION_NAMES.get(division - 1)) : Optional.empty();
    }

    /** The name of a code's section, e.g. 制造业 for C3911. */
    public static String sectionName(String code) {
        char c = code == null || code.isEmpty() ? '?' : code.charAt(0);
        return c >= 'A' && c <= 'T' ? SECTION_NAMES.get(c - 'A') : "未知";
    }

    /**
     * Every section's and division's name with its code — 制造业 → C, 医药制造业 → C27 — for reading industries
     * named in words. Where a division shares its section's name (房地产业) the section is meant.
     */
    public static java.util.Map<String, String> codesByName() {
        java.util.Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (int s = 0; s < DIVISIONS.length; s++) {
            for (int d = DIVISIONS[s][0]; d <= DIVISIONS[s][1] && d <= DIVISION_NAMES.size(); d++) {
                byName.put(DIVISION_NAMES.get(d - 1), (char) ('A' + s) + String.format("%02d", d));
            }
        }
        for (int s = 0; s < SECTION_NAMES.size(); s++) {
            byName.put(SECTION_NAMES.get(s), String.valueOf((char) ('A' + s)));
        }
        return java.util.Collections.unmodifiableMap(byName);
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
