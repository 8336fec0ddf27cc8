package io.zhida.engine.index;

import org.roaringbitmap.RoaringBitmap;

/**
 * A node of a condition's plan. Every node answers the same question two ways: for one enterprise
 * ({@link #test}) and for a set of enterprises at once ({@link #select}), both with CEL's own
 * three-valued semantics, so that the index agrees with evaluating CEL pair by pair.
 */
abstract class PlanNode {

    /** True, false or unknown for one enterprise. */
    abstract byte test(Row row);

    /** Where the node is true and where unknown, within the domain (a subset of the table's rows). */
    abstract Selection select(SelectContext ctx, RoaringBitmap domain);

    /** Rows for which the node could be true or unknown, estimated from the dictionaries; lower runs first. */
    abstract long reach(EnterpriseTable table);

    /** Relative cost: bitmap leaves are cheap, CEL per row is dear. */
    abstract int cost();
}
