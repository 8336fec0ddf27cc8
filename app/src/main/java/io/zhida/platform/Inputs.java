package io.zhida.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Strict reading of what people type and systems send: money, whole numbers, years and dates are
 * parsed exactly as written or refused, never rounded, rolled over or guessed at. Every refusal is an
 * {@link InvalidInputException} that names the field and says, in Chinese, what is expected.
 */
public final class Inputs {

    /** The largest amount of money the platform takes anywhere (a NUMERIC(18,2) column holds more). */
    public static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(MAX_YEAR, 12, 31);

    /** Plain decimal: digits (optionally grouped by commas in threes), an optional fraction; no sign, no exponent. */
    private static final Pattern MONEY = Pattern.compile("(\\d{1,15}|\\d{1,3}(,\\d{3}){1,4})(\\.\\d+)?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,15}(\\.\\d{1,10})?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,10}");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private Inputs() {
    }

    /** C0 control characters other than tab, line feed and carriage return, and DEL: never part of real text. */
    public static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }

    public static boolean hasControlCharacters(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Text as typed, refused if it holds control characters or is longer than {@code maxLength}; blank → null. */
    public static String text(String value, String field, String label, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (hasControlCharacters(value)) {
            throw new InvalidInputException(field, label + "含有不可见的控制字符，请删除后重试");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException(field, label + "不能超过" + maxLength + "个字符");
        }
        return trimmed;
    }

    /** A required amount of money in yuan: plain decimal, at most two places, 0 … {@link #MAX_MONEY}. */
    public static BigDecimal money(String text, String field, String label) {
        BigDecimal value = optionalMoney(text, field, label);
        if (value == null) {
            throw new InvalidInputException(field, "请填写" + label);
        }
        return value;
    }

    /** As {@link #money(String, String, String)}, but blank means "not given" (null). */
    public static BigDecimal optionalMoney(String text, String field, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (!MONEY.matcher(t).matches()) {
            throw new InvalidInputException(field, label + "应为不小于 0 的金额（元），如 150000 或 150000.50，不能用科学计数法");
        }
        return money(new BigDecimal(t.replace(",", "")), field, label);
    }

    /** Checks an amount that arrived already as a number (JSON, a bound form field). Null passes. */
    public static BigDecimal money(BigDecimal value, String field, String label) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            throw new InvalidInputException(field, label + "不能为负数");
        }
        if (value.scale() < 0) { // 1e2 arrives as 1E+2: written with an exponent
            throw new InvalidInputException(field, label + "应写成普通金额（如 100 或 100.50），不能用科学计数法");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, label + "最多保留两位小数（分）");
        }
        if (value.compareTo(MAX_MONEY) > 0) {
            throw new InvalidInputException(field, label + "不能超过 999,999,999,999.99 元");
        }
        return value.setScale(2);
    }

    /** A plain decimal as people write it (a sign, digits, a fraction; no exponent, no NaN); blank → null. */
    public static BigDecimal optionalDecimal(String text, String field, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (!DECIMAL.matcher(t).matches()) {
            throw new InvalidInputException(field, label + "应为数字，如 120 或 -3.5，不能用科学计数法");
        }
        return new BigDecimal(t);
    }

    /** A required whole number in [min, max]. */
    public static int integer(String text, String field, String label, int min, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "请填写" + label);
        }
        String t = text.strip();
        long value;
        if (!INTEGER.matcher(t).matches()) {
            throw new InvalidInputException(field, label + "应为整数");
        }
        value = Long.parseLong(t);
        return integer(value, field, label, min, max);
    }

    public static int integer(long value, String field, String label, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, label + "应在 " + min + " 到 " + max + " 之间");
        }
        return (int) value;
    }

    /** A calendar year the platform can hold business for: {@value #MIN_YEAR} … {@value #MAX_YEAR}. */
    public static int year(long value, String field) {
        if (value < MIN_YEAR || value > MAX_YEAR) {
            throw new InvalidInputException(field, "年度应在 " + MIN_YEAR + " 到 " + MAX_YEAR + " 之间");
        }
        return (int) value;
    }

    public static int year(String text, String field) {
        return year(integer(text, field, "年度", MIN_YEAR, MAX_YEAR), field);
    }

    /** A date written YYYY-MM-DD that exists (2026-02-30 does not), between 1900 and {@value #MAX_YEAR}; blank → null. */
    public static LocalDate optionalDate(String text, String field, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip(), ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, label + "“" + text.strip() + "”不是有效日期，应为 YYYY-MM-DD 且该日存在");
        }
        return date(date, field, label);
    }

    public static LocalDate date(String text, String field, String label) {
        LocalDate date = optionalDate(text, field, label);
        if (date == null) {
            throw new InvalidInputException(field, "请填写" + label);
        }
        return date;
    }

    /** Checks a date that arrived already parsed. Null passes. */
    public static LocalDate date(LocalDate date, String field, String label) {
        if (date != null && (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE))) {
            throw new InvalidInputException(field, label + "应在 " + MIN_DATE + " 到 " + MAX_DATE + " 之间");
        }
        return date;
    }

    /** A code that must name something that exists (an item, a region, a department …). */
    public static String existing(String code, boolean exists, String field, String label) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "请选择" + label);
        }
        if (!exists) {
            throw new InvalidInputException(field, label + "“" + code.strip() + "”不存在");
        }
        return code.strip();
    }
}
