package io.zhida.matching.internal;

import io.zhida.engine.rule.Outcome;
import io.zhida.matching.MatchesFound;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * 政策找企业's announcements: of the pairs a match found eligible, the ones never announced before, recorded as
 * announced and published as {@link MatchesFound} events that name compressed chunks of enterprises.
 */
@Component
public class Announcer {

    private static final int NOTICES_PER_EVENT = 500;

    private final StoredMatches stored;
    private final MatchSetRows rows;
    private final Subjects subjects;
    private final MatchNewsRows news;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Announcer(StoredMatches stored, MatchSetRows rows, Subjects subjects, MatchNewsRows news, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.stored = stored;
        this.rows = rows;
        this.subjects = subjects;
        this.news = news;
        this.events = events;
    }

    /**
     * Announces, in the caller's transaction, the pairs of these candidates (item → enterprises eligible now)
     * never announced before: the item's announced set is locked, so a pair matched on two nodes at once, or
     * eligible again after it dropped out, is announced once.
     */
    public void announce(Map<String, RoaringBitmap> candidates) {
        Map<String, RoaringBitmap> worth = new TreeMap<>();
        candidates.forEach((item, members) -> {
            RoaringBitmap fresh = RoaringBitmap.andNot(members, stored.members(item, Outcome.ELIGIBLE));
            if (!fresh.isEmpty()) {
                worth.put(item, fresh); // eligible in this node's copy means announced already
            }
        });
        if (worth.isEmpty()) {
            return;
        }
        Map<String, RoaringBitmap> announced = rows.lockAnnounced(worth.keySet());
        Map<String, RoaringBitmap> grown = new TreeMap<>();
        int last = -1;
        for (Map.Entry<String, RoaringBitmap> e : worth.entrySet()) {
            RoaringBitmap fresh = RoaringBitmap.andNot(e.getValue(), announced.get(e.getKey()));
            if (!fresh.isEmpty()) {
                grown.put(e.getKey(), fresh);
                last = Math.max(last, fresh.last());
            }
        }
        // grouped by enterprise through an array over the numbering: a province's first match is 236 M pairs
        @SuppressWarnings("unchecked")
        List<String>[] byOrdinal = new List[last + 1];
        grown.forEach((item, fresh) -> fresh.forEach((int o) -> {
            if (byOrdinal[o] == null) {
                byOrdinal[o] = new ArrayList<>(4);
            }
            byOrdinal[o].add(item);
        }));
        grown.replaceAll((item, fresh) -> RoaringBitmap.or(announced.get(item), fresh));
        rows.saveAnnounced(grown);
        // by reference, NOTICES_PER_EVENT enterprises a chunk: events stay small and a restart replays ids
        Instant at = clock.instant();
        List<MatchesFound.Notice> chunk = new ArrayList<>(NOTICES_PER_EVENT);
        for (int o = 0; o <= last; o++) {
            String uscc = byOrdinal[o] == null ? null : subjects.uscc(o);
            if (uscc != null) {
                chunk.add(new MatchesFound.Notice(uscc, java.util.Collections.unmodifiableList(byOrdinal[o])));
            }
            byOrdinal[o] = null;
            if (chunk.size() == NOTICES_PER_EVENT || (o == last && !chunk.isEmpty())) {
                int pairs = chunk.stream().mapToInt(n -> n.itemCodes().size()).sum();
                events.publishEvent(new MatchesFound(news.save(chunk), chunk.size(), pairs, at));
                chunk.clear();
            }
        }
    }
}
