package io.zhida.matching;

import java.time.Instant;
import java.util.List;

/**
 * New eligible matches, announced by reference: {@code news} names a chunk of (enterprise → new items) kept by
 * matching, read with {@link MatchNews#of}. Published in the transaction that stored them; the event stays a
 * few bytes however many pairs the chunk holds (a province's first match: 236 M).
 */
public record MatchesFound(long news, int enterprises, int pairs, Instant at) {

    public record Notice(String uscc, List<String> itemCodes) {
    }
}
