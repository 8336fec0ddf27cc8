package io.zhida.matching.internal;

import io.zhida.engine.rule.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Component;

/**
 * This node's copy of the stored results, loaded from PostgreSQL and refreshed whenever any node stores
 * (through the cluster feed): each item's two bitmaps, and the deltas of enterprises whose profile changed
 * since. Answers 我的政策 (one enterprise against every item's bitmaps: microseconds per item), an item's
 * list and the counts, always as the stored results say — the same on every node.
 */
@Component
public class StoredMatches {

    /** One pair as stored: the rule version it was matched under, when, and the outcome. */
    public record Pair(String itemCode, int version, Outcome outcome, Instant at) {
    }

    private final Map<String, MatchSetRows.ItemSets> items = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, MatchSetRows.Delta>> deltasByOrdinal = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, MatchSetRows.Delta>> deltasByItem = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    public boolean loaded() {
        return loaded;
    }

    /** Replaces everything (start-up, after a full match). */
    public synchronized void load(List<MatchSetRows.ItemSets> sets, List<MatchSetRows.Delta> deltas) {
        items.clear();
        sets.forEach(s -> items.put(s.itemCode(), s));
        deltasByOrdinal.clear();
        deltasByItem.clear();
        deltas.forEach(this::putDelta);
        loaded = true;
    }

    /** Replaces some items' sets (a stored item drops its deltas, as in the database). */
    public synchronized void putItems(Collection<MatchSetRows.ItemSets> sets) {
        for (MatchSetRows.ItemSets s : sets) {
            items.put(s.itemCode(), s);
            dropDeltas(s.itemCode());
        }
    }

    public synchronized void removeItem(String itemCode) {
        items.remove(itemCode);
        dropDeltas(itemCode);
    }

    /** Replaces the deltas of these enterprises by what the database holds for them now. */
    public synchronized void replaceDeltas(Collection<Integer> ordinals, List<MatchSetRows.Delta> now) {
        for (int ordinal : ordinals) {
            Map<String, MatchSetRows.Delta> old = deltasByOrdinal.remove(ordinal);
            if (old != null) {
                old.keySet().forEach(item -> {
                    Map<Integer, MatchSetRows.Delta> m = deltasByItem.get(item);
                    if (m != null) {
                        m.remove(ordinal);
                    }
                });
            }
        }
        now.forEach(this::putDelta);
    }

    private void putDelta(MatchSetRows.Delta d) {
        deltasByOrdinal.computeIfAbsent(d.ordinal(), o -> new ConcurrentHashMap<>()).put(d.itemCode(), d);
        deltasByItem.computeIfAbsent(d.itemCode(), i -> new ConcurrentHashMap<>()).put(d.ordinal(), d);
    }

    private void dropDeltas(String itemCode) {
        Map<Integer, MatchSetRows.Delta> m = deltasByItem.remove(itemCode);
        if (m != null) {
            m.keySet().forEach(o -> {
                Map<String, MatchSetRows.Delta> byItem = deltasByOrdinal.get(o);
                if (byItem != null) {
                    byItem.remove(itemCode);
                }
            });
        }
    }

    public Collection<String> itemCodes() {
        return List.copyOf(items.keySet());
    }

    public java.util.Optional<MatchSetRows.ItemSets> item(String itemCode) {
        return java.util.Optional.ofNullable(items.get(itemCode));
    }

    /** The enterprise's pairs: every item whose effective outcome for it is eligible or undetermined. */
    public List<Pair> forEnterprise(int ordinal) {
        List<Pair> pairs = new ArrayList<>();
        Map<String, MatchSetRows.Delta> mine = deltasByOrdinal.getOrDefault(ordinal, Map.of());
        for (MatchSetRows.ItemSets s : items.values()) {
            MatchSetRows.Delta d = mine.get(s.itemCode());
            if (d != null) {
                if (d.outcome() != null) {
                    pairs.add(new Pair(s.itemCode(), d.version(), d.outcome(), d.at()));
                }
            } else if (s.eligible().contains(ordinal)) {
                pairs.add(new Pair(s.itemCode(), s.version(), Outcome.ELIGIBLE, s.matchedAt()));
            } else if (s.undetermined().contains(ordinal)) {
                pairs.add(new Pair(s.itemCode(), s.version(), Outcome.UNDETERMINED, s.matchedAt()));
            }
        }
        return pairs;
    }

    /** The effective outcome of one pair, or null when the enterprise is neither eligible nor undetermined. */
    public Outcome outcome(int ordinal, String itemCode) {
        MatchSetRows.Delta d = deltasByOrdinal.getOrDefault(ordinal, Map.of()).get(itemCode);
        if (d != null) {
            return d.outcome();
        }
        MatchSetRows.ItemSets s = items.get(itemCode);
        return s == null ? null : s.eligible().contains(ordinal) ? Outcome.ELIGIBLE : s.undetermined().contains(ordinal) ? Outcome.UNDETERMINED : null;
    }

    /** The item's enterprises with this outcome, deltas applied, as stable ordinals (a fresh bitmap the caller may keep). */
    public RoaringBitmap members(String itemCode, Outcome outcome) {
        MatchSetRows.ItemSets s = items.get(itemCode);
        if (s == null) {
            return new RoaringBitmap();
        }
        RoaringBitmap base = (outcome == Outcome.ELIGIBLE ? s.eligible() : s.undetermined()).clone();
        deltasByItem.getOrDefault(itemCode, Map.of()).forEach((ordinal, d) -> {
            if (d.outcome() == outcome) {
                base.add(ordinal);
            } else {
                base.remove(ordinal);
            }
        });
        return base;
    }

    /** Counts the members that pass the filter (e.g. in a county). */
    public long count(String itemCode, Outcome outcome, IntPredicate filter) {
        RoaringBitmap members = members(itemCode, outcome);
        if (filter == null) {
            return members.getLongCardinality();
        }
        long[] n = {0};
        members.forEach((int o) -> {
            if (filter.test(o)) {
                n[0]++;
            }
        });
        return n[0];
    }

    /** Bytes the bitmaps take in memory on this node. */
    public long bytes() {
        return items.values().stream().mapToLong(s -> s.eligible().getLongSizeInBytes() + s.undetermined().getLongSizeInBytes()).sum();
    }
}
