package io.zhida.engine.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * How far an enterprise's own figure is from a threshold it does not meet, in its units: "还差 12.5 万元",
 * "还差 3 人", "需减少 2 人", "还差 1.2 个百分点". Exact decimals: the figure as the rule saw it (percentage points
 * to two places, rounded up).
 */
final class Gaps {

    private Gaps() {
    }

    /** Null when the enterprise has no figure for the attribute (then the data is what is missing). */
    static String say(ClauseWords.Threshold threshold, Map<String, Object> values, AttributeSchema schema) {
        Object raw = values.get(threshold.attribute());
        Attribute a = schema.find(threshold.attribute()).orElse(null);
        if (!(raw instanceof Number number) || a == null) {
            return null;
        }
        BigDecimal value = number instanceof Long || number instanceof Integer ? BigDecimal.valueOf(number.longValue())
                : new BigDecimal(number.toString());
        BigDecimal limit = threshold.value();
        boolean whole = a.type() == AttributeType.INT;
        BigDecimal step = whole ? BigDecimal.ONE : BigDecimal.ZERO;
        BigDecimal gap = switch (threshold.operator()) {
            case "_>=_" -> limit.subtract(value);
            case "_>_" -> limit.subtract(value).add(step);
            case "_<=_" -> value.subtract(limit);
            case "_<_" -> value.subtract(limit).add(step);
            default -> BigDecimal.ZERO;
        };
        if (gap.signum() <= 0) {
            return null;
        }
        boolean up = threshold.operator().startsWith("_>");
        String beyond = !whole && threshold.operator().length() == 3 ? "以上" : ""; // a strict bound on a decimal: a little more
        if (a.isRatio()) {
            // to two places, rounded up: a derived ratio has 16 digits, and closing the gap as said must be enough
            return (up ? "还差 " : "需降低 ") + gap.movePointRight(2).setScale(2, RoundingMode.UP).stripTrailingZeros().toPlainString()
                    + " 个百分点" + beyond;
        }
        return (up ? "还差 " : "需减少 ") + AmountWords.amount(a, gap) + beyond;
    }
}
