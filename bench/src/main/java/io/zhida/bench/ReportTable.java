package io.zhida.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The bench report as a table a person reads: one row per contestant, the same columns for all. */
final class ReportTable {

    private ReportTable() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> report) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        rows.put("zhida engine.index", report);
        ((Map<String, Object>) report.get("peers")).forEach((name, m) -> rows.put(name, (Map<String, Object>) m));
        StringBuilder b = new StringBuilder();
        b.append(String.format("%n%,d enterprises × %,d items%n", report.get("enterprises"), report.get("items")));
        String format = "%-20s %14s %14s %14s %14s %18s %16s%n";
        b.append(String.format(format, "", "(a) p50 µs", "(a) p99 µs", "(b) p50 ms", "(b) p99 ms", "(c) everything s", "index bytes"));
        rows.forEach((name, m) -> {
            Map<String, Object> a = (Map<String, Object>) m.getOrDefault("single_enterprise_us", Map.of());
            Map<String, Object> i = (Map<String, Object>) m.getOrDefault("single_item_ms", Map.of());
            Object full = m.get("full_recompute_s");
            String fullText = full == null ? "-" : full + (Boolean.TRUE.equals(m.get("full_recompute_extrapolated")) ? " (extrap.)" : "");
            b.append(String.format(format, name, a.getOrDefault("p50", "-"), a.getOrDefault("p99", "-"), i.getOrDefault("p50", "-"),
                    i.getOrDefault("p99", "-"), fullText, m.getOrDefault("index_bytes", "-")));
        });
        Map<String, Object> agreement = (Map<String, Object>) report.get("agreement");
        b.append(String.format("agreement with CEL pair by pair: %s pairs checked, %s mismatches%n",
                agreement.get("pairs_checked"), agreement.get("mismatches")));
        b.append("targets: (a) p99 ≤ 100 µs, (b) p99 ≤ 5 ms, (c) ≤ 10 s, index ≤ 1.5 GB\n");
        return b.toString();
    }
}
