package io.zhida.matching;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.catalog.PolicyItemAbolished;
import io.zhida.catalog.PolicyItemPublished;
import io.zhida.catalog.RuleBook;
import io.zhida.engine.index.EnterpriseTable;
import io.zhida.engine.index.ItemMatch;
import io.zhida.engine.index.MatchIndex;
import io.zhida.engine.rule.DerivedAttributes;
import io.zhida.engine.rule.EnterpriseValues;
import io.zhida.engine.rule.Outcome;
import io.zhida.enterprise.AttributeDeclared;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.enterprise.EnterprisesChanged;
import java.time.LocalDate;
import io.zhida.matching.internal.MatchResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the matching index and the stored results in step with the catalog: everything at start-up
 * (and after bulk changes), one item when it is published or revised, none when it is abolished.
 * New eligible matches go out as {@link MatchesFound} in the same transaction as the results.
 */
@Service
public class MatchingService {

    private static final Logger log = LoggerFactory.getLogger(MatchingService.class);
    private static final int NOTICES_PER_EVENT = 500;

    private final EnterpriseProfiles profiles;
    private final PolicyCatalog catalog;
    private final RuleBook rules;
    private final MatchResults results;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final boolean startInBackground;
    private volatile MatchIndex index;

    MatchingService(EnterpriseProfiles profiles, PolicyCatalog catalog, RuleBook rules, MatchResults results,
                    ApplicationEventPublisher events, TransactionTemplate transaction,
                    @Value("${zhida.matching.start-in-background:true}") boolean startInBackground) {
        this.startInBackground = startInBackground;
        this.profiles = profiles;
        this.catalog = catalog;
        this.rules = rules;
        this.results = results;
        this.events = events;
        this.transaction = transaction;
    }

    /** In the background by default, so the platform answers at once; pages say when matching is not ready yet. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void onStart() {
        if (startInBackground) {
            Thread starter = new Thread(this::rebuild, "matching-startup");
            starter.setDaemon(true);
            starter.start();
        } else {
            rebuild();
        }
    }

    /** The live index, for read-only questions such as the sandbox's; empty while the first build runs. */
    public java.util.Optional<MatchIndex> currentIndex() {
        return java.util.Optional.ofNullable(index);
    }

    /** False until the first full match after start-up is stored. */
    public boolean ready() {
        return index != null;
    }

    /** (a) Profiles changed: each changed enterprise against every online item, or everything after a bulk change. */
    @ApplicationModuleListener
    public synchronized void on(EnterprisesChanged changed) {
        MatchIndex current = index;
        if (changed.everything() || current == null) {
            if (current != null) {
                rebuild();
            }
            return; // the start-up rebuild reads the changed data anyway
        }
        Map<String, Integer> versions = new java.util.HashMap<>();
        catalog.onlineItems().forEach(i -> versions.put(i.code(), i.version()));
        LocalDate today = PolicyCatalog.today();
        Map<String, List<String>> fresher = new TreeMap<>();
        for (EnterpriseProfile profile : profiles.findAll(changed.usccs())) {
            String uscc = profile.uscc();
            Map<String, Object> values = values(profile.attributes());
            current.updateEnterprise(uscc, values);
            Set<String> before = results.eligibleItems(uscc);
            Map<String, Map.Entry<Integer, Outcome>> now = new LinkedHashMap<>();
            for (MatchIndex.EnterpriseMatch m : current.matchEnterprise(values, today).matches()) {
                Integer version = versions.get(m.item());
                if (version != null) {
                    now.put(m.item(), Map.entry(version, m.outcome()));
                    if (m.outcome() == Outcome.ELIGIBLE && !before.contains(m.item())) {
                        fresher.computeIfAbsent(uscc, u -> new ArrayList<>()).add(m.item());
                    }
                }
            }
            results.replaceForEnterprise(uscc, now);
        }
        announce(fresher);
    }

    /** A new attribute changes the schema the index is built on. */
    @ApplicationModuleListener
    public void on(AttributeDeclared declared) {
        if (index != null) {
            rebuild();
        }
    }

