package io.zhida.matching;

import io.zhida.engine.rule.Outcome;
import java.time.Instant;

/** One stored match: an enterprise, an item, the version of its rule, and the outcome. */
public record MatchRow(String uscc, String enterpriseName, String region, String itemCode, int itemVersion, Outcome outcome,
                       Instant matchedAt) {
}
