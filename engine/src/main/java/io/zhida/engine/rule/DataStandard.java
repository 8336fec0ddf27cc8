package io.zhida.engine.rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enterprise data standard v1, declared once. Each entry says what an attribute is called, its type,
 * its Chinese label and unit, which system supplies it and which department answers for it, and what
 * values it takes. The rule schema ({@link AttributeSchema}), the enterprise table's columns, the import
 * validator, the enterprise page, the corrections' routing, the generator and its CSV all follow from this
 * list: adding an attribute is one entry here plus the migration that adds its column (see
 * {@code docs/design.md}, "Adding an attribute").
 */
public final class DataStandard {

    /** How an attribute reaches the platform. */
    public enum Kind {
        /** Sent by its source system; imports carry it, the enterprise table holds it. */
        REPORTED,
        /** Worked out by the platform from other attributes ({@link DerivedAttributes}); a source may still give it. */
        DERIVED,
        /** Contact data: held and imported, but not something a rule may test. */
        CONTACT
    }

    /** The system that supplies an attribute and the department that answers for its data. */
    public record Source(String system, String departmentCode) {
    }

    /** The code lists whose members are not written out here. */
    public enum CodeList {
        /** GB/T 4754 industry classes ({@code IndustryCode}). */
        INDUSTRY,
        /** The platform's own counties and districts. */
        REGION
    }

    /**
     * What values an attribute takes beyond its type: at most {@code maxLength} characters, one of
     * {@code codes}, a member of {@code codeList}, or text matching {@code pattern} (else {@code message}).
     * Numbers are checked by type: counts are whole and not negative, money is held to the fen.
     */
    public record Values(int maxLength, List<String> codes, CodeList codeList, String pattern, String message) {
        static final Values ANY = new Values(0, List.of(), null, null, null);

        static Values text(int maxLength) {
            return new Values(maxLength, List.of(), null, null, null);
        }

        static Values oneOf(String... codes) {
            return new Values(0, List.of(codes), null, null, null);
        }

        static Values in(CodeList list) {
            return new Values(0, List.of(), list, null, null);
        }

        static Values matching(String pattern, String message) {
            return new Values(0, List.of(), null, pattern, message);
        }
    }

    /** One attribute of the standard. */
    public record Entry(String name, AttributeType type, String label, String unit, Kind kind, Source source,
                        Values values) {

        /** The attribute as rules see it; contact data has none. */
        public Optional<Attribute> attribute() {
            return kind == Kind.CONTACT ? Optional.empty()
                    : Optional.of(new Attribute(name, type, label, unit, kind == Kind.DERIVED));
        }

        /** Held in the enterprise table and carried by imports (everything but the derived attributes). */
        public boolean stored() {
            return kind != Kind.DERIVED;
        }
    }

    private static final Source REGISTRATION = new Source("市场监管局企业登记系统", "C-SCJGJ");
    private static final Source STATISTICS = new Source("统计联网直报平台", "C-TJJ");
    private static final Source TAX = new Source("税务征管系统", "C-SWUJ");
    private static final Source SOCIAL_INSURANCE = new Source("人社业务经办系统", "C-RSJ");
    private static final Source SCIENCE = new Source("科技项目管理系统", "C-KJJ");
    private static final Source COMMERCE = new Source("商务外贸数据平台", "C-SWJ");
    private static final Source CREDIT = new Source("信用信息共享平台", "C-FGW");
    private static final Source PLATFORM = new Source("惠企政策直达平台", "C-SJJ");

    /** The size classes of the 2017 standard, as {@code scale} holds them. */
    public static final List<String> SCALES = List.of("大型", "中型", "小型", "微型");