    /** (c) Rebuilds the index from the enterprise base and recomputes every online item. */
    public synchronized void rebuild() {
        long t0 = System.nanoTime();
        EnterpriseTable.Builder builder = EnterpriseTable.builder(rules.compiler().schema());
        profiles.forEach(p -> builder.add(p.uscc(), values(p.attributes())));
        MatchIndex fresh = new MatchIndex(rules.compiler(), builder.build());
        List<PolicyItem> online = catalog.onlineItems();
        Map<String, String> conditions = new LinkedHashMap<>();
        online.forEach(i -> conditions.put(i.code(), i.content().condition()));
        fresh.putItems(conditions);
        Map<String, ItemMatch> all = fresh.matchAll(PolicyCatalog.today());
        transaction.executeWithoutResult(status -> {
            results.removeItemsNotIn(conditions.keySet());
            Map<String, List<String>> fresher = new TreeMap<>();
            for (PolicyItem item : online) {
                store(fresh, item, all.get(item.code()), fresher);
            }
            announce(fresher);
        });
        index = fresh;
        log.info("Matched {} items against {} enterprises in {} ms", online.size(), fresh.table().size(),
                (System.nanoTime() - t0) / 1_000_000);
        events.publishEvent(new MatchingRebuilt(online.size(), fresh.table().size()));
    }

    /** (b) An item went online: match it against everyone, store, announce the new matches. */
    @EventListener
    public void on(PolicyItemPublished published) {
        MatchIndex current = index;
        if (current == null) {
            return; // the start-up rebuild will include it
        }
        PolicyItem item = catalog.onlineItem(published.code()).orElse(null);
        if (item == null) {
            return; // published for a validity period that has not started
        }
        current.putItem(item.code(), item.content().condition());
        Map<String, List<String>> fresher = new TreeMap<>();
        store(current, item, current.matchItem(item.code(), PolicyCatalog.today()), fresher);
        announce(fresher);
    }

    @EventListener
    public void on(PolicyItemAbolished abolished) {
        MatchIndex current = index;
        if (current != null) {
            current.removeItem(abolished.code());
        }
        results.removeItem(abolished.code());
    }

    public List<MatchRow> forEnterprise(String uscc) {
        return results.forEnterprise(uscc);
    }

    public List<MatchRow> forItem(String itemCode, Outcome outcome, String region, int offset, int limit) {
        return results.forItem(itemCode, outcome, region, offset, limit);
    }

    public Map<String, long[]> countsByItem(String region) {
        return results.countsByItem(region);
    }

    public long countForItem(String itemCode, Outcome outcome, String region) {
        return results.countForItem(itemCode, outcome, region);
    }

    private void store(MatchIndex in, PolicyItem item, ItemMatch match, Map<String, List<String>> fresher) {
        Set<String> before = results.eligible(item.code());
        List<MatchResults.Pair> pairs = new ArrayList<>(match.eligibleCount() + match.undeterminedCount());
        match.eligible().forEach((int o) -> {
            String uscc = in.uscc(o);
            pairs.add(new MatchResults.Pair(uscc, Outcome.ELIGIBLE));
            if (!before.contains(uscc)) {
                fresher.computeIfAbsent(uscc, u -> new ArrayList<>()).add(item.code());
            }
        });
        match.undetermined().forEach((int o) -> pairs.add(new MatchResults.Pair(in.uscc(o), Outcome.UNDETERMINED)));
        results.replace(item.code(), item.version(), pairs);
    }

    private void announce(Map<String, List<String>> fresher) {
        List<MatchesFound.Notice> notices = fresher.entrySet().stream()
                .map(e -> new MatchesFound.Notice(e.getKey(), List.copyOf(e.getValue()))).collect(Collectors.toList());
        for (int i = 0; i < notices.size(); i += NOTICES_PER_EVENT) {
            events.publishEvent(new MatchesFound(List.copyOf(notices.subList(i, Math.min(notices.size(), i + NOTICES_PER_EVENT)))));
        }
    }

    private Map<String, Object> values(Map<String, Object> raw) {
        return DerivedAttributes.enrich(EnterpriseValues.normalize(raw, rules.compiler().schema()));
    }
}
