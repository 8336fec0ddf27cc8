package io.zhida.engine.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * The item side of the index, for "one enterprise changed → its items". Every top-level AND clause
 * over one attribute is inverted: for each value an enterprise can have, the set of items that
 * clause rules out. An enterprise ORs the sets for its values, and only the items left over are
 * evaluated — mostly the ones it is eligible for, so the work follows the size of the answer.
 */
final class ItemFilter {

    private final RoaringBitmap allItems = new RoaringBitmap();
    /** Items made only of clauses this filter knows exactly: their outcome follows from the bitmaps alone. */
    private final RoaringBitmap pure = new RoaringBitmap();
    /** For each item, the top-level AND clauses the bitmaps do not know; evaluated one by one. */
    private final Map<Integer, List<PlanNode>> rest = new HashMap<>();
    private final Map<Column, RankExclusions> byRank = new HashMap<>();
    private final Map<Column, List<Threshold>> thresholdLists = new HashMap<>();
    private Map<Column, ThresholdExclusions> byThreshold = Map.of();

    private record Threshold(Comparison comparison, int item) {
    }

    /** Items ruled out by the enterprise's rank of one attribute. */
    private static final class RankExclusions {
        final RoaringBitmap[] ruledOutAt;
        final RoaringBitmap[] unknownAt;
        final RoaringBitmap ruledOutWhenMissing = new RoaringBitmap();
        final RoaringBitmap unknownWhenMissing = new RoaringBitmap();
        final RoaringBitmap itemsOnColumn = new RoaringBitmap();

        RankExclusions(int ranks) {
            ruledOutAt = new RoaringBitmap[ranks];
            unknownAt = new RoaringBitmap[ranks];
        }
    }

    /** The filter's answer: items decided from the bitmaps, and items to evaluate clause by clause. */
    record Candidates(RoaringBitmap eligible, RoaringBitmap undetermined, RoaringBitmap partly, RoaringBitmap unknown,
                      RoaringBitmap wholly) {
    }

    /**
     * Items ruled out by a value's position among the distinct thresholds c0 < c1 < …: zone 2i is
     * strictly between c(i-1) and c(i), zone 2i+1 is equal to c(i).
     */
    private record ThresholdExclusions(Object[] cuts, RoaringBitmap[] ruledOutInZone, RoaringBitmap itemsOnColumn) {
    }

    void add(int item, PlanNode plan) {
        allItems.add(item);
        List<PlanNode> conjuncts = plan instanceof Logic.And and ? and.children : List.of(plan);
        List<PlanNode> unknownClauses = new ArrayList<>();
        for (PlanNode c : conjuncts) {
            Tabulated t = tabulate(c);
            if (t != null) {
                addTabulated(item, t);
            } else if (c instanceof RangeLeaf leaf && !leaf.comparison.usesToday()) {
                thresholdLists.computeIfAbsent(leaf.column, k -> new ArrayList<>()).add(new Threshold(leaf.comparison, item));
            } else {
                unknownClauses.add(c);
            }
        }
        if (unknownClauses.isEmpty()) {
            pure.add(item);
        } else {
            rest.put(item, List.copyOf(unknownClauses));
        }
    }

    /** A clause over one column with its truth for every rank and for a missing value. */
    private record Tabulated(Column column, byte[] byRank, byte whenMissing) {
    }

    /**
     * The truth table of a clause over a single small-dictionary column: a dictionary leaf, or
     * !, && and || of such leaves on the same column (e.g. "A" in e.qualifications || "B" in e.qualifications).
     */
    private static Tabulated tabulate(PlanNode node) {
        if (node instanceof RankLeaf leaf) {
            return leaf.tabulated() && !leaf.predicate.usesToday()
                    ? new Tabulated(leaf.column, leaf.truthByRank(""), leaf.whenMissing("")) : null;
        }
        if (node instanceof Logic.Not not) {
            Tabulated t = tabulate(not.child);
            if (t == null) {
                return null;
            }
            byte[] negated = new byte[t.byRank().length];
            for (int r = 0; r < negated.length; r++) {
                negated[r] = Truth.not(t.byRank()[r]);
            }
            return new Tabulated(t.column(), negated, Truth.not(t.whenMissing()));
        }
        boolean and = node instanceof Logic.And;
        List<PlanNode> children = and ? ((Logic.And) node).children : node instanceof Logic.Or or ? or.children : null;
        if (children == null) {
            return null;
        }
        Tabulated combined = null;
        for (PlanNode child : children) {
            Tabulated t = tabulate(child);
            if (t == null || (combined != null && t.column() != combined.column())) {
                return null;
            }
            combined = combined == null ? t : combine(combined, t, and);
        }
        return combined;
    }

