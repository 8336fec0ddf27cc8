package io.zhida.matching;

import io.zhida.engine.rule.Outcome;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.matching.internal.MatchSetRows;
import io.zhida.matching.internal.StoredMatches;
import io.zhida.matching.internal.Subjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Component;

/**
 * The questions asked of the cluster's stored match results — an enterprise's items, an item's enterprises,
 * counts by item and county — answered from this node's copy of them, never by evaluating rules.
 */
@Component
class MatchAnswers {

    private final EnterpriseProfiles profiles;
    private final StoredMatches stored;
    private final Subjects subjects;

    MatchAnswers(EnterpriseProfiles profiles, StoredMatches stored, Subjects subjects) {
        this.profiles = profiles;
        this.stored = stored;
        this.subjects = subjects;
    }

    public List<MatchRow> forEnterprise(String uscc) {
        int ordinal = subjects.ordinalOrMinus1(uscc);
        if (ordinal < 0) {
            return List.of();
        }
        Optional<EnterpriseProfile> profile = profiles.find(uscc);
        String name = profile.map(EnterpriseProfile::name).orElse(uscc);
        String region = profile.map(EnterpriseProfile::region).orElse(null);
        return stored.forEnterprise(ordinal).stream()
                .sorted(java.util.Comparator.comparing((StoredMatches.Pair p) -> p.outcome()).thenComparing(StoredMatches.Pair::itemCode))
                .map(p -> new MatchRow(uscc, name, region, p.itemCode(), p.version(), p.outcome(), p.at())).toList();
    }

    /** A page of the item's enterprises with this outcome, in a county when given, in the order of their numbering. */
    public List<MatchRow> forItem(String itemCode, Outcome outcome, String region, int offset, int limit) {
        RoaringBitmap members = stored.members(itemCode, outcome);
        IntPredicate inRegion = inRegion(region);
        List<Integer> page = new ArrayList<>(Math.min(limit, 1000));
        int[] skipped = {0};
        var it = members.getIntIterator();
        while (it.hasNext() && page.size() < limit) {
            int o = it.next();
            if (inRegion == null || inRegion.test(o)) {
                if (skipped[0] < offset) {
                    skipped[0]++;
                } else {
                    page.add(o);
                }
            }
        }
        Map<String, EnterpriseProfile> byUscc = profiles.findAll(page.stream().map(subjects::uscc).filter(java.util.Objects::nonNull).toList())
                .stream().collect(Collectors.toMap(EnterpriseProfile::uscc, p -> p));
        MatchSetRows.ItemSets sets = stored.item(itemCode).orElse(null);
        List<MatchRow> result = new ArrayList<>(page.size());
        for (int o : page) {
            EnterpriseProfile p = byUscc.get(subjects.uscc(o));
            if (p != null && sets != null) {
                result.add(new MatchRow(p.uscc(), p.name(), p.region(), itemCode, sets.version(), outcome, sets.matchedAt()));
            }
        }
        return result;
    }

    /** item code → {eligible, undetermined}, within a county when given. */
    public Map<String, long[]> countsByItem(String region) {
        IntPredicate inRegion = inRegion(region);
        Map<String, long[]> counts = new java.util.HashMap<>();
        for (String item : stored.itemCodes()) {
            counts.put(item, new long[] {stored.count(item, Outcome.ELIGIBLE, inRegion), stored.count(item, Outcome.UNDETERMINED, inRegion)});
        }
        return counts;
    }

    public long countForItem(String itemCode, Outcome outcome, String region) {
        return stored.count(itemCode, outcome, inRegion(region));
    }

    /** Eligible (uscc, item) pairs of one item or all, in a county when given, at most {@code limit}. */
    public List<Map.Entry<String, String>> eligiblePairs(String itemCode, String region, int limit) {
        IntPredicate inRegion = inRegion(region);
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String item : itemCode == null ? stored.itemCodes() : List.of(itemCode)) {
            var it = stored.members(item, Outcome.ELIGIBLE).getIntIterator();
            while (it.hasNext() && pairs.size() < limit) {
                int o = it.next();
                if (inRegion == null || inRegion.test(o)) {
                    pairs.add(Map.entry(subjects.uscc(o), item));
                }
            }
        }
        return pairs;
    }

    private IntPredicate inRegion(String region) {
        return region == null || region.isBlank() ? null : o -> region.equals(subjects.region(o));
    }
}
