package io.zhida.engine.rule;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Says a clause in plain Chinese from its checked syntax tree when its author gave no label: attributes by
 * their labels, amounts in 元 or 万元, ratios in per cent, dates as dates, codes by their names, yes/no as
 * words ("资产总额不低于 1,000 万元", "注册地为青山县", "未列入严重失信主体名单"). What it cannot say
 * exactly it says without syntax ("上年裁员人数、参保职工人数符合政策规定"): an enterprise never reads rule text.
 */
final class ClauseWords {

    /** A threshold comparison of one attribute with a constant: what a near miss is measured against. */
    record Threshold(String attribute, String operator, BigDecimal value) {
    }

    private final AttributeSchema schema;
    private final CodeNames names;

    ClauseWords(AttributeSchema schema, CodeNames names) {
        this.schema = schema;
        this.names = names;
    }

    String say(CelExpr x) {
        try {
            return words(x);
        } catch (Unsayable e) {
            return general(x);
        }
    }

    /** The clause as "attribute op constant" (either side), if it is one: the gap to it is a number. */
    static Optional<Threshold> threshold(CelExpr x, AttributeSchema schema) {
        if (x.getKind() != CelExpr.ExprKind.Kind.CALL) {
            return Optional.empty();
        }
        String op = x.call().function();
        if (!List.of("_<_", "_<=_", "_>_", "_>=_").contains(op) || x.call().args().size() != 2) {
            return Optional.empty();
        }
        CelExpr left = x.call().args().get(0);
        CelExpr right = x.call().args().get(1);
        Optional<String> attribute = attribute(left);
        Optional<BigDecimal> value = number(right);
        if (attribute.isEmpty()) {
            attribute = attribute(right);
            value = number(left);
            op = flip(op);
        }
        String name = attribute.orElse(null);
        if (name == null || value.isEmpty() || schema.find(name).map(a -> a.type() != AttributeType.INT && a.type() != AttributeType.DOUBLE)
                .orElse(true)) {
            return Optional.empty();
        }
        return Optional.of(new Threshold(name, op, value.get()));
    }

    private String words(CelExpr x) {
        return switch (x.getKind()) {
            case SELECT -> truth(attributeOrFail(x), true);
            case CONSTANT -> x.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE && x.constant().booleanValue()
                    ? "无附加条件" : fail();
            case CALL -> call(x);
            default -> fail();
        };
    }

    private String call(CelExpr x) {
        String f = x.call().function();
        List<CelExpr> args = x.call().args();
        return switch (f) {
            case "_&&_" -> part(args.get(0), "_||_") + "，且" + part(args.get(1), "_||_");
            case "_||_" -> part(args.get(0), "_&&_") + "，或" + part(args.get(1), "_&&_");
            case "!_" -> not(args.get(0));
            case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_" -> compare(f, args.get(0), args.get(1));
            case "@in" -> in(args.get(0), args.get(1), true);
            case "startsWith" -> startsWith(x, true);
            case "matches" -> matches(x, true);
            default -> fail();
        };
    }

    private String part(CelExpr x, String bracketed) {
        String text = words(x);
        return x.getKind() == CelExpr.ExprKind.Kind.CALL && x.call().function().equals(bracketed) ? "（" + text + "）" : text;
    }

    private String not(CelExpr x) {
        if (x.getKind() == CelExpr.ExprKind.Kind.SELECT) {
            return truth(attributeOrFail(x), false);
        }
        if (x.getKind() == CelExpr.ExprKind.Kind.CALL) {
            String f = x.call().function();
            List<CelExpr> args = x.call().args();
            switch (f) {
                case "_==_" -> {
                    return compare("_!=_", args.get(0), args.get(1));
                }
                case "_!=_" -> {
                    return compare("_==_", args.get(0), args.get(1));
                }
                case "@in" -> {
                    return in(args.get(0), args.get(1), false);
                }
                case "startsWith" -> {
                    return startsWith(x, false);
                }
                case "matches" -> {
                    return matches(x, false);
                }
                case "_<_", "_<=_", "_>_", "_>=_" -> {
                    return compare(negate(f), args.get(0), args.get(1));
                }
                default -> {
                }
            }
        }
        return "不满足：" + words(x);
    }

    /** A yes/no attribute: "列入严重失信主体名单" / "未列入…", others "X：是/否". */
    private String truth(Attribute a, boolean yes) {
        if (a.type() != AttributeType.BOOL) {
            return fail();
        }
        String label = a.label();
        if (label.startsWith("列入") || label.startsWith("纳入") || label.startsWith("被")) {
            return yes ? label : "未" + label;
        }
        return label + "：" + (yes ? "是" : "否");
    }

