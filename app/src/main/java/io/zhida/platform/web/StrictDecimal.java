package io.zhida.platform.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How a form field or query parameter becomes a BigDecimal: a plain decimal as people write it (an
 * optional sign, digits optionally grouped by commas, a fraction), never 1e30 or NaN. Anything else is
 * a type mismatch, answered as 400 naming the field.
 */
final class StrictDecimal {

    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d{1,15}|\\d{1,3}(,\\d{3}){1,4})(\\.\\d{1,10})?");

    private StrictDecimal() {
    }

    static BigDecimal parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (!PLAIN.matcher(t).matches()) {
            throw new IllegalArgumentException("not a plain decimal: " + t);
        }
        return new BigDecimal(t.replace(",", ""));
    }
}