    private static Tabulated combine(Tabulated a, Tabulated b, boolean and) {
        byte[] out = new byte[a.byRank().length];
        for (int r = 0; r < out.length; r++) {
            out[r] = kleene(a.byRank()[r], b.byRank()[r], and);
        }
        return new Tabulated(a.column(), out, kleene(a.whenMissing(), b.whenMissing(), and));
    }

    private static byte kleene(byte x, byte y, boolean and) {
        byte decisive = and ? Truth.FALSE : Truth.TRUE;
        if (x == decisive || y == decisive) {
            return decisive;
        }
        return x == Truth.UNKNOWN || y == Truth.UNKNOWN ? Truth.UNKNOWN : Truth.not(decisive);
    }

    private void addTabulated(int item, Tabulated t) {
        RankExclusions e = byRank.computeIfAbsent(t.column(), c -> new RankExclusions(c.size()));
        for (int r = 0; r < t.byRank().length; r++) {
            byte truth = t.byRank()[r];
            if (truth != Truth.TRUE) {
                RoaringBitmap[] target = truth == Truth.FALSE ? e.ruledOutAt : e.unknownAt;
                if (target[r] == null) {
                    target[r] = new RoaringBitmap();
                }
                target[r].add(item);
            }
        }
        if (t.whenMissing() != Truth.TRUE) {
            (t.whenMissing() == Truth.FALSE ? e.ruledOutWhenMissing : e.unknownWhenMissing).add(item);
        }
        e.itemsOnColumn.add(item);
    }

    /** Builds the threshold zones once all items are added. */
    void seal() {
        Map<Column, ThresholdExclusions> sealed = new HashMap<>();
        thresholdLists.forEach((column, thresholds) -> {
            Object[] cuts = thresholds.stream().map(t -> t.comparison.constant("")).distinct()
                    .sorted(ItemFilter::compare).toArray();
            cuts = dedupeEqual(cuts);
            RoaringBitmap[] zones = new RoaringBitmap[2 * cuts.length + 1];
            for (int z = 0; z < zones.length; z++) {
                zones[z] = new RoaringBitmap();
            }
            for (Threshold t : thresholds) {
                int position = Arrays.binarySearch(cuts, t.comparison.constant(""), ItemFilter::compare);
                for (int z = 0; z < zones.length; z++) {
                    // the sign of (a value in zone z) - (this threshold), from positions alone
                    int cmp = Integer.compare(z, 2 * position + 1);
                    boolean holds = switch (t.comparison.op) {
                        case LT -> cmp < 0;
                        case LE -> cmp <= 0;
                        case GT -> cmp > 0;
                        case GE -> cmp >= 0;
                        case EQ -> cmp == 0;
                        case NE -> cmp != 0;
                    };
                    if (!holds) {
                        zones[z].add(t.item);
                    }
                }
            }
            for (RoaringBitmap z : zones) {
                z.runOptimize();
            }
            RoaringBitmap on = new RoaringBitmap();
            thresholds.forEach(t -> on.add(t.item));
            sealed.put(column, new ThresholdExclusions(cuts, zones, on));
        });
        byThreshold = sealed;
    }

