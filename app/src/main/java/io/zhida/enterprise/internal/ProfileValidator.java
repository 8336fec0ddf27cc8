package io.zhida.enterprise.internal;

import io.zhida.engine.rule.Attribute;
import io.zhida.engine.rule.AttributeSchema;
import io.zhida.engine.rule.AttributeType;
import io.zhida.engine.rule.DataStandard;
import io.zhida.engine.standard.IndustryCode;
import io.zhida.engine.standard.Uscc;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one row of enterprise data in the data standard's names — from a CSV cell, an XLSX cell or a
 * JSON value alike — and turns it into typed values. Every wrong field of the row is reported, in
 * Chinese, so a data owner fixes a row once. An empty value means "not in this extract": it never
 * erases what the platform holds.
 */
public final class ProfileValidator {

    public record RowError(long rowNo, String field, String reason) {
    }

    /** Typed values: {@code stored} by {@link ProfileColumns#ALL} position (null = not given), declared ones in {@code extra}. */
    public record ValidRow(long rowNo, String uscc, Object[] stored, Map<String, Object> extra) {
    }

    public record Checked(ValidRow row, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private static final BigDecimal MONEY_LIMIT = new BigDecimal("1e16");
    private static final AttributeSchema STANDARD = AttributeSchema.standard();

    private final AttributeSchema schema;
    private final Set<String> regions;

    public ProfileValidator(AttributeSchema schema, Set<String> regions) {
        this.schema = schema;
        this.regions = Set.copyOf(regions);
    }

    /** Why a column or field cannot be taken at all, or empty when it can. */
    public Optional<String> fieldProblem(String name) {
        if ("uscc".equals(name) || ProfileColumns.BY_ATTRIBUTE.containsKey(name) || extraAttribute(name).isPresent()) {
            return Optional.empty();
        }
        return schema.find(name).filter(Attribute::derived)
                .map(a -> "“" + name + "”（" + a.label() + "）由平台根据其他数据计算，不能直接报送")
                .or(() -> Optional.of("“" + name + "”不是数据标准或已声明的企业属性"));
    }

    public Checked check(long rowNo, Map<String, ?> raw) {
        List<RowError> errors = new ArrayList<>();
        String uscc = text(raw.get("uscc"));
        if (uscc == null) {
            errors.add(new RowError(rowNo, "uscc", "缺少统一社会信用代码"));
        } else {
            uscc = uscc.toUpperCase();
            String code = uscc;
            Uscc.problem(code).ifPresent(p -> errors.add(new RowError(rowNo, "uscc",
                    "统一社会信用代码“" + code + "”" + p.message().replaceFirst("^统一社会信用代码", ""))));
        }
        Object[] stored = new Object[ProfileColumns.ALL.size()];
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            String field = entry.getKey();
            if ("uscc".equals(field) || isEmpty(entry.getValue())) {
                continue;
            }
            Optional<String> problem = fieldProblem(field);
            if (problem.isPresent()) {
                errors.add(new RowError(rowNo, field, problem.get()));
                continue;
            }
            try {
                ProfileColumns.Column column = ProfileColumns.BY_ATTRIBUTE.get(field);
                if (column != null) {
                    stored[ProfileColumns.INDEX.get(field)] = standard(column, entry.getValue());
                } else {
                    extra.put(field, declared(extraAttribute(field).orElseThrow(), entry.getValue()));
                }
            } catch (BadValue e) {
                errors.add(new RowError(rowNo, field, e.getMessage()));
            }
        }
        return new Checked(errors.isEmpty() ? new ValidRow(rowNo, uscc, stored, extra) : null, List.copyOf(errors));
    }

    private Optional<Attribute> extraAttribute(String name) {
        return schema.find(name).filter(a -> "scale".equals(name)
                || (!a.derived() && STANDARD.find(name).isEmpty()));
    }

