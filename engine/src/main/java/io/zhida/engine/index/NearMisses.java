package io.zhida.engine.index;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * The items one enterprise misses by one step ({@link MatchIndex#nearMisses}), found from the item side of the
 * index like {@link MatchIndex#matchEnterprise}: the filter rules most items out or in by bitmaps, and only the
 * items it leaves open are evaluated, clause by clause, each shared clause once.
 */
final class NearMisses {

    private NearMisses() {
    }

    /** Codes of the items whose conditions the row fails in exactly one place; items are indexed by filter id. */
    static List<String> find(MatchIndex.Item[] items, ItemFilter itemFilter, Row row) {
        ItemFilter.Misses misses = itemFilter.misses(row);
        Map<PlanNode, Byte> evaluated = new IdentityHashMap<>();
        RoaringBitmap near = new RoaringBitmap();
        misses.once().forEach((int id) -> {
            if (misses.pure().contains(id) || failing(itemFilter.rest(id), row, evaluated) == 0) {
                near.add(id);
            }
        });
        misses.unruled().forEach((int id) -> {
            if (failing(itemFilter.rest(id), row, evaluated) == 1) {
                near.add(id);
            }
        });
        misses.wholly().forEach((int id) -> {
            PlanNode plan = items[id].plan();
            if (failing(plan instanceof Logic.And and ? and.children : List.of(plan), row, evaluated) == 1) {
                near.add(id);
            }
        });
        // one choice of alternatives is never one step away
        List<String> codes = new ArrayList<>(near.getCardinality());
        near.forEach((int id) -> {
            if (!(items[id].plan() instanceof Logic.Or)) {
                codes.add(items[id].code());
            }
        });
        return codes;
    }

    /** How many of the clauses the values fail, up to two; shared clauses evaluated once. */
    private static int failing(List<PlanNode> clauses, Row row, Map<PlanNode, Byte> evaluated) {
        int failed = 0;
        for (PlanNode clause : clauses) {
            if (evaluated.computeIfAbsent(clause, n -> n.test(row)) == Truth.FALSE && ++failed == 2) {
                break;
            }
        }
        return failed;
    }
}
