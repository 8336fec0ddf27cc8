package io.zhida.matching.internal;

import io.zhida.engine.index.MatchIndex;
import io.zhida.engine.rule.Outcome;
import io.zhida.enterprise.EnterpriseProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Component;

/**
 * What changed profiles change in the results: each enterprise is put into this node's index and matched
 * against every online item, and every outcome that differs from the stored one becomes a delta. The pairs
 * that became eligible are the candidates to announce.
 */
@Component
public class ChangedOutcomes {

    /** The deltas to store, the enterprises' ordinals, and item → ordinals newly eligible. */
    public record Found(List<MatchSetRows.Delta> deltas, List<Integer> ordinals, Map<String, RoaringBitmap> candidates) {
    }

    private final LocalIndex local;
    private final StoredMatches stored;
    private final Subjects subjects;

    ChangedOutcomes(LocalIndex local, StoredMatches stored, Subjects subjects) {
        this.local = local;
        this.stored = stored;
        this.subjects = subjects;
    }

    /** @param versions the online items' codes and versions */
    public Found find(List<EnterpriseProfile> changedProfiles, Map<String, Integer> versions, LocalDate today, Instant now) {
        List<MatchSetRows.Delta> deltas = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        Map<String, RoaringBitmap> candidates = new java.util.HashMap<>();
        for (EnterpriseProfile profile : changedProfiles) {
            int ordinal = subjects.ordinalOrMinus1(profile.uscc());
            Map<String, Object> values = local.update(profile);
            Map<String, Outcome> now1 = new LinkedHashMap<>();
            for (MatchIndex.EnterpriseMatch m : local.index().orElseThrow().matchEnterprise(values, today).matches()) {
                if (versions.containsKey(m.item())) {
                    now1.put(m.item(), m.outcome());
                }
            }
            Set<String> items = new HashSet<>(stored.itemCodes());
            items.addAll(now1.keySet());
            for (String item : items) {
                Outcome before = stored.outcome(ordinal, item);
                Outcome after = now1.get(item);
                if (before != after && versions.containsKey(item)) {
                    deltas.add(new MatchSetRows.Delta(ordinal, item, versions.get(item), after, now));
                    if (after == Outcome.ELIGIBLE) {
                        candidates.computeIfAbsent(item, i -> new RoaringBitmap()).add(ordinal);
                    }
                }
            }
            ordinals.add(ordinal);
        }
        return new Found(deltas, ordinals, candidates);
    }
}
