package io.zhida.bench;

import io.zhida.engine.index.ItemMatch;
import io.zhida.engine.index.MatchIndex;
import io.zhida.engine.rule.Condition;
import io.zhida.engine.rule.Outcome;
import io.zhida.engine.rule.RuleCompiler;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The plain way: every pair evaluated by CEL. Sampled, because everything against everything would take hours. */
final class CelPerPair {

    private final MatchIndex index;
    private final List<BenchItem> items;
    private final List<Condition> conditions;

    CelPerPair(RuleCompiler rules, MatchIndex index, List<BenchItem> items) {
        this.index = index;
        this.items = items;
        this.conditions = items.stream().map(i -> rules.condition(i.cel())).toList();
    }

    Map<String, Object> run(LocalDate today, int cores) {
        Random random = new Random(3);
        int n = index.table().size();
        Latencies single = new Latencies();
        for (int s = 0; s < 25; s++) {
            Map<String, Object> values = index.table().row(random.nextInt(n));
            long t0 = System.nanoTime();
            int eligible = 0;
            for (Condition c : conditions) {
                eligible += c.outcome(values, today) == Outcome.ELIGIBLE ? 1 : 0;
            }
            if (s >= 5) {
                single.add(System.nanoTime() - t0);
            }
            Blackhole.consume(eligible);
        }
        Latencies perItem = new Latencies();
        long pairs = 0;
        for (int s = 0; s < 3; s++) {
            Condition c = conditions.get(random.nextInt(conditions.size()));
            long t0 = System.nanoTime();
            int eligible = 0;
            for (int o = 0; o < n; o++) {
                eligible += c.outcome(index.table().row(o), today) == Outcome.ELIGIBLE ? 1 : 0;
            }
            perItem.add(System.nanoTime() - t0);
            pairs += n;
            Blackhole.consume(eligible);
        }
        double perPairNanos = perItem.mean() / n;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("single_enterprise_us", single.summary(1e3));
        m.put("single_item_ms", perItem.summary(1e6));
        m.put("full_recompute_s", Latencies.round(perPairNanos * n * items.size() / cores / 1e9));
        m.put("full_recompute_extrapolated", true);
        m.put("per_pair_ns", Latencies.round(perPairNanos));
        m.put("note", "single_item over " + perItem.count() + " items × all enterprises (includes building each row map); "
                + "full_recompute = per-pair time × all pairs / " + cores + " cores, extrapolated, not run");
        return m;
    }

    /** Pairs sampled from the full recompute's results, checked against CEL. */
    Map<String, Object> agreement(Map<String, ItemMatch> results, LocalDate today, int itemSample, int enterpriseSample) {
        Random random = new Random(11);
        int n = index.table().size();
        long checked = 0;
        long mismatches = 0;
        for (int i = 0; i < itemSample; i++) {
            int item = random.nextInt(items.size());
            ItemMatch m = results.get(items.get(item).code());
            for (int s = 0; s < enterpriseSample; s++) {
                int o = random.nextInt(n);
                Outcome expected = conditions.get(item).outcome(index.table().row(o), today);
                Outcome actual = m.eligible().contains(o) ? Outcome.ELIGIBLE
                        : m.undetermined().contains(o) ? Outcome.UNDETERMINED : Outcome.INELIGIBLE;
                checked++;
                mismatches += expected == actual ? 0 : 1;
            }
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("pairs_checked", checked);
        a.put("mismatches", mismatches);
        return a;
    }
}
