package io.zhida.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform bench's figures next to the targets of issue 15, each with PASS or FALLS SHORT (or "—"
 * where there is no target or nothing was measured). The verdicts also go into the JSON.
 */
final class PlatformReport {

    /** key in the report, which figure of it ("" for a plain number, else p50/p99/max), unit, target (null = none), label. */
    private record Check(String key, String figure, String unit, Double target, String label) {
    }

    private static final double GB = 1e9;
    private static final List<Check> CHECKS = List.of(
            new Check("startup_to_ready_s", "", "s", null, "start-up to ready (loaded platform)"),
            new Check("full_rematch_s", "", "s", 60.0, "full re-match with storing"),
            new Check("profile_change_to_my_policies_ms", "max", "ms", 1000.0, "profile change → 我的政策 updated (slowest)"),
            new Check("my_policies_page_ms", "p50", "ms", null, "我的政策 page p50"),
            new Check("my_policies_page_ms", "p99", "ms", 100.0, "我的政策 page p99"),
            new Check("my_policies_api_ms", "p50", "ms", null, "我的政策 API p50"),
            new Check("my_policies_api_ms", "p99", "ms", 100.0, "我的政策 API p99"),
            new Check("item_first_page_ms", "p50", "ms", null, "item's first page of eligible p50"),
            new Check("item_first_page_ms", "p99", "ms", 100.0, "item's first page of eligible p99"),
            new Check("sandbox_ms", "max", "ms", 2000.0, "sandbox, draft item (slowest)"),
            new Check("three_rates_page_ms", "max", "ms", 1000.0, "three rates page (slowest)"),
            new Check("cockpit_page_ms", "max", "ms", 1000.0, "cockpit page (slowest)"),
            new Check("index_bytes", "", "bytes", null, "matching index memory"),
            new Check("stored_results_bytes", "", "bytes", 2 * GB, "stored results in PostgreSQL"));

    private PlatformReport() {
    }

    /** Writes the report as JSON (with the targets and verdicts) and prints the table and where the JSON is. */
    static void write(Map<String, Object> report, Path out) throws IOException {
        String table = render(report); // before the JSON: it adds the targets and verdicts
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.write(report));
        System.out.println(table);
        System.out.println("written to " + out.toAbsolutePath());
    }

    /** Adds "targets" and "verdicts" to the report and returns the table. */
    static String render(Map<String, Object> report) {
        Map<String, Object> targets = new LinkedHashMap<>();
        Map<String, Object> verdicts = new LinkedHashMap<>();
        List<String[]> rows = new ArrayList<>();
        for (Check c : CHECKS) {
            Double value = value(report.get(c.key()), c.figure());
            String name = c.figure().isEmpty() ? c.key() : c.key() + "." + c.figure();
            String verdict = c.target() == null || value == null ? "—" : value <= c.target() ? "PASS" : "FALLS SHORT";
            if (c.target() != null) {
                targets.put(name, c.target());
                verdicts.put(name, verdict);
            }
            rows.add(new String[] {c.label(), format(value, c.unit()), c.target() == null ? "" : "≤ " + format(c.target(), c.unit()), verdict});
        }
        report.put("targets", targets);
        report.put("verdicts", verdicts);

        StringBuilder b = new StringBuilder();
        b.append(String.format("%nPlatform bench: %,d enterprises × %,d items, %s%n", report.get("enterprises"), report.get("items"), report.get("date")));
        String format = "%-46s %16s %14s  %s%n";
        b.append(String.format(format, "", "measured", "target", ""));
        rows.forEach(r -> b.append(String.format(format, (Object[]) r)));
        if (report.get("load") instanceof Map<?, ?> load && load.get("enterprises") instanceof Map<?, ?> e && load.get("items") instanceof Map<?, ?> i) {
            b.append(String.format("loaded through the APIs: %,d enterprises in %s s (import), %,d items in %s s (YAML import, submit, approve);"
                    + " quiet again %s s later%n", report.get("enterprises"), e.get("seconds"), report.get("items"), i.get("seconds"),
                    load.get("settle_after_load_s")));
        }
        if (report.get("notes") instanceof List<?> notes && !notes.isEmpty()) {
            b.append("notes:\n");
            notes.forEach(n -> b.append("  - ").append(n).append('\n'));
        }
        return b.toString();
    }

    private static Double value(Object entry, String figure) {
        Object v = figure.isEmpty() || !(entry instanceof Map<?, ?> m) ? entry : m.get(figure);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static String format(Double value, String unit) {
        if (value == null) {
            return "not measured";
        }
        return switch (unit) {
            case "bytes" -> value >= 1e9 ? String.format("%.2f GB", value / 1e9) : String.format("%.1f MB", value / 1e6);
            case "ms" -> value >= 1000 ? String.format("%.2f s", value / 1000) : String.format("%.1f ms", value);
            default -> String.format("%.1f %s", value, unit);
        };
    }
}
