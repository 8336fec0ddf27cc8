package io.zhida.matching.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The stable numbering of enterprises the stored bitmaps are written in (match_subject), held in memory
 * with each enterprise's county for county filters. Ordinals are given once and never reused, so a stored
 * bitmap means the same enterprises on every node and after every rebuild.
 */
@Component
public class Subjects {

    private final MatchSetRows rows;
    private final Map<String, Integer> ordinals = new ConcurrentHashMap<>();
    private volatile String[] usccs = new String[0];
    private volatile String[] regions = new String[0];

    Subjects(MatchSetRows rows) {
        this.rows = rows;
    }

    /** Numbers the enterprises that have none yet (cluster-safe) and reads all numbers. */
    public synchronized void load(Collection<String> present) {
        rows.number(present);
        ordinals.clear();
        int[] max = {0};
        Map<Integer, String> byOrdinal = new java.util.HashMap<>();
        rows.subjects((o, u) -> {
            ordinals.put(u, o);
            byOrdinal.put(o, u);
            max[0] = Math.max(max[0], o);
        });
        String[] u = new String[max[0] + 1];
        byOrdinal.forEach((o, s) -> u[o] = s);
        String[] r = Arrays.copyOf(regions, u.length);
        usccs = u;
        regions = r;
    }

    /** Numbers and learns enterprises that appeared since (new ones from a profile change, here or on another node). */
    public synchronized void learn(Collection<String> usccs) {
        java.util.List<String> unknown = usccs.stream().filter(u -> !ordinals.containsKey(u)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        rows.number(unknown);
        Map<String, Integer> found = rows.ordinalsOf(unknown);
        int max = found.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        String[] u = this.usccs.length > max ? this.usccs : Arrays.copyOf(this.usccs, max + 1);
        String[] r = this.regions.length > max ? this.regions : Arrays.copyOf(this.regions, max + 1);
        found.forEach((s, o) -> {
            ordinals.put(s, o);
            u[o] = s;
        });
        this.usccs = u;
        this.regions = r;
    }

    public Optional<Integer> ordinal(String uscc) {
        return Optional.ofNullable(ordinals.get(uscc));
    }

    public int ordinalOrMinus1(String uscc) {
        Integer o = ordinals.get(uscc);
        return o == null ? -1 : o;
    }

    public String uscc(int ordinal) {
        String[] u = usccs;
        return ordinal < u.length ? u[ordinal] : null;
    }

    public String region(int ordinal) {
        String[] r = regions;
        return ordinal < r.length ? r[ordinal] : null;
    }

    public void region(int ordinal, String region) {
        String[] r = regions;
        if (ordinal < r.length) {
            r[ordinal] = region;
        }
    }

    public int size() {
        return ordinals.size();
    }
}
