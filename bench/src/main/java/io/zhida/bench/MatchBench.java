package io.zhida.bench;

import io.zhida.datagen.EnterpriseGenerator;
import io.zhida.datagen.EnterpriseRecord;
import io.zhida.engine.index.EnterpriseTable;
import io.zhida.engine.index.ItemMatch;
import io.zhida.engine.index.MatchIndex;
import io.zhida.engine.rule.AttributeSchema;
import io.zhida.engine.rule.DerivedAttributes;
import io.zhida.engine.rule.EnterpriseValues;
import io.zhida.engine.rule.RuleCompiler;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The matching bench: the engine's three ways in, its memory and its agreement with CEL, and the
 * peers (CEL pair by pair, Drools, PostgreSQL) on the same generated enterprises and items in the
 * same run. Writes match-bench.json and prints a table. See README "Benchmarks".
 */
public final class MatchBench {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    /** The full recompute's results (for the agreement check and the peers) and how long the warm run took. */
    private record FullRecompute(Map<String, ItemMatch> all, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int enterprises = Integer.parseInt(options.getOrDefault("enterprises", "1000000"));
        int itemCount = Integer.parseInt(options.getOrDefault("items", "10000"));
        Path out = Path.of(options.getOrDefault("out", "bench/target/match-bench.json"));
        boolean peers = !"false".equals(options.get("peers"));
        int cores = Runtime.getRuntime().availableProcessors();

        RuleCompiler rules = new RuleCompiler(AttributeSchema.standard());
        log("generating %,d enterprises and %,d items on %d cores", enterprises, itemCount, cores);
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        EnterpriseTable table = buildTable(rules, enterprises);
        long indexHeap = usedHeap() - heapBefore;
        log("enterprise table built in %.1f s, %,d bytes estimated, %,d bytes of heap measured",
                (System.nanoTime() - t0) / 1e9, table.bytes(), indexHeap);

        List<BenchItem> items = new BenchItems(42).generate(itemCount);
        MatchIndex index = new MatchIndex(rules, table);
        double compileSeconds = fileItems(index, items);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("enterprises", enterprises);
        report.put("items", itemCount);
        report.put("single_enterprise_us", singleEnterprise(index).summary(1e3));
        report.put("single_item_ms", singleItem(index, items).summary(1e6));
        FullRecompute full = fullRecompute(index);
        report.put("full_recompute_s", Latencies.round(full.seconds()));
        report.put("index_bytes", indexHeap);

        CelPerPair cel = new CelPerPair(rules, index, items);
        log("checking agreement with CEL pair by pair");
        report.put("agreement", cel.agreement(full.all(), TODAY, Math.min(200, itemCount), Math.min(5000, enterprises)));
        report.put("engine", engineFigures(full.all(), table, compileSeconds));
        report.put("peers", peers ? peerFigures(cel, index, items, eligibleByItem(full.all()), cores) : new LinkedHashMap<>());
        report.put("machine", Map.of("cores", cores, "java", System.getProperty("java.version"),
                "max_heap_bytes", Runtime.getRuntime().maxMemory()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.write(report));
        System.out.println(ReportTable.render(report));
        System.out.println("written to " + out.toAbsolutePath());
    }

    /**
     * The generated enterprises, normalised and enriched as the platform files them. The builder is
     * garbage on return, so the heap measured after it is the table's.
     */
    private static EnterpriseTable buildTable(RuleCompiler rules, int enterprises) {
        EnterpriseTable.Builder builder = EnterpriseTable.builder(rules.schema());
        EnterpriseGenerator generator = new EnterpriseGenerator(20261121L, enterprises);
        while (generator.hasNext()) {
            EnterpriseRecord r = generator.next();
            builder.add(r.uscc(), DerivedAttributes.enrich(EnterpriseValues.normalize(r.attributes(), rules.schema())));
        }
        return builder.build();
    }

    /** Compiles the items' conditions and files them in the index; returns the seconds it took. */
    private static double fileItems(MatchIndex index, List<BenchItem> items) {
        long t0 = System.nanoTime();
        Map<String, String> conditions = new LinkedHashMap<>();
        items.forEach(i -> conditions.put(i.code(), i.cel()));
        index.putItems(conditions);
        double seconds = (System.nanoTime() - t0) / 1e9;
        log("%,d items compiled and filed in %.1f s", items.size(), seconds);
        return seconds;
    }

    private static FullRecompute fullRecompute(MatchIndex index) {
        Map<String, ItemMatch> all = null;
        double seconds = 0;
        for (int run = 0; run < 2; run++) { // the second run is the warm one
            long t0 = System.nanoTime();
            all = index.matchAll(TODAY);
            seconds = (System.nanoTime() - t0) / 1e9;
            log("full recompute run %d: %.2f s", run + 1, seconds);
        }
        return new FullRecompute(all, seconds);
    }

    private static Map<String, Object> engineFigures(Map<String, ItemMatch> all, EnterpriseTable table, double compileSeconds) {
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("eligible_pairs", all.values().stream().mapToLong(ItemMatch::eligibleCount).sum());
        engine.put("undetermined_pairs", all.values().stream().mapToLong(ItemMatch::undeterminedCount).sum());
        engine.put("index_bytes_estimated", table.bytes());
        engine.put("compile_and_file_items_s", Latencies.round(compileSeconds));
        return engine;
    }

    /** The engine's eligible count per item, which the peers' counts are checked against. */
    private static Map<String, Integer> eligibleByItem(Map<String, ItemMatch> all) {
        Map<String, Integer> eligible = new HashMap<>();
        all.forEach((code, m) -> eligible.put(code, m.eligibleCount()));
        return eligible;
    }

    private static Map<String, Object> peerFigures(CelPerPair cel, MatchIndex index, List<BenchItem> items,
            Map<String, Integer> eligibleByItem, int cores) throws Exception {
        Map<String, Object> peerReport = new LinkedHashMap<>();
        log("peer: CEL pair by pair");
        peerReport.put("cel_per_pair", cel.run(TODAY, cores));
        log("peer: Drools");
        peerReport.put("drools", new DroolsPeer(index, items).run(eligibleByItem, Math.min(1000, items.size()), cores));
        log("peer: PostgreSQL");
        peerReport.put("postgresql", new PostgresPeer(index, items).run(eligibleByItem, cores));
        return peerReport;
    }

    private static Latencies singleEnterprise(MatchIndex index) {
        Random random = new Random(1);
        Latencies latencies = new Latencies();
        int n = index.table().size();
        for (int s = 0; s < 6000; s++) {
            Map<String, Object> values = index.table().row(random.nextInt(n));
            long t0 = System.nanoTime();
            int found = index.matchEnterprise(values, TODAY).size();
            long elapsed = System.nanoTime() - t0;
            if (s >= 1000) {
                latencies.add(elapsed);
            }
            Blackhole.consume(found);
        }
        return latencies;
    }

    private static Latencies singleItem(MatchIndex index, List<BenchItem> items) {
        Random random = new Random(2);
        Latencies latencies = new Latencies();
        for (int s = 0; s < 1500; s++) {
            String code = items.get(random.nextInt(items.size())).code();
            long t0 = System.nanoTime();
            ItemMatch m = index.matchItem(code, TODAY);
            long elapsed = System.nanoTime() - t0;
            if (s >= 300) {
                latencies.add(elapsed);
            }
            Blackhole.consume(m.eligibleCount());
        }
        return latencies;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
