package io.zhida.engine.index;

import org.roaringbitmap.RoaringBitmap;

/** The enterprises of a domain for which a plan node is true, and those for which it is unknown; the rest are false. */
record Selection(RoaringBitmap whereTrue, RoaringBitmap whereUnknown) {

    static Selection empty() {
        return new Selection(new RoaringBitmap(), new RoaringBitmap());
    }
}