    public static final List<Entry> ENTRIES = List.of(
            reported("uscc", AttributeType.STRING, "统一社会信用代码", "", REGISTRATION, Values.ANY),
            reported("name", AttributeType.STRING, "企业名称", "", REGISTRATION, Values.text(200)),
            reported("entity_type", AttributeType.STRING, "市场主体类型", "", REGISTRATION, Values.text(40)),
            reported("status", AttributeType.STRING, "登记状态", "", REGISTRATION, Values.oneOf("存续", "在业", "注销", "吊销", "迁出")),
            reported("founded", AttributeType.DATE, "成立日期", "", REGISTRATION, Values.ANY),
            derived("founded_year", AttributeType.INT, "成立年份", "年", null),
            reported("registered_capital", AttributeType.DOUBLE, "注册资本", "元", REGISTRATION, Values.ANY),
            reported("region", AttributeType.STRING, "注册地区划", "", REGISTRATION, Values.in(CodeList.REGION)),
            reported("industry", AttributeType.STRING, "所属行业", "", REGISTRATION, Values.in(CodeList.INDUSTRY)),
            reported("employees", AttributeType.INT, "从业人员", "人", STATISTICS, Values.ANY),
            reported("revenue", AttributeType.DOUBLE, "上年营业收入", "元", STATISTICS, Values.ANY),
            reported("revenue_prev", AttributeType.DOUBLE, "前年营业收入", "元", STATISTICS, Values.ANY),
            reported("total_assets", AttributeType.DOUBLE, "资产总额", "元", STATISTICS, Values.ANY),
            reported("tax_paid", AttributeType.DOUBLE, "上年纳税额", "元", TAX, Values.ANY),
            reported("rd_expense", AttributeType.DOUBLE, "上年研发费用", "元", TAX, Values.ANY),
            reported("export_value", AttributeType.DOUBLE, "上年出口额", "元", COMMERCE, Values.ANY),
            reported("insured_employees", AttributeType.INT, "参保职工人数", "人", SOCIAL_INSURANCE, Values.ANY),
            reported("unemployment_insurance_paid", AttributeType.DOUBLE, "上年缴纳失业保险费", "元", SOCIAL_INSURANCE, Values.ANY),
            reported("layoffs", AttributeType.INT, "上年裁员人数", "人", SOCIAL_INSURANCE, Values.ANY),
            reported("youth_hires", AttributeType.INT, "上年新招用16–24岁青年", "人", SOCIAL_INSURANCE, Values.ANY),
            reported("qualifications", AttributeType.STRING_LIST, "资质", "", SCIENCE, Values.ANY),
            reported("hitech_certified", AttributeType.DATE, "首次认定高新技术企业日期", "", SCIENCE, Values.ANY),
            reported("tax_credit_rating", AttributeType.STRING, "纳税信用等级", "", TAX, Values.oneOf("A", "B", "M", "C", "D")),
            reported("dishonest", AttributeType.BOOL, "列入严重失信主体名单", "", CREDIT, Values.ANY),
            reported("tags", AttributeType.STRING_LIST, "企业标签", "", PLATFORM, Values.ANY),
            derived("scale", AttributeType.STRING, "企业规模", "", STATISTICS),
            derived("rd_ratio", AttributeType.DOUBLE, "研发费用占营业收入比例", "", null),
            derived("revenue_growth", AttributeType.DOUBLE, "营业收入增长率", "", null),
            contact("contact_phone", "联系电话", Values.matching("[0-9+\\- ]{5,20}", "联系电话格式不正确")),
            contact("contact_email", "电子邮箱", Values.matching("[^@\\s]{1,64}@[^@\\s]{1,35}", "电子邮箱格式不正确")));

    private static final Map<String, Entry> BY_NAME;

    static {
        Map<String, Entry> m = new LinkedHashMap<>();
        ENTRIES.forEach(e -> {
            if (m.put(e.name(), e) != null) {
                throw new IllegalStateException("declared twice: " + e.name());
            }
        });
        BY_NAME = Map.copyOf(m);
    }

    private DataStandard() {
    }

    public static Optional<Entry> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The entries held in the enterprise table, in declaration order. */
    public static List<Entry> stored() {
        return ENTRIES.stream().filter(Entry::stored).toList();
    }

    private static Entry reported(String name, AttributeType type, String label, String unit, Source source, Values values) {
        return new Entry(name, type, label, unit, Kind.REPORTED, source, values);
    }

    private static Entry derived(String name, AttributeType type, String label, String unit, Source source) {
        Values values = name.equals("scale") ? Values.oneOf(SCALES.toArray(String[]::new)) : Values.ANY;
        return new Entry(name, type, label, unit, Kind.DERIVED, source, values);
    }

    private static Entry contact(String name, String label, Values values) {
        return new Entry(name, AttributeType.STRING, label, "", Kind.CONTACT, REGISTRATION, values);
    }
}
