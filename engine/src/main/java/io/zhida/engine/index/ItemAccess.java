package io.zhida.engine.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The item side of the index, for "one enterprise changed → its items": each item is filed under
 * the most selective clause it cannot do without (a top-level AND clause over one attribute), so
 * that an enterprise only evaluates the items whose filing clause it could satisfy — or cannot
 * decide, because it lacks the attribute. Items with no such clause are always evaluated.
 */
final class ItemAccess {

    /** Filing under a clause that most enterprises pass saves nothing. */
    private static final double USELESS_REACH = 0.5;

    private record Threshold(Comparison comparison, int item) {
    }

    private final EnterpriseTable table;
    private final List<Integer> always = new ArrayList<>();
    private final Map<Column, List<Integer>[]> byRank = new HashMap<>();
    private final Map<Column, List<Integer>> whenMissing = new HashMap<>();
    private final Map<Column, List<Integer>> allOnColumn = new HashMap<>();
    private final Map<Column, List<Threshold>> thresholds = new HashMap<>();
    private final Map<Column, List<Integer>> thresholdWhenMissing = new HashMap<>();

    ItemAccess(EnterpriseTable table) {
        this.table = table;
    }

    void file(int item, PlanNode plan) {
        List<PlanNode> conjuncts = plan instanceof Logic.And and ? and.children : List.of(plan);
        PlanNode best = null;
        long bestReach = Long.MAX_VALUE;
        for (PlanNode c : conjuncts) {
            boolean usable = c instanceof RangeLeaf r ? !r.comparison.usesToday() && r.comparison.op != Comparison.Op.NE
                    : c instanceof RankLeaf k && k.tabulated() && !k.predicate.usesToday();
            long reach = usable ? c.reach(table) : Long.MAX_VALUE;
            if (reach < bestReach) {
                best = c;
                bestReach = reach;
            }
        }
        if (best == null || bestReach > USELESS_REACH * table.size()) {
            always.add(item);
        } else if (best instanceof RangeLeaf r) {
            fileUnderThreshold(item, r);
        } else {
            fileUnderRanks(item, (RankLeaf) best);
        }
    }

    @SuppressWarnings("unchecked")
    private void fileUnderRanks(int item, RankLeaf leaf) {
        Column column = leaf.column;
        List<Integer>[] lists = byRank.computeIfAbsent(column, c -> new List[c.size()]);
        byte[] truth = leaf.truthByRank("");
        for (int r = 0; r < truth.length; r++) {
            if (truth[r] != Truth.FALSE) {
                if (lists[r] == null) {
                    lists[r] = new ArrayList<>(2);
                }
                lists[r].add(item);
            }
        }
        if (leaf.whenMissing("") != Truth.FALSE) {
            whenMissing.computeIfAbsent(column, c -> new ArrayList<>()).add(item);
        }
        allOnColumn.computeIfAbsent(column, c -> new ArrayList<>()).add(item);
    }

    private void fileUnderThreshold(int item, RangeLeaf leaf) {
        thresholds.computeIfAbsent(leaf.column, c -> new ArrayList<>()).add(new Threshold(leaf.comparison, item));
        thresholdWhenMissing.computeIfAbsent(leaf.column, c -> new ArrayList<>()).add(item);
    }

    /** Calls back each item the enterprise must evaluate; each at most once. */
    void candidates(Row row, IntConsumer item) {
        always.forEach(item::accept);
        byRank.forEach((column, lists) -> {
            int rank = row.rank(column);
            if (rank >= 0) {
                if (lists[rank] != null) {
                    lists[rank].forEach(item::accept);
                }
            } else if (rank == Column.MISSING) {
                whenMissing.getOrDefault(column, List.of()).forEach(item::accept);
            } else {
                allOnColumn.get(column).forEach(item::accept);
            }
        });
        thresholds.forEach((column, list) -> {
            Object value = row.value(column);
            if (value == null) {
                thresholdWhenMissing.get(column).forEach(item::accept);
                return;
            }
            for (Threshold t : list) {
                if (t.comparison.test(value, row.today) == Truth.TRUE) {
                    item.accept(t.item);
                }
            }
        });
    }
}
