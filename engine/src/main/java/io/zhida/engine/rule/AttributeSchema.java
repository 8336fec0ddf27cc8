package io.zhida.engine.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The attributes of enterprise data standard v1, plus any an administrator declares. */
public final class AttributeSchema {

    private static final List<Attribute> STANDARD = List.of(
            a("uscc", AttributeType.STRING, "统一社会信用代码", ""),
            a("name", AttributeType.STRING, "企业名称", ""),
            a("entity_type", AttributeType.STRING, "市场主体类型", ""),
            a("status", AttributeType.STRING, "登记状态", ""),
            a("founded", AttributeType.DATE, "成立日期", ""),
            d("founded_year", AttributeType.INT, "成立年份", "年"),
            a("registered_capital", AttributeType.DOUBLE, "注册资本", "元"),
            a("region", AttributeType.STRING, "注册地区划", ""),
            a("industry", AttributeType.STRING, "所属行业", ""),
            a("employees", AttributeType.INT, "从业人员", "人"),
            a("revenue", AttributeType.DOUBLE, "上年营业收入", "元"),
            a("revenue_prev", AttributeType.DOUBLE, "前年营业收入", "元"),
            a("total_assets", AttributeType.DOUBLE, "资产总额", "元"),
            a("tax_paid", AttributeType.DOUBLE, "上年纳税额", "元"),
            a("rd_expense", AttributeType.DOUBLE, "上年研发费用", "元"),
            a("export_value", AttributeType.DOUBLE, "上年出口额", "元"),
            a("insured_employees", AttributeType.INT, "参保职工人数", "人"),
            a("unemployment_insurance_paid", AttributeType.DOUBLE, "上年缴纳失业保险费", "元"),
            a("layoffs", AttributeType.INT, "上年裁员人数", "人"),
            a("youth_hires", AttributeType.INT, "上年新招用16–24岁青年", "人"),
            a("qualifications", AttributeType.STRING_LIST, "资质", ""),
            a("hitech_certified", AttributeType.DATE, "首次认定高新技术企业日期", ""),
            a("tax_credit_rating", AttributeType.STRING, "纳税信用等级", ""),
            a("dishonest", AttributeType.BOOL, "列入严重失信主体名单", ""),
            a("tags", AttributeType.STRING_LIST, "企业标签", ""),
            d("scale", AttributeType.STRING, "企业规模", ""),
            d("rd_ratio", AttributeType.DOUBLE, "研发费用占营业收入比例", ""),
            d("revenue_growth", AttributeType.DOUBLE, "营业收入增长率", ""));

    private final Map<String, Attribute> attributes;

    private AttributeSchema(Collection<Attribute> attributes) {
        Map<String, Attribute> map = new LinkedHashMap<>();
        attributes.forEach(a -> map.put(a.name(), a));
        this.attributes = Map.copyOf(map);
    }

    public static AttributeSchema standard() {
        return new AttributeSchema(STANDARD);
    }

    /** The standard attributes plus declared ones; a declared name may not shadow a standard one. */
    public AttributeSchema withDeclared(List<Attribute> declared) {
        List<Attribute> all = new ArrayList<>(attributes.values());
        for (Attribute a : declared) {
            if (attributes.containsKey(a.name())) {
                throw new IllegalArgumentException("attribute already exists: " + a.name());
            }
            all.add(a);
        }
        return new AttributeSchema(all);
    }

    public Optional<Attribute> find(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public Collection<Attribute> all() {
        return attributes.values();
    }

    public String label(String name) {
        return find(name).map(Attribute::label).orElse(name);
    }

    private static Attribute a(String name, AttributeType type, String label, String unit) {
        return new Attribute(name, type, label, unit, false);
    }

    private static Attribute d(String name, AttributeType type, String label, String unit) {
        return new Attribute(name, type, label, unit, true);
    }
}
