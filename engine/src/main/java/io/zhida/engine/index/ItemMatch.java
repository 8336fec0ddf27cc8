package io.zhida.engine.index;

import org.roaringbitmap.RoaringBitmap;

/** One item's result over all enterprises, as ordinals (see {@link MatchIndex#uscc(int)}); the rest are ineligible. */
public record ItemMatch(RoaringBitmap eligible, RoaringBitmap undetermined) {

    public int eligibleCount() {
        return eligible.getCardinality();
    }

    public int undeterminedCount() {
        return undetermined.getCardinality();
    }
}
