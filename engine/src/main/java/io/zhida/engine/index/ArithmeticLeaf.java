package io.zhida.engine.index;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * A comparison of arithmetic over several numeric attributes, e.g.
 * {@code e.layoffs * 100 <= e.insured_employees * 5}: evaluated in Java over the remaining
 * enterprises, with CEL's rules — int arithmetic that overflows or divides by zero is an error
 * (unknown), as is a missing attribute; double arithmetic follows IEEE 754.
 */
final class ArithmeticLeaf extends PlanNode {

    /** A CEL error while evaluating: the clause is unknown for this enterprise. */
    private static final class Undefined extends RuntimeException {
        Undefined() {
            super(null, null, false, false);
        }
    }

    private static final Undefined UNDEFINED = new Undefined();

    /** A number from one enterprise: row mode reads the values map, table mode the column arrays (row is the ordinal). */
    private interface Term {
        boolean isInt();

        long asLong(Function<Column, Object> values);

        double asDouble(Function<Column, Object> values);

        long asLong(int row);

        double asDouble(int row);
    }

    private final Comparison.Op op;
    private final Term left;
    private final Term right;
    private final List<Column> reads;

    private ArithmeticLeaf(Comparison.Op op, Term left, Term right, List<Column> reads) {
        this.op = op;
        this.left = left;
        this.right = right;
        this.reads = reads;
    }

    /** The leaf, or null when the expression is not a comparison of int/double arithmetic over attributes and literals. */
    static ArithmeticLeaf of(CelExpr x, CelAbstractSyntaxTree ast, EnterpriseTable table) {
        if (x.getKind() != CelExpr.ExprKind.Kind.CALL || x.call().target().isPresent() || x.call().args().size() != 2) {
            return null;
        }
        Comparison.Op op = Comparison.Op.of(x.call().function());
        if (op == null) {
            return null;
        }
        List<Column> reads = new ArrayList<>();
        Term left = term(x.call().args().get(0), ast, table, reads);
        Term right = term(x.call().args().get(1), ast, table, reads);
        if (left == null || right == null || ((op == Comparison.Op.EQ || op == Comparison.Op.NE) && left.isInt() != right.isInt())) {
            return null;
        }
        return new ArithmeticLeaf(op, left, right, List.copyOf(reads));
    }

    private static Term term(CelExpr x, CelAbstractSyntaxTree ast, EnterpriseTable table, List<Column> reads) {
        CelKind kind = ast.getType(x.id()).map(t -> t.kind()).orElse(CelKind.DYN);
        if (kind != CelKind.INT && kind != CelKind.DOUBLE) {
            return null;
        }
        boolean isInt = kind == CelKind.INT;
        if (PlanCompiler.isAttribute(x)) {
            Column column = table.column(x.select().field());
            if (column == null || !column.isNumeric()) {
                return null;
            }
            reads.add(column);
            return attribute(column, isInt);
        }
        Object literal = NativePredicates.literal(x);
        if (literal instanceof Long || literal instanceof Double) {
            return constant((Number) literal, isInt);
        }
        if (x.getKind() != CelExpr.ExprKind.Kind.CALL || x.call().target().isPresent()) {
            return null;
        }
        String f = x.call().function();
        if (f.equals("-_") && x.call().args().size() == 1) {
            Term inner = term(x.call().args().get(0), ast, table, reads);
            return inner == null ? null : binary("_-_", constant(0L, isInt), inner, isInt);
        }
        if (x.call().args().size() != 2 || !List.of("_+_", "_-_", "_*_", "_/_").contains(f)) {
            return null;
        }
        Term a = term(x.call().args().get(0), ast, table, reads);
        Term b = term(x.call().args().get(1), ast, table, reads);
        return a == null || b == null || a.isInt() != isInt || b.isInt() != isInt ? null : binary(f, a, b, isInt);
    }

