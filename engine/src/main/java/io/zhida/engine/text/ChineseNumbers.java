package io.zhida.engine.text;

import java.math.BigDecimal;
import java.util.Optional;

/** Numbers as policies write them: 1,500、2.5、三、十五、两百、一千二百 — and the units that scale them. */
final class ChineseNumbers {

    /** A number in digits (with thousands commas and decimals) or in Chinese numerals up to the thousands. */
    static final String NUMBER = "(?<![\\d.,])(?:\\d{1,3}(?:,\\d{3}){1,4}|\\d{1,15})(?:\\.\\d{1,6})?(?![\\d])"
            + "|(?<![零一二两三四五六七八九十百千])[零一二两三四五六七八九十百千]{1,8}";

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumbers() {
    }

    static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (Character.isDigit(text.charAt(0))) {
            try {
                return Optional.of(new BigDecimal(text.replace(",", "")));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        long total = 0;
        long current = 0;
        for (char c : text.toCharArray()) {
            int digit = c == '两' ? 2 : DIGITS.indexOf(c);
            if (digit >= 0) {
                current = digit;
            } else {
                long unit = switch (c) {
                    case '十' -> 10;
                    case '百' -> 100;
                    case '千' -> 1000;
                    default -> 0;
                };
                if (unit == 0) {
                    return Optional.empty();
                }
                total += (current == 0 ? 1 : current) * unit;
                current = 0;
            }
        }
        return Optional.of(BigDecimal.valueOf(total + current));
    }

    /** The factor of a money unit, in yuan: 亿元 10⁸, 万元 10⁴, 元 1; empty for what is not money. */
    static Optional<BigDecimal> yuan(String unit) {
        return switch (unit == null ? "" : unit) {
            case "亿元", "亿" -> Optional.of(new BigDecimal("100000000"));
            case "万元", "万" -> Optional.of(new BigDecimal("10000"));
            case "元" -> Optional.of(BigDecimal.ONE);
            default -> Optional.empty();
        };
    }

    /** A number written plainly for a rule: no exponent, no trailing zeros. */
    static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }
}