    private Object standard(ProfileColumns.Column column, Object value) {
        if (column.type() == AttributeType.DOUBLE) { // money, held exactly to the fen
            BigDecimal money = decimal(value).setScale(2, RoundingMode.HALF_UP);
            require(money.abs().compareTo(MONEY_LIMIT) < 0, "金额超出范围");
            return money;
        }
        Object typed = typed(column.type(), value);
        checkValues(DataStandard.find(column.attribute()).orElseThrow(), typed);
        if (typed instanceof Long n) {
            require(n >= 0 && n <= Integer.MAX_VALUE, "人数须为不小于 0 的整数");
            return n.intValue();
        }
        return typed;
    }

    private Object declared(Attribute attribute, Object value) {
        Object typed = typed(attribute.type(), value);
        DataStandard.find(attribute.name()).ifPresent(entry -> checkValues(entry, typed)); // a given scale
        return typed instanceof LocalDate d ? d.toString() : typed;
    }

    /** The values the standard allows an attribute beyond its type: length, code list, pattern. */
    private void checkValues(DataStandard.Entry entry, Object typed) {
        DataStandard.Values allowed = entry.values();
        if (allowed.maxLength() > 0) {
            requireLength(typed, allowed.maxLength(), entry.label());
        }
        if (!allowed.codes().isEmpty()) {
            require(allowed.codes().contains(typed), entry.label() + "须为 " + String.join("、", allowed.codes()) + " 之一");
        }
        if (allowed.codeList() == DataStandard.CodeList.REGION) {
            require(regions.contains(typed), "区划代码“" + typed + "”不是本平台的县（区）代码");
        }
        if (allowed.codeList() == DataStandard.CodeList.INDUSTRY) {
            IndustryCode.problem((String) typed).ifPresent(p -> {
                throw new BadValue(p);
            });
        }
        if (allowed.pattern() != null) {
            require(((String) typed).matches(allowed.pattern()), allowed.message());
        }
    }

    private static Object typed(AttributeType type, Object value) {
        return switch (type) {
            case STRING -> {
                if (value instanceof Number || value instanceof Boolean) {
                    throw new BadValue("应为文本，不能是数字或是/否");
                }
                yield text(value);
            }
            case DATE -> date(value);
            case INT -> integer(value);
            case DOUBLE -> decimal(value).doubleValue();
            case BOOL -> bool(value);
            case STRING_LIST -> list(value);
        };
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new BadValue("应为文本");
        }
        String t = value.toString().trim();
        if (io.zhida.platform.Inputs.hasControlCharacters(t)) { // an XLSX cell can carry them; CSV and JSON files are refused whole
            throw new BadValue("含有不可见的控制字符（如 NUL）");
        }
        return t.isEmpty() ? null : t;
    }

    private static LocalDate date(Object value) {
        try {
            return value instanceof LocalDate d ? d : LocalDate.parse(text(value));
        } catch (DateTimeParseException e) {
            throw new BadValue("“" + value + "”不是日期，应为 YYYY-MM-DD");
        }
    }

    private static long integer(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        BigDecimal d = decimal(value);
        try {
            return d.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new BadValue("“" + value + "”不是整数");
        }
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Boolean || value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new BadValue("“" + value + "”不是数字");
        }
        try {
            return value instanceof BigDecimal b ? b : new BigDecimal(text(value).replace(",", ""));
        } catch (NumberFormatException e) {
            throw new BadValue("“" + value + "”不是数字");
        }
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (text(value).toLowerCase()) {
            case "true", "是", "1", "y", "yes" -> true;
            case "false", "否", "0", "n", "no" -> false;
            default -> throw new BadValue("“" + value + "”应为 是/否（true/false）");
        };
    }

    private static List<String> list(Object value) {
        List<String> items = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof String s)) {
                    throw new BadValue("列表中的每一项都应为文本");
                }
                items.add(s.trim());
            }
        } else {
            items.addAll(Arrays.asList(text(value).split("[|;；、]")));
        }
        return items.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String s && s.isBlank());
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw new BadValue(reason);
        }
    }

    private static void requireLength(Object text, int max, String label) {
        require(((String) text).length() <= max, label + "不能超过" + max + "个字符");
    }

    private static final class BadValue extends RuntimeException {
        BadValue(String message) {
            super(message, null, false, false);
        }
    }
}
