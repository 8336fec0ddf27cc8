package io.zhida.engine.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns loosely typed input (JSON numbers of any width, dates as strings or LocalDate) into the
 * exact Java values CEL expects: Long for int, Double for double, String, Boolean, List of String.
 * A null or absent value stays absent: the platform does not hold it, it is not zero.
 */
public final class EnterpriseValues {

    /** The longest text value an attribute may hold (characters); rule limits are worked out from these bounds. */
    public static final int MAX_TEXT = 10_000;
    /** The most entries a list attribute may hold, and the longest entry. */
    public static final int MAX_LIST = 1_000;
    public static final int MAX_LIST_ITEM = 500;

    private EnterpriseValues() {
    }

    public static Map<String, Object> normalize(Map<String, ?> input, AttributeSchema schema) {
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, ?> entry : input.entrySet()) {
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            Attribute attribute = schema.find(entry.getKey())
                    .orElseThrow(() -> new InvalidAttributeException(entry.getKey(), "未知的企业属性“" + entry.getKey() + "”"));
            values.put(attribute.name(), convert(attribute, value));
        }
        return values;
    }

    private static Object convert(Attribute a, Object value) {
        return switch (a.type()) {
            case STRING -> text(a, requireType(a, value, String.class, "文本"), MAX_TEXT);
            case DATE -> date(a, value);
            case BOOL -> requireType(a, value, Boolean.class, "true 或 false");
            case INT -> integer(a, value);
            case DOUBLE -> number(a, value);
            case STRING_LIST -> list(a, value);
        };
    }

    private static <T> T requireType(Attribute a, Object value, Class<T> type, String expected) {
        if (!type.isInstance(value)) {
            throw wrong(a, expected);
        }
        return type.cast(value);
    }

    private static String date(Attribute a, Object value) {
        String text = value instanceof LocalDate d ? d.toString() : requireType(a, value, String.class, "日期 YYYY-MM-DD");
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw wrong(a, "日期 YYYY-MM-DD");
        }
    }

    private static Long integer(Attribute a, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            if (d.stripTrailingZeros().scale() <= 0) {
                return d.longValueExact();
            }
        }
        throw wrong(a, "整数");
    }

    private static Double number(Attribute a, Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw wrong(a, "数值");
    }

    private static List<String> list(Attribute a, Object value) {
        if (!(value instanceof List<?> items)) {
            throw wrong(a, "文本列表");
        }
        if (items.size() > MAX_LIST) {
            throw new InvalidAttributeException(a.name(), "企业属性“" + a.name() + "”（" + a.label() + "）最多 " + MAX_LIST + " 项");
        }
        List<String> strings = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String s)) {
                throw wrong(a, "文本列表");
            }
            strings.add(text(a, s, MAX_LIST_ITEM));
        }
        return List.copyOf(strings);
    }

    private static String text(Attribute a, String s, int max) {
        if (s.length() > max) {
            throw new InvalidAttributeException(a.name(), "企业属性“" + a.name() + "”（" + a.label() + "）不能超过 " + max + " 个字符");
        }
        return s;
    }

    private static InvalidAttributeException wrong(Attribute a, String expected) {
        return new InvalidAttributeException(a.name(), "企业属性“" + a.name() + "”（" + a.label() + "）应为" + expected);
    }
}
