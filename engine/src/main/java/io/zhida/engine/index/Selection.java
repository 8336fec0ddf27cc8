package io.zhida.engine.index;

import java.util.function.IntFunction;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/** The enterprises of a domain for which a plan node is true, and those for which it is unknown; the rest are false. */
record Selection(RoaringBitmap whereTrue, RoaringBitmap whereUnknown) {

    /** Evaluates a clause row by row over the domain (in ascending order, so the bitmaps are appended to). */
    static Selection classify(RoaringBitmap domain, RowTruth truth) {
        RoaringBitmapWriter<RoaringBitmap> whereTrue = RoaringBitmapWriter.writer().get();
        RoaringBitmapWriter<RoaringBitmap> whereUnknown = RoaringBitmapWriter.writer().get();
        domain.forEach((int row) -> {
            byte b = truth.of(row);
            if (b == Truth.TRUE) {
                whereTrue.add(row);
            } else if (b == Truth.UNKNOWN) {
                whereUnknown.add(row);
            }
        });
        return new Selection(whereTrue.get(), whereUnknown.get());
    }

    @FunctionalInterface
    interface RowTruth {
        byte of(int row);
    }
}
