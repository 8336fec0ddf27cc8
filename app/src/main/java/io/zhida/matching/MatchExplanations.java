package io.zhida.matching;

import io.zhida.catalog.PolicyCalculator;
import io.zhida.catalog.PolicyItem;
import io.zhida.engine.rule.Calculator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The clause-by-clause explanation and amount of each of an enterprise's matched items (我的政策, the matches
 * API), kept per enterprise while its data, the item's rule version and the day stay the same: an enterprise
 * with hundreds of items opens its page without hundreds of evaluations each time.
 */
@Component
public class MatchExplanations {

    private static final int ENTERPRISES_KEPT = 20_000;

    /** One enterprise's explanations for one state of its data on one day; notMet: per state of the library. */
    private record Entry(int dataHash, LocalDate day, Map<String, Object> prepared, Map<String, Calculator.Result> byItemVersion,
                         Map<Integer, List<NotMet>> notMet) {
    }

    /**
     * An online item the enterprise does not meet; nearMiss when one clause is all that is missing. Why
     * ({@link #result}) is worded when asked: a page shows a few of a province's ten thousand.
     */
    public static final class NotMet {

        private final PolicyItem item;
        private final boolean nearMiss;
        private final java.util.function.Supplier<Calculator.Result> explain;

        NotMet(PolicyItem item, boolean nearMiss, java.util.function.Supplier<Calculator.Result> explain) {
            this.item = item;
            this.nearMiss = nearMiss;
            this.explain = explain;
        }

        public PolicyItem item() {
            return item;
        }

        public boolean nearMiss() {
            return nearMiss;
        }

        public Calculator.Result result() {
            return explain.get();
        }
    }

    private final PolicyCalculator calculator;
    private final Map<String, Entry> cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > ENTERPRISES_KEPT;
        }
    });

    private final io.zhida.matching.internal.LocalIndex local;
    private final Clock clock;

    MatchExplanations(PolicyCalculator calculator, io.zhida.matching.internal.LocalIndex local, Clock clock) {
        this.clock = clock;
        this.calculator = calculator;
        this.local = local;
    }

    public Calculator.Result explain(String uscc, Map<String, Object> data, PolicyItem item) {
        return explain(entry(uscc, data), item);
    }

    private Calculator.Result explain(Entry entry, PolicyItem item) {
        return entry.byItemVersion().computeIfAbsent(item.code() + "@" + item.version(),
                k -> calculator.calculatePrepared(item.code(), entry.prepared(), entry.day()));
    }

    /**
     * The online items, other than {@code matched}, that the enterprise does not meet: near misses first (one
     * condition away, from the item side of the matching index), then the rest, each in code order. Kept per
     * state of its data, the library and the day; empty while this node builds its index.
     */
    public List<NotMet> notMet(String uscc, Map<String, Object> data, List<PolicyItem> online, Set<String> matched) {
        var index = local.index();
        if (index.isEmpty()) {
            return List.of();
        }
        int library = online.stream().mapToInt(i -> i.code().hashCode() * 31 + i.version()).sum() * 31 + matched.hashCode();
        Entry entry = entry(uscc, data);
        return entry.notMet().computeIfAbsent(library, k -> {
            Set<String> oneStep = new java.util.HashSet<>(index.get().nearMisses(local.normalised(data), entry.day()));
            List<NotMet> near = new ArrayList<>();
            List<NotMet> rest = new ArrayList<>();
            for (PolicyItem item : online) {
                if (!matched.contains(item.code())) {
                    boolean isNear = oneStep.contains(item.code());
                    (isNear ? near : rest).add(new NotMet(item, isNear, () -> explain(entry, item)));
                }
            }
            near.addAll(rest);
            return List.copyOf(near);
        });
    }

    private Entry entry(String uscc, Map<String, Object> data) {
        LocalDate today = LocalDate.now(clock);
        int hash = data.hashCode();
        Entry entry = cache.get(uscc);
        if (entry == null || entry.dataHash() != hash || !entry.day().equals(today)) {
            entry = new Entry(hash, today, calculator.prepare(data), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
            cache.put(uscc, entry);
        }
        return entry;
    }
}
