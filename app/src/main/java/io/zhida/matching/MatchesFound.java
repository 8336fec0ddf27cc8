package io.zhida.matching;

import java.util.List;

/** New eligible matches, grouped per enterprise; published in the transaction that stored them. */
public record MatchesFound(List<Notice> notices) {

    public record Notice(String uscc, List<String> itemCodes) {
    }
}