    /**
     * What the enterprise's values decide: items a clause rules out are dropped; items made only of
     * known clauses are eligible, or undetermined where a clause is unknown; the rest are evaluated.
     */
    Candidates candidates(Row row) {
        Exclusions x = exclusions(row);
        RoaringBitmap ruledOut = FastAggregation.or(x.ruledOutBy().iterator());
        RoaringBitmap unknown = FastAggregation.or(x.unknownBy().iterator());
        RoaringBitmap remaining = RoaringBitmap.andNot(allItems, ruledOut);
        RoaringBitmap wholly = RoaringBitmap.and(x.wholly(), remaining);
        RoaringBitmap partly = RoaringBitmap.andNot(RoaringBitmap.andNot(remaining, pure), wholly);
        RoaringBitmap decided = RoaringBitmap.andNot(RoaringBitmap.and(remaining, pure), wholly);
        RoaringBitmap undetermined = RoaringBitmap.and(decided, unknown);
        return new Candidates(RoaringBitmap.andNot(decided, undetermined), undetermined, partly, unknown, wholly);
    }

    /**
     * For near misses: the items one attribute's clauses rule out and no other attribute's ({@code once}),
     * the items with clauses the bitmaps do not know that no attribute rules out ({@code unruled}), and
     * those to evaluate whole ({@code wholly}: an unseen value). Items ruled out twice are in none.
     */
    record Misses(RoaringBitmap once, RoaringBitmap unruled, RoaringBitmap wholly, RoaringBitmap pure) {
    }

    Misses misses(Row row) {
        Exclusions x = exclusions(row);
        RoaringBitmap once = new RoaringBitmap();
        RoaringBitmap twice = new RoaringBitmap();
        for (RoaringBitmap b : x.ruledOutBy()) { // counting to two, a column at a time
            twice.or(RoaringBitmap.and(once, b));
            once.or(b);
        }
        RoaringBitmap unruled = RoaringBitmap.andNot(RoaringBitmap.andNot(allItems, once), pure);
        once.andNot(twice);
        once.andNot(x.wholly());
        unruled.andNot(x.wholly());
        return new Misses(once, unruled, x.wholly(), pure);
    }

    /** Per column: the items the enterprise's value rules out, and those it leaves unknown. */
    private record Exclusions(List<RoaringBitmap> ruledOutBy, List<RoaringBitmap> unknownBy, RoaringBitmap wholly) {
    }

    private Exclusions exclusions(Row row) {
        List<RoaringBitmap> ruledOutBy = new ArrayList<>();
        List<RoaringBitmap> unknownBy = new ArrayList<>();
        RoaringBitmap wholly = new RoaringBitmap();
        byRank.forEach((column, e) -> {
            int rank = row.rank(column);
            if (rank >= 0) {
                addIfPresent(ruledOutBy, e.ruledOutAt[rank]);
                addIfPresent(unknownBy, e.unknownAt[rank]);
            } else if (rank == Column.MISSING) {
                ruledOutBy.add(e.ruledOutWhenMissing);
                unknownBy.add(e.unknownWhenMissing);
            } else { // a value the dictionary has never seen: its items are evaluated clause by clause
                wholly.or(e.itemsOnColumn);
            }
        });
        byThreshold.forEach((column, e) -> {
            Object value = row.value(column);
            if (value != null) {
                int found = Arrays.binarySearch(e.cuts(), value, ItemFilter::compare);
                ruledOutBy.add(e.ruledOutInZone()[found >= 0 ? 2 * found + 1 : 2 * (-found - 1)]);
            } else { // a missing value makes thresholds unknown, never false
                unknownBy.add(e.itemsOnColumn());
            }
        });
        return new Exclusions(ruledOutBy, unknownBy, wholly);
    }

    /** The item's clauses the bitmaps do not know. */
    List<PlanNode> rest(int item) {
        return rest.get(item);
    }

    private static void addIfPresent(List<RoaringBitmap> list, RoaringBitmap bitmap) {
        if (bitmap != null) {
            list.add(bitmap);
        }
    }

    /** Numbers by value (an int 5 and a double 5.0 are one cut), strings by code point. */
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Column.compareNumbers(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return Column.CODE_POINT_ORDER.compare(x, y);
        }
        return Boolean.compare((Boolean) a, (Boolean) b);
    }

    private static Object[] dedupeEqual(Object[] sorted) {
        List<Object> out = new ArrayList<>();
        for (Object o : sorted) {
            if (out.isEmpty() || compare(out.get(out.size() - 1), o) != 0) {
                out.add(o);
            }
        }
        return out.toArray();
    }
}
