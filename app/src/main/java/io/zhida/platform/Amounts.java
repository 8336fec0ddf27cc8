package io.zhida.platform;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Money typed by a person: a plain decimal in yuan with at most two places, thousands separators
 * allowed, nothing else — no exponent ("1e2"), no sign, no spaces inside, at most 999,999,999,999.99.
 * Anything else is refused naming the field, never read as something the person did not write.
 */
public final class Amounts {

    private static final Pattern PLAIN = Pattern.compile("(0|[1-9][0-9]{0,11})(\\.[0-9]{1,2})?");
    private static final Pattern GROUPED = Pattern.compile("[1-9][0-9]{0,2}(,[0-9]{3}){1,3}(\\.[0-9]{1,2})?");

    private Amounts() {
    }

    /** @return null for an empty field */
    public static BigDecimal parse(String field, String label, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (!PLAIN.matcher(t).matches() && !GROUPED.matcher(t).matches()) {
            throw new InvalidInputException(field, label + "应为不超过 999,999,999,999.99 的金额（元），最多两位小数，如 12000 或 12,000.50");
        }
        return new BigDecimal(t.replace(",", "")).setScale(2);
    }
}
