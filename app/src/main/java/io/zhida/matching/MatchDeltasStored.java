package io.zhida.matching;

import io.zhida.platform.ClusterWide;
import java.time.Instant;
import java.util.List;

/** Enterprises (by stable ordinal) whose stored outcomes changed with their profile: every node reloads their deltas. */
public record MatchDeltasStored(List<Integer> ordinals, List<String> usccs, Instant at) implements ClusterWide {
}
