package io.zhida.engine.rule;

import io.zhida.engine.standard.SizeClass;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes scale (2017 size standard), founded_year, rd_ratio and revenue_growth from the base
 * attributes when they are not given. A value given in the input wins; a value that cannot be
 * computed stays absent.
 */
public final class DerivedAttributes {

    public static final String[] NAMES = {"scale", "founded_year", "rd_ratio", "revenue_growth"};

    private DerivedAttributes() {
    }

    /** A copy of the normalised values with the derived attributes added. */
    public static Map<String, Object> enrich(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        if (!all.containsKey("founded_year") && all.get("founded") instanceof String founded) {
            all.put("founded_year", Long.parseLong(founded.substring(0, 4)));
        }
        Double revenue = (Double) all.get("revenue");
        if (!all.containsKey("rd_ratio") && all.get("rd_expense") instanceof Double rd && revenue != null && revenue > 0) {
            all.put("rd_ratio", rd / revenue);
        }
        if (!all.containsKey("revenue_growth") && all.get("revenue_prev") instanceof Double prev && revenue != null && prev > 0) {
            all.put("revenue_growth", revenue / prev - 1);
        }
        if (!all.containsKey("scale")) {
            Long employees = (Long) all.get("employees");
            SizeClass.classify((String) all.get("industry"), employees == null ? null : Math.toIntExact(employees),
                    revenue, (Double) all.get("total_assets")).ifPresent(s -> all.put("scale", s));
        }
        return all;
    }

    /** The four derived attributes as they stand (null where not computable), for explanations. */
    public static Map<String, Object> of(Map<String, Object> enriched) {
        Map<String, Object> derived = new LinkedHashMap<>();
        for (String name : NAMES) {
            derived.put(name, enriched.get(name));
        }
        return derived;
    }
}
