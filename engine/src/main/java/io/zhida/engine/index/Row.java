package io.zhida.engine.index;

import java.util.Arrays;
import java.util.Map;

/** One enterprise's values for evaluating plans row by row; ranks are looked up once and only when needed. */
final class Row {

    private static final int NOT_LOOKED_UP = -3;
    private static final Object ABSENT = new Object();

    final Map<String, Object> values;
    final String today;
    private final int[] ranks;
    private final Object[] cached;

    Row(EnterpriseTable table, Map<String, Object> values, String today) {
        this.values = values;
        this.today = today;
        this.ranks = new int[table.schema().all().size()];
        Arrays.fill(ranks, NOT_LOOKED_UP);
        this.cached = new Object[ranks.length];
    }

    Object value(Column column) {
        Object v = cached[column.slot];
        if (v == null) {
            v = values.getOrDefault(column.attribute.name(), ABSENT);
            cached[column.slot] = v;
        }
        return v == ABSENT ? null : v;
    }

    int rank(Column column) {
        int r = ranks[column.slot];
        if (r == NOT_LOOKED_UP) {
            r = column.rankOf(value(column));
            ranks[column.slot] = r;
        }
        return r;
    }
}
