package io.zhida.matching;

import java.util.List;

/** New eligible matches, grouped per enterprise; published in the transaction that stored them (at tells batches apart). */
public record MatchesFound(List<Notice> notices, java.time.Instant at) {

    public MatchesFound(List<Notice> notices) {
        this(notices, java.time.Instant.now());
    }

    public record Notice(String uscc, List<String> itemCodes) {
    }
}
