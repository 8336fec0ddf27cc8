package io.zhida.bench;

import io.zhida.engine.index.MatchIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;

/**
 * Drools 9 with the same conditions as rules, one rule per item over {@link Firm} facts. Drools
 * only knows eligible (a null attribute fails the constraint), so it is compared on eligible counts.
 */
final class DroolsPeer {

    private final MatchIndex index;
    private final List<BenchItem> items;

    DroolsPeer(MatchIndex index, List<BenchItem> items) {
        this.index = index;
        this.items = items;
    }

    static String drl(List<BenchItem> items) {
        StringBuilder b = new StringBuilder("package bench;\nimport io.zhida.bench.Firm;\nglobal java.util.concurrent.atomic.AtomicLong hits;\n");
        for (BenchItem item : items) {
            b.append("rule \"").append(item.code()).append("\"\nwhen\n  Firm(").append(item.drl())
                    .append(")\nthen\n  hits.incrementAndGet();\nend\n");
        }
        return b.toString();
    }

    /** The one-rule runs' times, and how many of their eligible counts equal the engine's. */
    private record PerItem(Latencies latencies, int agree, int compared) {
    }

    Map<String, Object> run(Map<String, Integer> engineEligible, int ruleSample, int cores) {
        Random random = new Random(5); // one seeded sequence for both: the same enterprises and items every run
        List<BenchItem> sample = new ArrayList<>(items.subList(0, Math.min(ruleSample, items.size())));
        long t0 = System.nanoTime();
        KieBase many = new KieHelper().addContent(drl(sample), ResourceType.DRL).build();
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        Latencies single = singleEnterprise(many, sample.size(), random);
        PerItem perItem = singleItem(engineEligible, random);

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("single_enterprise_us", single.summary(1e3));
        m.put("single_item_ms", perItem.latencies().summary(1e6));
        m.put("full_recompute_s", Latencies.round(perItem.latencies().mean() * items.size() / cores / 1e9));
        m.put("full_recompute_extrapolated", true);
        m.put("rules_compiled", sample.size());
        m.put("rule_base_build_s", Latencies.round(buildSeconds));
        m.put("eligible_counts_equal_engine", perItem.agree() + "/" + perItem.compared());
        m.put("note", "single_enterprise: a fresh session with " + sample.size() + " rules, one fact inserted and fired, "
                + "scaled linearly to " + items.size() + " rules; single_item: one rule, all enterprises inserted and fired; "
                + "full_recompute extrapolated from single_item over " + cores + " cores");
        return m;
    }

    /** A fresh session with the sampled rules per enterprise, one fact inserted and fired; scaled linearly to all items. */
    private Latencies singleEnterprise(KieBase many, int rules, Random random) {
        int n = index.table().size();
        Latencies single = new Latencies();
        for (int s = 0; s < 220; s++) {
            Firm firm = new Firm(0, index.table().row(random.nextInt(n)));
            long start = System.nanoTime();
            KieSession session = many.newKieSession();
            AtomicLong hits = new AtomicLong();
            session.setGlobal("hits", hits);
            session.insert(firm);
            session.fireAllRules();
            session.dispose();
            if (s >= 20) {
                single.add((long) ((System.nanoTime() - start) * (items.size() / (double) rules)));
            }
        }
        return single;
    }

    /** One rule at a time, all enterprises inserted and fired; its hits are compared with the engine's eligible count. */
    private PerItem singleItem(Map<String, Integer> engineEligible, Random random) {
        int n = index.table().size();
        List<Firm> firms = new ArrayList<>(n);
        for (int o = 0; o < n; o++) {
            firms.add(new Firm(o, index.table().row(o)));
        }
        Latencies perItem = new Latencies();
        int agree = 0;
        int compared = 0;
        for (int s = 0; s < 4; s++) {
            BenchItem item = items.get(random.nextInt(items.size()));
            KieBase one = new KieHelper().addContent(drl(List.of(item)), ResourceType.DRL).build();
            long start = System.nanoTime();
            KieSession session = one.newKieSession();
            AtomicLong hits = new AtomicLong();
            session.setGlobal("hits", hits);
            for (Firm f : firms) {
                session.insert(f);
            }
            session.fireAllRules();
            session.dispose();
            if (s > 0) { // the first run warms the JIT
                perItem.add(System.nanoTime() - start);
            }
            compared++;
            agree += hits.get() == engineEligible.get(item.code()) ? 1 : 0;
        }
        return new PerItem(perItem, agree, compared);
    }
}
