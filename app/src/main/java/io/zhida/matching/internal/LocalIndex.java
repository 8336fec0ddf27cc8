package io.zhida.matching.internal;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.catalog.RuleBook;
import io.zhida.engine.index.EnterpriseTable;
import io.zhida.engine.index.MatchIndex;
import io.zhida.engine.rule.DerivedAttributes;
import io.zhida.engine.rule.EnterpriseValues;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This node's matching index: the enterprises' values in columns and every online item's compiled plan.
 * Built from the records, then kept in step with every change, made here or on another node. Its rows are
 * numbered in load order; {@link #stable} turns its answers into the stable numbering of the stored sets.
 */
@Component
public class LocalIndex {

    private static final Logger log = LoggerFactory.getLogger(LocalIndex.class);

    /** The index and, for each of its base rows, the enterprise's stable ordinal. */
    private record Built(MatchIndex index, int[] stableOf, boolean ordered, Instant builtAt) {
    }

    private final EnterpriseProfiles profiles;
    private final PolicyCatalog catalog;
    private final RuleBook rules;
    private final Subjects subjects;
    private volatile Built built;
    private final Clock clock;
    /** The condition each item of the index was compiled from. */
    private final Map<String, String> conditions = new java.util.concurrent.ConcurrentHashMap<>();

    LocalIndex(EnterpriseProfiles profiles, PolicyCatalog catalog, RuleBook rules, Subjects subjects, Clock clock) {
        this.clock = clock;
        this.profiles = profiles;
        this.catalog = catalog;
        this.rules = rules;
        this.subjects = subjects;
    }

    public Optional<MatchIndex> index() {
        Built b = built;
        return b == null ? Optional.empty() : Optional.of(b.index());
    }

    /** When the records the index was built from were read. */
    public Instant builtAt() {
        return built.builtAt();
    }

    /** Reads every enterprise and online item again (start-up, a new attribute, a bulk change, before a full match). */
    public synchronized void rebuild() {
        long t0 = System.nanoTime();
        Instant readAt = clock.instant();
        EnterpriseTable.Builder builder = EnterpriseTable.builder(rules.compiler().schema());
        List<String> usccs = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        profiles.forEach(p -> {
            builder.add(p.uscc(), values(p.attributes()));
            usccs.add(p.uscc());
            regions.add(p.region());
        });
        subjects.load(usccs);
        int[] stableOf = new int[usccs.size()];
        boolean ordered = true;
        for (int i = 0; i < stableOf.length; i++) {
            stableOf[i] = subjects.ordinalOrMinus1(usccs.get(i));
            subjects.region(stableOf[i], regions.get(i));
            ordered &= i == 0 || stableOf[i] > stableOf[i - 1];
        }
        MatchIndex fresh = new MatchIndex(rules.compiler(), builder.build());
        Map<String, String> conditions = new LinkedHashMap<>();
        for (PolicyItem item : catalog.onlineItems()) {
            conditions.put(item.code(), item.content().matchingCondition());
        }
        fresh.putItems(conditions);
        this.conditions.clear();
        this.conditions.putAll(conditions);
        built = new Built(fresh, stableOf, ordered, readAt);
        log.info("Matching index of {} enterprises and {} items built in {} ms", usccs.size(), conditions.size(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    public MatchIndex putItem(String code, String condition) {
        MatchIndex index = built.index();
        index.putItem(code, condition);
        conditions.put(code, condition);
        return index;
    }

    public void removeItem(String code) {
        index().ifPresent(i -> i.removeItem(code));
        conditions.remove(code);
    }

    /** The items of the index made those online today: ones whose validity began are added, ended ones removed. */
    public synchronized void syncItems(List<PolicyItem> online) {
        Map<String, String> wanted = new LinkedHashMap<>();
        online.forEach(i -> wanted.put(i.code(), i.content().matchingCondition()));
        new ArrayList<>(conditions.keySet()).stream().filter(code -> !wanted.containsKey(code)).forEach(this::removeItem);
        wanted.forEach((code, condition) -> {
            if (!condition.equals(conditions.get(code))) {
                putItem(code, condition);
            }
        });
    }

    /** Enterprises changed since the build, kept beside its columns; many of them make matching slower. */
    public boolean worthRebuilding() {
        Built b = built;
        return b == null || b.index().overlaySize() > Math.max(1_000, b.index().table().size() / 10);
    }

    /** Takes an enterprise's new values into the index; returns them normalised, as the index holds them. */
    public Map<String, Object> update(EnterpriseProfile profile) {
        Map<String, Object> values = values(profile.attributes());
        index().ifPresent(i -> i.updateEnterprise(profile.uscc(), values));
        subjects.region(subjects.ordinalOrMinus1(profile.uscc()), profile.region());
        return values;
    }

    /** The same enterprises in the stable numbering of the stored sets. */
    public RoaringBitmap stable(RoaringBitmap indexOrdinals) {
        Built b = built;
        int[] stableOf = b.stableOf();
        int base = stableOf.length;
        int[] mapped = new int[indexOrdinals.getCardinality()];
        int n = 0;
        boolean sorted = b.ordered();
        var it = indexOrdinals.getIntIterator();
        while (it.hasNext()) {
            int o = it.next();
            int s = o < base ? stableOf[o] : subjects.ordinalOrMinus1(b.index().uscc(o)); // rows added since the build
            if (s >= 0) {
                sorted &= n == 0 || s > mapped[n - 1];
                mapped[n++] = s;
            }
        }
        if (!sorted) {
            java.util.Arrays.sort(mapped, 0, n);
        }
        RoaringBitmap result = new RoaringBitmap();
        result.addN(mapped, 0, n);
        return result;
    }

    /** An enterprise's values as the index holds them: normalised, with the derived attributes. */
    public Map<String, Object> normalised(Map<String, Object> raw) {
        return values(raw);
    }

    private Map<String, Object> values(Map<String, Object> raw) {
        return DerivedAttributes.enrich(EnterpriseValues.normalize(raw, rules.compiler().schema()));
    }

    /**
     * A new attribute declared on this node: the index gets its column (empty for everyone until data comes),
     * after the declaration is committed, so that items using it can be published and matched here at once
     * (other nodes rebuild through {@code MatchingFollower}). At a province's size this takes as long as a
     * rebuild; publishing waits for it.
     */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    public void on(io.zhida.enterprise.AttributeDeclared declared) {
        if (index().isPresent()) {
            rebuild();
            log.info("Matching index rebuilt for the new attribute {}", declared.name());
        }
    }
}
