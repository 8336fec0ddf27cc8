package io.zhida.engine.rule;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Says a clause in plain Chinese from its checked syntax tree when its author gave no label: attributes by
 * their labels, amounts in 元 or 万元, ratios in per cent, dates as dates, codes by their names, yes/no as
 * words ("资产总额不低于 1,000 万元", "注册地为青山县", "未列入严重失信主体名单"). What it cannot say
 * exactly it says without syntax ("上年裁员人数、参保职工人数符合政策规定"): an enterprise never reads rule text.
 * Numbers and dates are worded by {@link AmountWords}, lists, prefixes and codes by {@link MembershipWords};
 * this class reads the tree and joins their words.
 */
final class ClauseWords {

    /** A threshold comparison of one attribute with a constant: what a near miss is measured against. */
    record Threshold(String attribute, String operator, BigDecimal value) {
    }

    private final AttributeSchema schema;
    private final MembershipWords membership;

    ClauseWords(AttributeSchema schema, CodeNames names) {
        this.schema = schema;
        this.membership = new MembershipWords(schema, names);
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
            case "@in" -> membership.in(args.get(0), args.get(1), true);
            case "startsWith" -> membership.startsWith(x, true);
            case "matches" -> membership.matches(x, true);
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
                    return membership.in(args.get(0), args.get(1), false);
                }
                case "startsWith" -> {
                    return membership.startsWith(x, false);
                }
                case "matches" -> {
                    return membership.matches(x, false);
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
            return a.label() + AmountWords.dateCompared(op, "今天");
        }
        if (constant.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return fail();
        }
        CelConstant c = constant.constant();
        return switch (a.type()) {
            case INT, DOUBLE -> a.label() + AmountWords.compared(op, a, number(constant).orElseThrow(Unsayable::new));
            case DATE -> a.label() + AmountWords.dateCompared(op, AmountWords.date(text(c)));
            case STRING -> switch (op) {
                case "_==_" -> a.label() + "为" + membership.named(a, text(c));
                case "_!=_" -> a.label() + "不为" + membership.named(a, text(c));
                default -> fail();
            };
            case BOOL -> c.getKind() == CelConstant.Kind.BOOLEAN_VALUE && (op.equals("_==_") || op.equals("_!=_"))
                    ? truth(a, c.booleanValue() == op.equals("_==_")) : fail();
            default -> fail();
        };
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

    static String text(CelConstant c) {
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

    /** Typed as a String so a switch arm can give up on a shape it does not cover. */
    private static String fail() {
        throw new Unsayable();
    }
}

