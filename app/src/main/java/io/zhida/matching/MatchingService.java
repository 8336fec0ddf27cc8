package io.zhida.matching;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.catalog.PolicyItemAbolished;
import io.zhida.catalog.PolicyItemPublished;
import io.zhida.engine.index.ItemMatch;
import io.zhida.engine.index.MatchIndex;
import io.zhida.engine.rule.Outcome;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.enterprise.EnterprisesChanged;
import io.zhida.matching.internal.ChangedOutcomes;
import io.zhida.matching.internal.LocalIndex;
import io.zhida.matching.internal.MatchSetRows;
import io.zhida.matching.internal.StoredMatches;
import io.zhida.matching.internal.Subjects;
import io.zhida.platform.Nodes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 政策找企业 for the cluster. Each node holds the matching index (to evaluate) and a copy of the stored
 * results (to answer); the results in PostgreSQL — one bitmap per item and outcome, plus per-enterprise
 * deltas — are the one truth. A change is matched and stored once, on the node where it happened
 * (publishing an item, a profile change, a bulk import), and announced there as {@link MatchesFound};
 * every other node follows through the cluster feed (see {@link MatchingFollower}). Full matches — the
 * first start, after bulk changes, nightly, on demand — run once for the cluster under a database lock.
 */
@Service
public class MatchingService {

    private static final Logger log = LoggerFactory.getLogger(MatchingService.class);

    /** What the last full match took, for the status API and the benchmark. */
    public record FullMatch(long millis, int items, int enterprises) {
    }

    public record Status(boolean ready, Instant lastFullMatchAt, int items, int enterprises, long indexBytes, long storedBytes,
                         long cachedBytes) {
    }

    private final EnterpriseProfiles profiles;
    private final PolicyCatalog catalog;
    private final LocalIndex local;
    private final MatchSetRows rows;
    private final io.zhida.matching.internal.Announcer announcer;
    private final StoredMatches stored;
    private final Subjects subjects;
    private final Nodes nodes;
    private final io.zhida.platform.ClusterFeed feed;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final boolean startInBackground;
    private final MatchAnswers answers;
    private final ChangedOutcomes changedOutcomes;
    private volatile boolean ready;
    private final Clock clock;

    MatchingService(EnterpriseProfiles profiles, PolicyCatalog catalog, LocalIndex local, MatchSetRows rows,
                    io.zhida.matching.internal.Announcer announcer, StoredMatches stored,
                    Subjects subjects, Nodes nodes, io.zhida.platform.ClusterFeed feed, ApplicationEventPublisher events, TransactionTemplate transaction,
                    MatchAnswers answers, ChangedOutcomes changedOutcomes, @Value("${zhida.matching.start-in-background:true}") boolean startInBackground, Clock clock) {
        this.clock = clock;
        this.answers = answers;
        this.changedOutcomes = changedOutcomes;
        this.profiles = profiles;
        this.catalog = catalog;
        this.local = local;
        this.rows = rows;
        this.announcer = announcer;
        this.stored = stored;
        this.subjects = subjects;
        this.nodes = nodes;
        this.feed = feed;
        this.events = events;
        this.transaction = transaction;
        this.startInBackground = startInBackground;
    }

    /** In the background by default, so the platform answers at once; pages say when matching is not ready yet. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void onStart() {
        if (startInBackground) {
            Thread starter = new Thread(this::start, "matching-startup");
            starter.setDaemon(true);
            starter.start();
        } else {
            start();
        }
    }

    private synchronized void start() {
        local.rebuild();
        stored.load(rows.allSets(), rows.allDeltas());
        if (rows.lastFullMatch().isEmpty()) {
            fullMatch("STARTUP", false, local.builtAt());
        }
        ready = true;
    }

    /** The live index, for read-only questions such as the sandbox's; empty while the first build runs. */
    public Optional<MatchIndex> currentIndex() {
        return local.index();
    }

    /** False until this node has its index and the cluster's stored results. */
    public boolean ready() {
        return ready && stored.loaded();
    }

