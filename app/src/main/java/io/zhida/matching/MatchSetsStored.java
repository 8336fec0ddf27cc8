package io.zhida.matching;

import io.zhida.platform.ClusterWide;
import java.time.Instant;
import java.util.List;

/** Items whose stored sets were replaced (all of them after a full match): every node reloads them. */
public record MatchSetsStored(List<String> items, boolean all, Instant at) implements ClusterWide {
}
