package io.zhida.cockpit.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cockpit's measures, defined once: each is a column of the daily and monthly cells and of the slices (V10, V11),
 * and the SQL that lists or sums them, and the Java that reads them, follow from this list.
 */
public enum Measure {
    MATCHED, READ, SUBMITTED, APPROVED, DECLINED, DECIDED_DAYS, GRANTED, GRANTED_AMOUNT(true), NO_APP_GRANTED, NO_APP_AMOUNT(true),
    PAID, PAID_ON_TIME, PAID_AMOUNT(true), RATINGS, SATISFIED;

    private final boolean money;

    Measure() {
        this(false);
    }

    Measure(boolean money) {
        this.money = money;
    }

    /** The column's name in the cells and slices. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** "matched, read, …": every measure's column, in this order. */
    public static String columns() {
        return Arrays.stream(values()).map(Measure::column).collect(Collectors.joining(", "));
    }

    /** "sum(matched) AS matched, …". */
    public static String sums() {
        return Arrays.stream(values()).map(m -> "sum(" + m.column() + ") AS " + m.column()).collect(Collectors.joining(", "));
    }

    /** "coalesce(sum(matched), 0) AS matched, …": totals that are zero, not null, over no cells. */
    public static String totals() {
        return Arrays.stream(values()).map(m -> "coalesce(sum(" + m.column() + "), 0) AS " + m.column()).collect(Collectors.joining(", "));
    }

    /** One row's figures, read by the measures' names: counts as longs, money as exact decimals. */
    public record Figures(Map<Measure, Long> counts, Map<Measure, BigDecimal> amounts) {

        public static Figures read(ResultSet rs) throws SQLException {
            Map<Measure, Long> counts = new EnumMap<>(Measure.class);
            Map<Measure, BigDecimal> amounts = new EnumMap<>(Measure.class);
            for (Measure m : values()) {
                if (m.money) {
                    BigDecimal v = rs.getBigDecimal(m.column());
                    amounts.put(m, v == null ? BigDecimal.ZERO : v);
                } else {
                    counts.put(m, rs.getLong(m.column()));
                }
            }
            return new Figures(counts, amounts);
        }

        public long count(Measure m) {
            return counts.getOrDefault(m, 0L);
        }

        public BigDecimal amount(Measure m) {
            return amounts.getOrDefault(m, BigDecimal.ZERO);
        }
    }
}