    private static Term attribute(Column column, boolean isInt) {
        return new Term() {
            public boolean isInt() {
                return isInt;
            }

            public long asLong(Function<Column, Object> values) {
                Object v = values.apply(column);
                if (v == null) {
                    throw UNDEFINED;
                }
                return ((Number) v).longValue();
            }

            public double asDouble(Function<Column, Object> values) {
                Object v = values.apply(column);
                if (v == null) {
                    throw UNDEFINED;
                }
                return ((Number) v).doubleValue();
            }

            public long asLong(int row) {
                int rank = column.ranks[row];
                if (rank < 0) {
                    throw UNDEFINED;
                }
                return column.longKeys != null ? column.longKeys[rank] : (long) column.numericKeys[rank];
            }

            public double asDouble(int row) {
                int rank = column.ranks[row];
                if (rank < 0) {
                    throw UNDEFINED;
                }
                return column.numericKeys[rank];
            }
        };
    }

    private static Term constant(Number n, boolean isInt) {
        long l = n.longValue();
        double d = n.doubleValue();
        return new Term() {
            public boolean isInt() {
                return isInt;
            }

            public long asLong(Function<Column, Object> values) {
                return l;
            }

            public double asDouble(Function<Column, Object> values) {
                return d;
            }

            public long asLong(int row) {
                return l;
            }

            public double asDouble(int row) {
                return d;
            }
        };
    }

    private static Term binary(String f, Term a, Term b, boolean isInt) {
        return new Term() {
            public boolean isInt() {
                return isInt;
            }

            public long asLong(Function<Column, Object> values) {
                return longOp(f, a.asLong(values), b.asLong(values));
            }

            public double asDouble(Function<Column, Object> values) {
                return isInt ? asLong(values) : doubleOp(f, a.asDouble(values), b.asDouble(values));
            }

            public long asLong(int row) {
                return longOp(f, a.asLong(row), b.asLong(row));
            }

            public double asDouble(int row) {
                return isInt ? asLong(row) : doubleOp(f, a.asDouble(row), b.asDouble(row));
            }
        };
    }

    /** CEL int arithmetic: overflow and division by zero are errors. */
    private static long longOp(String f, long x, long y) {
        try {
            return switch (f) {
                case "_+_" -> Math.addExact(x, y);
                case "_-_" -> Math.subtractExact(x, y);
                case "_*_" -> Math.multiplyExact(x, y);
                default -> {
                    if (y == 0 || (x == Long.MIN_VALUE && y == -1)) {
                        throw UNDEFINED;
                    }
                    yield x / y;
                }
            };
        } catch (ArithmeticException overflow) {
            throw UNDEFINED;
        }
    }

    private static double doubleOp(String f, double x, double y) {
        return switch (f) {
            case "_+_" -> x + y;
            case "_-_" -> x - y;
            case "_*_" -> x * y;
            default -> x / y;
        };
    }

    private byte evaluate(Function<Column, Object> values) {
        try {
            if (left.isInt() && right.isInt()) {
                return holds(Long.compare(left.asLong(values), right.asLong(values)));
            }
            return compareDoubles(left.asDouble(values), right.asDouble(values));
        } catch (Undefined e) {
            return Truth.UNKNOWN;
        }
    }

    private byte evaluate(int row) {
        try {
            if (left.isInt() && right.isInt()) {
                return holds(Long.compare(left.asLong(row), right.asLong(row)));
            }
            return compareDoubles(left.asDouble(row), right.asDouble(row));
        } catch (Undefined e) {
            return Truth.UNKNOWN;
        }
    }

    private byte compareDoubles(double l, double r) {
        if (Double.isNaN(l) || Double.isNaN(r)) {
            return Truth.of(op == Comparison.Op.NE);
        }
        return holds(Column.compareNumbers(l, r));
    }

    private byte holds(int cmp) {
        return Truth.of(switch (op) {
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
            });
    }

    @Override
    byte test(Row row) {
        return evaluate(row::value);
    }

    @Override
    Selection select(SelectContext ctx, RoaringBitmap domain) {
        return Selection.classify(domain, this::evaluate);
    }

    @Override
    long reach(EnterpriseTable table) {
        return table.size();
    }

    @Override
    int cost() {
        return 2;
    }
}
