package io.zhida.notify;

import io.zhida.matching.MatchesFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * Matches announced to enterprises for the first time (each (enterprise, item) once ever), in the transaction
 * that recorded them. Matching's news travel by reference: {@code news} names the chunk, and {@code unclaimed}
 * lists its pairs that were not announced here (a 政策包 of the day had them); otherwise {@code announcements}
 * lists the pairs. Read them with {@link #pairs(LongFunction)} given {@code MatchNews::of}.
 */
public record PoliciesAnnounced(List<Announcement> announcements, long news, List<Announcement> unclaimed, Instant at) {

    public record Announcement(String uscc, List<String> itemCodes) {
    }

    static PoliciesAnnounced ofNews(long news, List<Announcement> unclaimed, Instant at) {
        return new PoliciesAnnounced(List.of(), news, unclaimed, at);
    }

    /** The announced pairs, by enterprise. */
    public List<Announcement> pairs(LongFunction<List<MatchesFound.Notice>> matchNews) {
        if (news <= 0) {
            return announcements;
        }
        Map<String, Set<String>> left = unclaimed.stream().collect(Collectors.toMap(Announcement::uscc, a -> new HashSet<>(a.itemCodes())));
        List<Announcement> pairs = new ArrayList<>();
        for (MatchesFound.Notice n : matchNews.apply(news)) {
            Set<String> not = left.getOrDefault(n.uscc(), Set.of());
            List<String> items = not.isEmpty() ? n.itemCodes() : n.itemCodes().stream().filter(c -> !not.contains(c)).toList();
            if (!items.isEmpty()) {
                pairs.add(new Announcement(n.uscc(), items));
            }
        }
        return pairs;
    }
}
