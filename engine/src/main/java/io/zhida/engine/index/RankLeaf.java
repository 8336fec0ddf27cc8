package io.zhida.engine.index;

import org.roaringbitmap.RoaringBitmap;

/**
 * A clause over one attribute. For a small dictionary the clause is evaluated once per distinct
 * value, and the enterprises where it holds are the runs of ranks where the truth table is true:
 * a few range-bitmap queries however the clause is written (startsWith, matches, in, arithmetic…).
 * A large dictionary is scanned row by row over the domain instead.
 */
final class RankLeaf extends PlanNode {

    static final int DICTIONARY_LIMIT = 4096;

    final Column column;
    final KeyPredicate predicate;
    private volatile TruthTable cached;

    private record TruthTable(String today, byte[] byRank, byte whenMissing) {
    }

    RankLeaf(Column column, KeyPredicate predicate) {
        this.column = column;
        this.predicate = predicate;
    }

    boolean tabulated() {
        return column.size() <= DICTIONARY_LIMIT;
    }

    private TruthTable table(String today) {
        TruthTable t = cached;
        if (t != null && (!predicate.usesToday() || t.today().equals(today))) {
            return t;
        }
        byte[] byRank = new byte[column.size()];
        for (int r = 0; r < byRank.length; r++) {
            byRank[r] = predicate.test(column.keys[r], today);
        }
        t = new TruthTable(today, byRank, predicate.test(null, today));
        cached = t;
        return t;
    }

    /** The truth for each rank and for a missing value: what the item-side access index registers under. */
    byte[] truthByRank(String today) {
        return table(today).byRank();
    }

    byte whenMissing(String today) {
        return tabulated() ? table(today).whenMissing() : predicate.test(null, today);
    }

    @Override
    byte test(Row row) {
        if (!tabulated()) {
            return predicate.test(row.value(column), row.today);
        }
        int rank = row.rank(column);
        if (rank >= 0) {
            return table(row.today).byRank()[rank];
        }
        return rank == Column.MISSING ? table(row.today).whenMissing() : predicate.test(row.value(column), row.today);
    }

    @Override
    Selection select(SelectContext ctx, RoaringBitmap domain) {
        if (!tabulated()) {
            return scan(domain, ctx.today);
        }
        TruthTable table = table(ctx.today);
        RoaringBitmap whereTrue = rowsWhere(table.byRank(), Truth.TRUE, domain);
        RoaringBitmap whereUnknown = rowsWhere(table.byRank(), Truth.UNKNOWN, domain);
        if (table.whenMissing() != Truth.FALSE && !column.missing.isEmpty()) {
            RoaringBitmap missing = RoaringBitmap.and(column.missing, domain);
            (table.whenMissing() == Truth.TRUE ? whereTrue : whereUnknown).or(missing);
        }
        return new Selection(whereTrue, whereUnknown);
    }

    private RoaringBitmap rowsWhere(byte[] byRank, byte wanted, RoaringBitmap domain) {
        RoaringBitmap rows = new RoaringBitmap();
        int r = 0;
        while (r < byRank.length) {
            if (byRank[r] != wanted) {
                r++;
                continue;
            }
            int start = r;
            while (r < byRank.length && byRank[r] == wanted) {
                r++;
            }
            rows.or(column.rowsInRanks(start, r, domain));
        }
        return rows;
    }

    private Selection scan(RoaringBitmap domain, String today) {
        return Selection.classify(domain, row -> predicate.test(column.value(row), today));
    }

    @Override
    long reach(EnterpriseTable t) {
        if (!tabulated() || predicate.usesToday()) {
            return t.size();
        }
        TruthTable table = table("");
        long n = table.whenMissing() == Truth.FALSE ? 0 : column.missing.getLongCardinality();
        for (int r = 0; r < table.byRank().length; r++) {
            if (table.byRank()[r] != Truth.FALSE) {
                n += column.rankCounts[r];
            }
        }
        return n;
    }

    @Override
    int cost() {
        return tabulated() ? 1 : 3;
    }
}
