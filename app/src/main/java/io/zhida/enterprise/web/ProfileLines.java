package io.zhida.enterprise.web;

import io.zhida.engine.rule.Attribute;
import io.zhida.engine.rule.DerivedAttributes;
import io.zhida.engine.rule.EnterpriseValues;
import io.zhida.enterprise.AttributeCatalog;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.internal.EnterpriseRows.Source;
import io.zhida.enterprise.internal.ProfileColumns;
import io.zhida.identity.Organisations;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enterprise page's rows: every attribute with its value, where the value came from (system and
 * as-of date) and which department answers for it, grouped by the system that supplies it.
 */
final class ProfileLines {

    record Line(String name, String label, String value, String unit, Source source, boolean correctable) {
        public boolean missing() {
            return value == null;
        }
    }

    record Group(String sourceSystem, String department, List<Line> lines) {
    }

    private ProfileLines() {
    }

    static List<Group> of(EnterpriseProfile e, Map<String, Source> provenance, AttributeCatalog attributes,
                          Organisations organisations) {
        Map<String, Group> groups = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        ProfileColumns.ALL.forEach(c -> names.add(c.attribute()));
        names.remove("name");
        if (e.value("scale") != null) {
            names.add("scale"); // given by a source; otherwise the computed size class is shown above
        }
        attributes.declared().forEach(d -> names.add(d.name()));
        Map<String, String> regionNames = organisations.regionNames();
        for (String name : names) {
            AttributeCatalog.Owner owner = attributes.owner(name).orElse(new AttributeCatalog.Owner("其他", ""));
            String department = organisations.departmentByCode(owner.departmentCode()).map(Organisations.Department::name).orElse("");
            Group group = groups.computeIfAbsent(owner.sourceSystem(), s -> new Group(s, department, new ArrayList<>()));
            String unit = attributes.schema().find(name).map(Attribute::unit).orElse("");
            String value = display(e.value(name));
            if (value != null && name.equals("industry")) { // codes with their names: an enterprise reads 农副食品加工业, not C1391
                value = industry(value);
            } else if (value != null && name.equals("region")) {
                value = regionNames.getOrDefault(value, value) + "（" + value + "）";
            }
            group.lines().add(new Line(name, attributes.label(name), value, unit, provenance.get(name),
                    !"tags".equals(name) && !"scale".equals(name)));
        }
        return List.copyOf(groups.values());
    }

    /** An industry code with its GB/T 4754 name: "C1391 农副食品加工业". */
    static String industry(String code) {
        return code == null ? null : io.zhida.engine.standard.IndustryCode.name(code).map(n -> code + " " + n).orElse(code);
    }

    /** The derived attributes as the rules see them (规模, 成立年份, 研发投入强度, 营收增长率). */
    static Map<String, String> derived(EnterpriseProfile e, AttributeCatalog attributes) {
        Map<String, Object> enriched = DerivedAttributes.enrich(EnterpriseValues.normalize(e.attributes(), attributes.schema()));
        Map<String, String> shown = new LinkedHashMap<>();
        for (String name : DerivedAttributes.NAMES) {
            Object v = enriched.get(name);
            String text = v == null ? null : v instanceof Double d && !"founded_year".equals(name)
                    ? new DecimalFormat("0.00%").format(d) : v.toString();
            shown.put(attributes.label(name), text);
        }
        return shown;
    }

    static String display(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "无" : String.join("、", list.stream().map(Object::toString).toList());
        }
        if (value instanceof BigDecimal d) {
            return new DecimalFormat("#,##0.00").format(d);
        }
        if (value instanceof Double d) {
            return new DecimalFormat("#,##0.####").format(d);
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        return value.toString();
    }
}