    private String compare(String op, CelExpr left, CelExpr right) {
        Optional<String> attribute = attribute(left);
        CelExpr constant = right;
        if (attribute.isEmpty()) {
            attribute = attribute(right);
            constant = left;
            op = flip(op);
        }
        Attribute a = attribute.flatMap(schema::find).orElseThrow(Unsayable::new);
        if (constant.getKind() == CelExpr.ExprKind.Kind.IDENT && constant.ident().name().equals("today") && a.type() == AttributeType.DATE) {
            return a.label() + dateWords(op, "今天");
        }
        if (constant.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return fail();
        }
        CelConstant c = constant.constant();
        return switch (a.type()) {
            case INT, DOUBLE -> a.label() + numberWords(op, a, number(constant).orElseThrow(Unsayable::new));
            case DATE -> a.label() + dateWords(op, date(c));
            case STRING -> switch (op) {
                case "_==_" -> a.label() + "为" + value(a, text(c));
                case "_!=_" -> a.label() + "不为" + value(a, text(c));
                default -> fail();
            };
            case BOOL -> c.getKind() == CelConstant.Kind.BOOLEAN_VALUE && (op.equals("_==_") || op.equals("_!=_"))
                    ? truth(a, c.booleanValue() == op.equals("_==_")) : fail();
            default -> fail();
        };
    }

    private String numberWords(String op, Attribute a, BigDecimal v) {
        boolean countable = a.unit().equals("人") || a.type() == AttributeType.INT;
        if (v.signum() == 0 && op.equals("_>_")) {
            return countable && !a.isRatio() ? "不少于 1" + a.unit() : "大于零";
        }
        String amount = amount(a, v);
        return switch (op) {
            case "_>=_" -> countable ? "不少于 " + amount : "不低于 " + amount;
            case "_>_" -> countable ? "多于 " + amount : "高于 " + amount;
            case "_<=_" -> countable ? "不多于 " + amount : "不高于 " + amount;
            case "_<_" -> countable ? "少于 " + amount : "低于 " + amount;
            case "_==_" -> "为 " + amount;
            case "_!=_" -> "不为 " + amount;
            default -> fail();
        };
    }

    /** An amount as people write it: 1,000 万元, 5,000 元, 5%, 20 人, 2024 年. */
    static String amount(Attribute a, BigDecimal v) {
        if (a.isRatio()) {
            return v.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }
        if (a.unit().equals("元") && v.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            return String.format("%,.2f", v.movePointLeft(4)).replaceAll("\\.?0+$", "") + " 万元";
        }
        String plain = v.stripTrailingZeros().scale() <= 0 ? String.format("%,d", v.toBigInteger()) : v.stripTrailingZeros().toPlainString();
        return a.unit().isEmpty() ? plain : plain + " " + a.unit();
    }

    private static String dateWords(String op, String date) {
        return switch (op) {
            case "_>=_" -> "在" + date + "或以后";
            case "_>_" -> "在" + date + "以后";
            case "_<=_" -> "在" + date + "或以前";
            case "_<_" -> "在" + date + "以前";
            case "_==_" -> "为" + date;
            case "_!=_" -> "不为" + date;
            default -> throw new Unsayable();
        };
    }

    private static String date(CelConstant c) {
        try {
            LocalDate d = LocalDate.parse(text(c));
            return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        } catch (DateTimeParseException e) {
            throw new Unsayable();
        }
    }

    private String in(CelExpr element, CelExpr collection, boolean yes) {
        Optional<String> listAttribute = attribute(collection);
        if (listAttribute.isPresent() && element.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
            Attribute a = schema.find(listAttribute.get()).orElseThrow(Unsayable::new);
            return a.label() + (yes ? "包含“" : "不包含“") + value(a, text(element.constant())) + "”";
        }
        Optional<String> scalar = attribute(element);
        if (scalar.isPresent() && collection.getKind() == CelExpr.ExprKind.Kind.LIST) {
            Attribute a = schema.find(scalar.get()).orElseThrow(Unsayable::new);
            List<String> values = new ArrayList<>();
            for (CelExpr v : collection.list().elements()) {
                if (v.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
                    return fail();
                }
                values.add(a.type() == AttributeType.INT || a.type() == AttributeType.DOUBLE
                        ? amount(a, number(v).orElseThrow(Unsayable::new)) : value(a, text(v.constant())));
            }
            if (values.size() == 1) {
                return a.label() + (yes ? "为" : "不为") + values.get(0);
            }
            return a.label() + (yes ? "为" : "不为") + String.join("、", values) + (yes ? "之一" : "中的任何一个");
        }
        return fail();
    }

