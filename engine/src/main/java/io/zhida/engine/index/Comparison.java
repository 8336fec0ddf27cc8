package io.zhida.engine.index;

/**
 * {@code e.x <op> constant}, where the constant is a literal or {@code today}: CEL's comparison of a
 * number with a number (int and double compare by value) or a string with a string (by code point).
 */
final class Comparison implements KeyPredicate {

    enum Op {
        LT, LE, GT, GE, EQ, NE;

        static Op of(String celFunction) {
            return switch (celFunction) {
                case "_<_" -> LT;
                case "_<=_" -> LE;
                case "_>_" -> GT;
                case "_>=_" -> GE;
                case "_==_" -> EQ;
                case "_!=_" -> NE;
                default -> null;
            };
        }

        /** a op b  ⇔  b flipped(op) a */
        Op flipped() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }
    }

    final Op op;
    private final Object constant;
    private final boolean today;

    /** @param constant a Number, String or Boolean; null means {@code today} */
    Comparison(Op op, Object constant) {
        this.op = op;
        this.constant = constant;
        this.today = constant == null;
    }

    Object constant(String todayValue) {
        return today ? todayValue : constant;
    }

    @Override
    public byte test(Object value, String todayValue) {
        if (value == null) {
            return Truth.UNKNOWN;
        }
        Object c = constant(todayValue);
        int cmp;
        if (value instanceof Number n) {
            cmp = Column.compareNumbers(n.doubleValue(), ((Number) c).doubleValue());
        } else if (value instanceof String s) {
            cmp = Column.CODE_POINT_ORDER.compare(s, (String) c);
        } else {
            cmp = Boolean.compare((Boolean) value, (Boolean) c);
        }
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
    public boolean usesToday() {
        return today;
    }

    /** The ranks [from, to) where the comparison holds; for NE, the ranks where it fails. */
    int[] rankRange(Column column, String todayValue) {
        Object c = constant(todayValue);
        int n = column.size();
        return switch (op) {
            case GE -> new int[] {column.lowerBound(c, false), n};
            case GT -> new int[] {column.lowerBound(c, true), n};
            case LE -> new int[] {0, column.lowerBound(c, true)};
            case LT -> new int[] {0, column.lowerBound(c, false)};
            case EQ, NE -> new int[] {column.lowerBound(c, false), column.lowerBound(c, true)};
        };
    }
}
