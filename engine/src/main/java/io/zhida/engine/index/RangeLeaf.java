package io.zhida.engine.index;

import org.roaringbitmap.RoaringBitmap;

/** A threshold on one attribute: a binary search in the sorted dictionary, then one range-bitmap query. */
final class RangeLeaf extends PlanNode {

    final Column column;
    final Comparison comparison;

    RangeLeaf(Column column, Comparison comparison) {
        this.column = column;
        this.comparison = comparison;
    }

    @Override
    byte test(Row row) {
        return comparison.test(row.value(column), row.today);
    }

    @Override
    Selection select(SelectContext ctx, RoaringBitmap domain) {
        int[] range = comparison.rankRange(column, ctx.today);
        RoaringBitmap rows = column.rowsInRanks(range[0], range[1], domain);
        if (comparison.op == Comparison.Op.NE) {
            rows = RoaringBitmap.andNot(RoaringBitmap.andNot(domain, column.missing), rows);
        }
        return new Selection(rows, column.missing.isEmpty() ? new RoaringBitmap() : RoaringBitmap.and(column.missing, domain));
    }

    @Override
    long reach(EnterpriseTable table) {
        if (comparison.usesToday()) {
            return table.size();
        }
        int[] range = comparison.rankRange(column, "");
        long n = column.rowsInRankRange(range[0], range[1]);
        return (comparison.op == Comparison.Op.NE ? table.size() - column.missing.getLongCardinality() - n : n)
                + column.missing.getLongCardinality();
    }

    @Override
    int cost() {
        return 1;
    }
}
