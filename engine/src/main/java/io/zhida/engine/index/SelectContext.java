package io.zhida.engine.index;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * What a selection runs against: the table, the date, all base rows, and — during a full
 * recompute — a cache of cheap leaves evaluated over all rows, since thousands of items share
 * the same clauses ("规上企业" in e.qualifications, e.industry.startsWith("C"), …).
 */
final class SelectContext {

    final EnterpriseTable table;
    final String today;
    final RoaringBitmap all;
    private final Map<PlanNode, Selection> cache;

    SelectContext(EnterpriseTable table, String today, RoaringBitmap all, boolean shareLeaves) {
        this.table = table;
        this.today = today;
        this.all = all;
        this.cache = shareLeaves ? new ConcurrentHashMap<>() : null;
    }

    boolean sharesLeaves() {
        return cache != null;
    }

    /** The leaf over all rows, computed once per context. Callers must not modify the result. */
    Selection overAll(PlanNode leaf) {
        return cache.computeIfAbsent(leaf, l -> l.select(new SelectContext(table, today, all, false), all));
    }
}
