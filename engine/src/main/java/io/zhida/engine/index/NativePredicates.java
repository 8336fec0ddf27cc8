package io.zhida.engine.index;

import dev.cel.common.ast.CelExpr;
import io.zhida.engine.rule.AttributeType;
import java.util.ArrayList;
import java.util.List;

/**
 * The common one-attribute clause shapes, evaluated in Java rather than by CEL (same results, no
 * interpreter): {@code e.x in [..]}, {@code "v" in e.list}, {@code e.x.startsWith("p")},
 * {@code has(e.x)} and a bare boolean {@code e.x}. Anything else returns null and CEL does it.
 */
final class NativePredicates {

    private NativePredicates() {
    }

    static KeyPredicate of(CelExpr x, Column column) {
        if (x.getKind() == CelExpr.ExprKind.Kind.SELECT && x.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT) {
            if (x.select().testOnly()) {
                return constant((v, t) -> Truth.of(v != null));
            }
            if (column.attribute.type() == AttributeType.BOOL) {
                return constant((v, t) -> v == null ? Truth.UNKNOWN : Truth.of((Boolean) v));
            }
            return null;
        }
        if (x.getKind() != CelExpr.ExprKind.Kind.CALL) {
            return null;
        }
        var call = x.call();
        if (call.function().equals("startsWith") && call.target().isPresent() && PlanCompiler.isAttribute(call.target().get())
                && call.args().size() == 1 && column.isText() && literal(call.args().get(0)) instanceof String prefix) {
            return constant((v, t) -> v == null ? Truth.UNKNOWN : Truth.of(((String) v).startsWith(prefix)));
        }
        if (call.function().equals("@in") && call.args().size() == 2) {
            CelExpr left = call.args().get(0);
            CelExpr right = call.args().get(1);
            if (PlanCompiler.isAttribute(right) && column.attribute.type() == AttributeType.STRING_LIST
                    && literal(left) instanceof String member) {
                return constant((v, t) -> v == null ? Truth.UNKNOWN : Truth.of(((List<?>) v).contains(member)));
            }
            if (PlanCompiler.isAttribute(left) && right.getKind() == CelExpr.ExprKind.Kind.LIST
                    && column.attribute.type() != AttributeType.STRING_LIST) {
                List<Comparison> equals = new ArrayList<>();
                for (CelExpr element : right.list().elements()) {
                    Object c = literal(element);
                    if (c == null || !sameType(column, c)) {
                        return null;
                    }
                    equals.add(new Comparison(Comparison.Op.EQ, c));
                }
                return constant((v, t) -> {
                    if (v == null) {
                        return Truth.UNKNOWN;
                    }
                    for (Comparison eq : equals) {
                        if (eq.test(v, t) == Truth.TRUE) {
                            return Truth.TRUE;
                        }
                    }
                    return Truth.FALSE;
                });
            }
        }
        return null;
    }

    /** A literal int, double, string or bool; null for anything else. */
    static Object literal(CelExpr x) {
        return x.getKind() == CelExpr.ExprKind.Kind.CONSTANT ? PlanCompiler.constantValue(x.constant()) : null;
    }

    static boolean sameKind(Column column, Object constant) {
        return switch (column.attribute.type()) {
            case INT, DOUBLE -> constant instanceof Long || constant instanceof Double;
            case STRING, DATE -> constant instanceof String;
            case BOOL -> constant instanceof Boolean;
            case STRING_LIST -> false;
        };
    }

    /** For equality CEL only promises cross-type numeric results where comparisons are enabled; stay exact. */
    static boolean sameType(Column column, Object constant) {
        return switch (column.attribute.type()) {
            case INT -> constant instanceof Long;
            case DOUBLE -> constant instanceof Double;
            default -> sameKind(column, constant);
        };
    }

    private interface Test {
        byte test(Object value, String today);
    }

    private static KeyPredicate constant(Test test) {
        return new KeyPredicate() {
            @Override
            public byte test(Object value, String today) {
                return test.test(value, today);
            }

            @Override
            public boolean usesToday() {
                return false;
            }
        };
    }
}