    /** Every night, once for the cluster: items that started or ended, conditions on today's date, all folded in. */
    @Scheduled(cron = "${zhida.matching.nightly-cron:0 30 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "matching.nightly", lockAtMostFor = "PT2H")
    public void nightly() {
        if (ready) {
            rematch("NIGHTLY");
        }
    }

    /** A full match now (nightly, on demand): from the live index, rebuilt only when it has drifted far from its columns. */
    public synchronized FullMatch rematch(String kind) {
        return rematch(kind, local.worthRebuilding());
    }

    /**
     * A full match now. With {@code rebuild} (after bulk changes, which the index did not follow one by one) this
     * node's index is read again from the records; otherwise the live index is used — it follows every change
     * made on any node, and every change committed before the match began is applied first — with today's items.
     * At a province's size reading the records again takes a minute of the two.
     */
    public synchronized FullMatch rematch(String kind, boolean rebuild) {
        if (rebuild) {
            local.rebuild();
            return fullMatch(kind, true, local.builtAt());
        }
        Instant readAt = clock.instant();
        feed.catchUp();
        local.syncItems(catalog.onlineItems());
        return fullMatch(kind, true, readAt);
    }

    /**
     * Every online item against every enterprise, stored as the cluster's results in one transaction; the
     * pairs that became eligible are announced. At start-up a node skips it when another did it meanwhile.
     * {@code readAt}: what the index holds was read then; stored deltas older than that are folded into the new sets.
     */
    private FullMatch fullMatch(String kind, boolean always, Instant readAt) {
        long t0 = System.nanoTime();
        MatchIndex index = local.index().orElseThrow();
        List<PolicyItem> online = catalog.onlineItems();
        Map<String, ItemMatch> all = index.matchAll(LocalDate.now(clock));
        Instant now = clock.instant();
        List<MatchSetRows.ItemSets> sets = new ArrayList<>(online.size());
        for (PolicyItem item : online) {
            ItemMatch m = all.get(item.code());
            if (m != null) {
                sets.add(new MatchSetRows.ItemSets(item.code(), item.version(), now, local.stable(m.eligible()), local.stable(m.undetermined())));
            }
        }
        boolean done = Boolean.TRUE.equals(transaction.execute(status -> {
            rows.lockFullMatch();
            if (!always && rows.lastFullMatch().isPresent()) {
                return false; // another node finished the start-up match while this one was matching
            }
            long run = rows.startRun(kind, nodes.current());
            Map<String, RoaringBitmap> candidates = new java.util.HashMap<>();
            for (MatchSetRows.ItemSets s : sets) {
                candidates.put(s.itemCode(), s.eligible());
            }
            rows.replaceAll(sets, readAt);
            rows.finishRun(run, sets.size(), index.table().size(), (System.nanoTime() - t0) / 1_000_000);
            announcer.announce(candidates);
            events.publishEvent(new MatchSetsStored(List.of(), true, now));
            return true;
        }));
        stored.load(rows.allSets(), rows.allDeltas());
        if (done) {
            events.publishEvent(new MatchingRebuilt(sets.size(), index.table().size()));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        log.info("{} match of {} items against {} enterprises {} in {} ms", kind, sets.size(), index.table().size(),
                done ? "stored" : "left to the node that stored it first", millis);
        return new FullMatch(millis, sets.size(), index.table().size());
    }

    /** (b) An item went online on this node: match it against everyone, store, announce the new matches. */
    @EventListener
    public void on(PolicyItemPublished published) {
        if (!ready) {
            return; // the start-up match includes it
        }
        PolicyItem item = catalog.onlineItem(published.code()).orElse(null);
        if (item == null) {
            return; // published for a validity period that has not started: the nightly match takes it on its first day
        }
        MatchIndex index = local.putItem(item.code(), item.content().matchingCondition());
        ItemMatch m = index.matchItem(item.code(), LocalDate.now(clock));
        MatchSetRows.ItemSets sets = new MatchSetRows.ItemSets(item.code(), item.version(), clock.instant(), local.stable(m.eligible()),
                local.stable(m.undetermined()));
        transaction.executeWithoutResult(status -> { // joins the publication's transaction
            rows.replace(List.of(sets));
            announcer.announce(Map.of(item.code(), sets.eligible()));
        });
        stored.putItems(List.of(sets));
        events.publishEvent(new MatchSetsStored(List.of(item.code()), false, sets.matchedAt()));
    }

    @EventListener
    public void on(PolicyItemAbolished abolished) {
        local.removeItem(abolished.code());
        rows.removeItem(abolished.code());
        stored.removeItem(abolished.code());
    }

    /** (a) Profiles changed on this node: each enterprise against every online item, stored as deltas; or everything after a bulk change. */
    @ApplicationModuleListener
    public synchronized void on(EnterprisesChanged changed) {
        if (!ready) {
            return; // the start-up match reads the changed data anyway
        }
        if (changed.everything()) {
            rematch("BULK", true);
            return;
        }
        Map<String, Integer> versions = new java.util.HashMap<>();
        catalog.onlineItems().forEach(i -> versions.put(i.code(), i.version()));
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        List<EnterpriseProfile> changedProfiles = profiles.findAll(changed.usccs());
        subjects.learn(changedProfiles.stream().map(EnterpriseProfile::uscc).toList());
        ChangedOutcomes.Found found = changedOutcomes.find(changedProfiles, versions, today, now);
        transaction.executeWithoutResult(status -> {
            rows.upsertDeltas(found.deltas());
            announcer.announce(found.candidates());
            events.publishEvent(new MatchDeltasStored(found.ordinals(), changedProfiles.stream().map(EnterpriseProfile::uscc).toList(), now));
        });
        stored.replaceDeltas(found.ordinals(), rows.deltasOf(found.ordinals()));
    }

    // --- answers, from the stored results (see MatchAnswers)

    public List<MatchRow> forEnterprise(String uscc) {
        return answers.forEnterprise(uscc);
    }

    /** A page of the item's enterprises with this outcome, in a county when given, in the order of their numbering. */
    public List<MatchRow> forItem(String itemCode, Outcome outcome, String region, int offset, int limit) {
        return answers.forItem(itemCode, outcome, region, offset, limit);
    }

    /** item code → {eligible, undetermined}, within a county when given. */
    public Map<String, long[]> countsByItem(String region) {
        return answers.countsByItem(region);
    }

    public long countForItem(String itemCode, Outcome outcome, String region) {
        return answers.countForItem(itemCode, outcome, region);
    }

    /** Eligible (uscc, item) pairs of one item or all, in a county when given, at most {@code limit}. */
    public List<Map.Entry<String, String>> eligiblePairs(String itemCode, String region, int limit) {
        return answers.eligiblePairs(itemCode, region, limit);
    }

    /** When the cluster's results were last refreshed as a whole (the nightly match), if ever. */
    public Optional<Instant> lastFullMatch() {
        return rows.lastFullMatch();
    }

    public Status status() {
        return new Status(ready(), rows.lastFullMatch().orElse(null), stored.itemCodes().size(), subjects.size(),
                local.index().map(i -> i.table().bytes()).orElse(0L), rows.storedBytes(), stored.bytes());
    }
}
