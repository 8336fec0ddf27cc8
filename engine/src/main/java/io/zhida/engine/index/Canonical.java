package io.zhida.engine.index;

import dev.cel.common.ast.CelExpr;

/** A text form of an expression without node ids, so that the same clause in two items is recognised as one. */
final class Canonical {

    private Canonical() {
    }

    static String of(CelExpr x) {
        StringBuilder b = new StringBuilder();
        write(x, b);
        return b.toString();
    }

    private static void write(CelExpr x, StringBuilder b) {
        switch (x.getKind()) {
            case CONSTANT -> b.append('\'').append(x.constant().getKind()).append(':').append(PlanCompiler.constantValue(x.constant()))
                    .append('\'');
            case IDENT -> b.append('#').append(x.ident().name());
            case SELECT -> {
                write(x.select().operand(), b);
                b.append(x.select().testOnly() ? ".?" : ".").append(x.select().field());
            }
            case CALL -> {
                x.call().target().ifPresent(t -> {
                    write(t, b);
                    b.append("->");
                });
                b.append(x.call().function()).append('(');
                x.call().args().forEach(a -> {
                    write(a, b);
                    b.append(',');
                });
                b.append(')');
            }
            case LIST -> {
                b.append('[');
                x.list().elements().forEach(a -> {
                    write(a, b);
                    b.append(',');
                });
                b.append(']');
            }
            case MAP -> {
                b.append('{');
                x.map().entries().forEach(e -> {
                    write(e.key(), b);
                    b.append(':');
                    write(e.value(), b);
                    b.append(',');
                });
                b.append('}');
            }
            case COMPREHENSION -> {
                var c = x.comprehension();
                b.append("loop(").append(c.iterVar()).append(',').append(c.iterVar2()).append(',').append(c.accuVar()).append(',');
                for (CelExpr part : new CelExpr[] {c.iterRange(), c.accuInit(), c.loopCondition(), c.loopStep(), c.result()}) {
                    write(part, b);
                    b.append(',');
                }
                b.append(')');
            }
            default -> b.append("?").append(x.id()); // never shared
        }
    }
}