    private String startsWith(CelExpr x, boolean yes) {
        Attribute a = x.call().target().flatMap(ClauseWords::attribute).flatMap(schema::find).orElseThrow(Unsayable::new);
        CelExpr prefix = x.call().args().get(0);
        if (prefix.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return fail();
        }
        return belongs(a, List.of(text(prefix.constant())), yes);
    }

    private String matches(CelExpr x, boolean yes) {
        Attribute a = x.call().target().flatMap(ClauseWords::attribute).flatMap(schema::find).orElseThrow(Unsayable::new);
        CelExpr pattern = x.call().args().get(0);
        if (pattern.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return fail();
        }
        return belongs(a, RegexPrefixes.of(text(pattern.constant())).orElseThrow(Unsayable::new), yes);
    }

    /** Codes that start with one of the prefixes: named where the prefix is a code ("所属行业属于制造业"). */
    private String belongs(Attribute a, List<String> prefixes, boolean yes) {
        Set<String> named = new LinkedHashSet<>();
        for (String prefix : prefixes) {
            Optional<String> name = names.name(a.name(), prefix);
            if (name.isEmpty()) {
                return a.label() + (yes ? "以" : "不以") + String.join("、", prefixes.stream().map(p -> "“" + p + "”").toList()) + "开头";
            }
            named.add(name.get());
        }
        String list = String.join("、", named);
        return a.label() + (yes ? "属于" : "不属于") + list;
    }

    private String value(Attribute a, String code) {
        return names.name(a.name(), code).orElse(code);
    }

    /** Nothing exact to say: which data the clause looks at, without its syntax. */
    private String general(CelExpr x) {
        Set<String> labels = new LinkedHashSet<>();
        collect(x, labels);
        return labels.isEmpty() ? "符合政策规定的其他条件" : String.join("、", labels) + "符合政策规定";
    }

    private void collect(CelExpr x, Set<String> labels) {
        attribute(x).flatMap(schema::find).ifPresent(a -> labels.add(a.label()));
        switch (x.getKind()) {
            case CALL -> {
                x.call().target().ifPresent(t -> collect(t, labels));
                x.call().args().forEach(arg -> collect(arg, labels));
            }
            case SELECT -> collect(x.select().operand(), labels);
            case LIST -> x.list().elements().forEach(e -> collect(e, labels));
            case COMPREHENSION -> {
                collect(x.comprehension().iterRange(), labels);
                collect(x.comprehension().loopStep(), labels);
            }
            default -> {
            }
        }
    }

    private Attribute attributeOrFail(CelExpr x) {
        return attribute(x).flatMap(schema::find).orElseThrow(Unsayable::new);
    }

    static Optional<String> attribute(CelExpr x) {
        if (x.getKind() == CelExpr.ExprKind.Kind.SELECT && x.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT
                && x.select().operand().ident().name().equals("e")) {
            return Optional.of(x.select().field());
        }
        return Optional.empty();
    }

    static Optional<BigDecimal> number(CelExpr x) {
        if (x.getKind() == CelExpr.ExprKind.Kind.CALL && x.call().function().equals("-_") && x.call().args().size() == 1) {
            return number(x.call().args().get(0)).map(BigDecimal::negate);
        }
        if (x.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return Optional.empty();
        }
        CelConstant c = x.constant();
        return switch (c.getKind()) {
            case INT64_VALUE -> Optional.of(BigDecimal.valueOf(c.int64Value()));
            case UINT64_VALUE -> Optional.of(new BigDecimal(c.uint64Value().toString()));
            case DOUBLE_VALUE -> Optional.of(new BigDecimal(Double.toString(c.doubleValue())));
            default -> Optional.empty();
        };
    }

    private static String text(CelConstant c) {
        if (c.getKind() != CelConstant.Kind.STRING_VALUE) {
            throw new Unsayable();
        }
        return c.stringValue();
    }

    static String flip(String op) {
        return switch (op) {
            case "_<_" -> "_>_";
            case "_<=_" -> "_>=_";
            case "_>_" -> "_<_";
            case "_>=_" -> "_<=_";
            default -> op;
        };
    }

    private static String negate(String op) {
        return switch (op) {
            case "_<_" -> "_>=_";
            case "_<=_" -> "_>_";
            case "_>_" -> "_<=_";
            case "_>=_" -> "_<_";
            default -> op;
        };
    }

    private static String fail() {
        throw new Unsayable();
    }

    /** The clause has a shape plain words do not cover exactly. */
    private static final class Unsayable extends RuntimeException {
        Unsayable() {
            super(null, null, false, false);
        }
    }
}
