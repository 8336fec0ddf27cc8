package io.zhida.engine.index;

import io.zhida.engine.rule.Attribute;
import io.zhida.engine.rule.AttributeType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RangeBitmap;
import org.roaringbitmap.RoaringBitmap;

/**
 * One attribute of every enterprise, dictionary-encoded: the distinct values are sorted (numbers
 * by value, text by code point, as CEL orders them) and each enterprise holds the rank of its value,
 * or -1 when the platform does not hold it. Ranks are range-encoded in a {@link RangeBitmap}, so a
 * threshold, a prefix or any set of values is a few bitmap operations over all enterprises.
 */
final class Column {

    /** CEL compares strings by code point; Java's compareTo by UTF-16 unit. */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    static final int POSTINGS_LIMIT = 512;
    static final int MISSING = -1;
    /** A value not in the dictionary (an enterprise changed after the index was built). */
    static final int UNKNOWN = -2;

    final Attribute attribute;
    final int slot;
    final Object[] keys;
    final double[] numericKeys;
    /** For int attributes, the exact values (doubles stop being exact above 2^53). */
    final long[] longKeys;
    final int[] ranks;
    final int[] rankCounts;
    private final int[] cumulative;
    final RoaringBitmap missing;
    final RangeBitmap range;
    /** For small dictionaries, the rows of each rank: a union of a few of these beats range queries. */
    private final RoaringBitmap[] postings;
    private final Map<Object, Integer> listRanks;

    Column(Attribute attribute, int slot, Object[] keys, int[] ranks) {
        this.attribute = attribute;
        this.slot = slot;
        this.keys = keys;
        this.ranks = ranks;
        this.numericKeys = isNumeric() ? Arrays.stream(keys).mapToDouble(k -> ((Number) k).doubleValue()).toArray() : null;
        this.longKeys = attribute.type() == AttributeType.INT ? Arrays.stream(keys).mapToLong(k -> ((Number) k).longValue()).toArray() : null;
        this.rankCounts = new int[keys.length];
        this.missing = new RoaringBitmap();
        RangeBitmap.Appender appender = RangeBitmap.appender(keys.length);
        for (int row = 0; row < ranks.length; row++) {
            int rank = ranks[row];
            if (rank == MISSING) {
                missing.add(row);
                appender.add(keys.length);
            } else {
                rankCounts[rank]++;
                appender.add(rank);
            }
        }
        missing.runOptimize();
        this.cumulative = new int[keys.length + 1];
        for (int r = 0; r < keys.length; r++) {
            cumulative[r + 1] = cumulative[r] + rankCounts[r];
        }
        this.range = appender.build();
        this.postings = keys.length <= POSTINGS_LIMIT ? postings(keys.length, ranks) : null;
        this.listRanks = attribute.type() == AttributeType.STRING_LIST ? listRanks(keys) : null;
    }

    boolean isNumeric() {
        return attribute.type() == AttributeType.INT || attribute.type() == AttributeType.DOUBLE;
    }

    boolean isText() {
        return attribute.type() == AttributeType.STRING || attribute.type() == AttributeType.DATE;
    }

    int size() {
        return keys.length;
    }

    Object value(int row) {
        int rank = ranks[row];
        return rank < 0 ? null : keys[rank];
    }

    /** The rank of a normalised value, MISSING for null, UNKNOWN when it is not in the dictionary. */
    int rankOf(Object value) {
        if (value == null) {
            return MISSING;
        }
        int found;
        if (listRanks != null) {
            Integer r = listRanks.get(value);
            return r == null ? UNKNOWN : r;
        } else if (numericKeys != null) {
            double v = ((Number) value).doubleValue();
            found = Arrays.binarySearch(numericKeys, v);
            // -0.0 and 0.0 are distinct keys for binarySearch but the same number for CEL's ==
            return found >= 0 && keys[found].equals(value) ? found : UNKNOWN;
        } else if (value instanceof String s) {
            found = Arrays.binarySearch(keys, s, (a, b) -> CODE_POINT_ORDER.compare((String) a, (String) b));
        } else {
            found = Arrays.binarySearch(keys, value);
        }
        return found >= 0 ? found : UNKNOWN;
    }

    /** First rank whose key is ≥ (or &gt; when strict) the constant: keys are sorted, so thresholds are rank ranges. */
    int lowerBound(Object constant, boolean strict) {
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareKey(mid, constant);
            if (c < 0 || (strict && c == 0)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int compareKey(int rank, Object constant) {
        if (numericKeys != null) {
            return compareNumbers(numericKeys[rank], ((Number) constant).doubleValue());
        }
        if (keys[rank] instanceof Boolean b) {
            return Boolean.compare(b, (Boolean) constant);
        }
        return CODE_POINT_ORDER.compare((String) keys[rank], (String) constant);
    }

    /** Primitive comparison, so that -0.0 equals 0.0 as in CEL. */
    static int compareNumbers(double a, double b) {
        return a < b ? -1 : a > b ? 1 : 0;
    }

    /** Rows whose rank lies in [from, to), within the domain. */
    RoaringBitmap rowsInRanks(int from, int to, RoaringBitmap domain) {
        if (from >= to) {
            return new RoaringBitmap();
        }
        if (postings != null && to - from <= 16) {
            RoaringBitmap rows = postings[from].clone();
            for (int r = from + 1; r < to; r++) {
                rows.or(postings[r]);
            }
            rows.and(domain);
            return rows;
        }
        if (to - from == 1) {
            return range.eq(from, domain);
        }
        if (from == 0 && to == keys.length) {
            return RoaringBitmap.andNot(domain, missing);
        }
        return range.between(from, to - 1, domain);
    }

    /** How many enterprises have a rank in [from, to). */
    long rowsInRankRange(int from, int to) {
        return from >= to ? 0 : cumulative[to] - cumulative[from];
    }

    long bytes() {
        long b = 4L * ranks.length + 8L * rankCounts.length + missing.getLongSizeInBytes();
        b += numericKeys == null ? 0 : 8L * numericKeys.length;
        for (Object k : keys) {
            b += 16 + (k instanceof String s ? 40 + 2L * s.length() : k instanceof List<?> l ? 24 + 8L * l.size() : 8);
        }
        if (postings != null) {
            for (RoaringBitmap p : postings) {
                b += p.getLongSizeInBytes();
            }
        }
        return b + estimatedRangeBytes();
    }

    private long estimatedRangeBytes() {
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, keys.length));
        return (long) bits * ranks.length / 8;
    }

    private static RoaringBitmap[] postings(int size, int[] ranks) {
        RoaringBitmap[] postings = new RoaringBitmap[size];
        for (int r = 0; r < size; r++) {
            postings[r] = new RoaringBitmap();
        }
        for (int row = 0; row < ranks.length; row++) {
            if (ranks[row] >= 0) {
                postings[ranks[row]].add(row);
            }
        }
        for (RoaringBitmap p : postings) {
            p.runOptimize();
        }
        return postings;
    }

    private static Map<Object, Integer> listRanks(Object[] keys) {
        Map<Object, Integer> map = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], i);
        }
        return map;
    }
}
