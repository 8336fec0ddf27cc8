package io.zhida.engine.rule;

import io.zhida.engine.standard.SizeClass;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes scale (2017 size standard), founded_year, rd_ratio and revenue_growth from the base
 * attributes when they are not given. A value given in the input wins; a value that cannot be
 * computed stays absent.
 *
 * <p>Ratios are worked out in decimal (16 significant digits, as the inputs are read from their
 * shortest decimal form) and only then turned into the nearest double, so a ratio that is a round
 * number is exactly the number a rule states: 120,000,000 over 100,000,000 grows by 0.2, and
 * {@code e.revenue_growth >= 0.2} holds (binary arithmetic gives 0.19999999999999996).
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
            all.put("rd_ratio", ratio(rd, revenue, false));
        }
        if (!all.containsKey("revenue_growth") && all.get("revenue_prev") instanceof Double prev && revenue != null && prev > 0) {
            all.put("revenue_growth", ratio(revenue, prev, true));
        }
        if (!all.containsKey("scale")) {
            Long employees = (Long) all.get("employees");
            SizeClass.classify((String) all.get("industry"), employees == null ? null : Math.toIntExact(employees),
                    revenue, (Double) all.get("total_assets")).ifPresent(s -> all.put("scale", s));
        }
        return all;
    }

    /** a / b (minus one for a growth) in decimal, then the nearest double. */
    static double ratio(double a, double b, boolean growth) {
        BigDecimal q = BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), MathContext.DECIMAL64);
        return (growth ? q.subtract(BigDecimal.ONE) : q).doubleValue();
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
