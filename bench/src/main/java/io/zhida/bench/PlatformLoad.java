package io.zhida.bench;

import io.zhida.datagen.EnterpriseCsv;
import io.zhida.datagen.EnterpriseGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Fills the platform the way a city's data and library arrive: the generated enterprises as one CSV
 * extract through the enterprise import API, and the generated items as policy YAML through the
 * library import API, each then submitted by its author and approved (标准化审查) by a reviewer on the
 * pages, which is what publishes it.
 */
final class PlatformLoad {

    static final long ENTERPRISE_SEED = 20261121L; // the match bench's, so both benches see the same enterprises
    static final String SOURCE = "数据共享交换平台";
    private static final int ITEMS_PER_FILE = 500;
    private static final int SAMPLE = 200;

    private final PlatformHttp http;

    PlatformLoad(PlatformHttp http) {
        this.http = http;
    }

    /** Writes the generated enterprises as the import's CSV; returns about 200 of their USCCs spread over the file. */
    static List<String> writeEnterprises(Path csv, int count) throws IOException {
        List<String> sample = new ArrayList<>();
        long every = Math.max(1, count / SAMPLE);
        Files.createDirectories(csv.toAbsolutePath().getParent());
        try (BufferedWriter writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            EnterpriseCsv out = new EnterpriseCsv(writer);
            out.writeHeader();
            EnterpriseGenerator generator = new EnterpriseGenerator(ENTERPRISE_SEED, count);
            for (long i = 0; generator.hasNext(); i++) {
                var e = generator.next();
                out.write(e);
                if (i % every == every / 2 && sample.size() < SAMPLE) {
                    sample.add(e.uscc());
                }
            }
        }
        return sample;
    }

    /** The import API: upload, then follow its progress until it is done. Returns the final status. */
    Map<String, Object> importEnterprises(String adminToken, Path csv, String asOf) {
        long t0 = System.nanoTime();
        HttpResponse started = http.postFile("/api/v1/enterprises/imports", adminToken, Map.of("source", SOURCE, "asOf", asOf),
                "file", csv, "text/csv").expect(202, "enterprise import");
        long id = Jsons.read(started.body()).path("id").asLong();
        double uploadSeconds = started.nanos() / 1e9;
        JsonNode status;
        long lastLog = System.nanoTime();
        while (true) {
            AppProcess.sleep(1000);
            status = Jsons.read(http.get("/api/v1/enterprises/imports/" + id, adminToken).expect(200, "import status").body()).path("status");
            if (!"RUNNING".equals(status.path("state").asString())) {
                break;
            }
            if (System.nanoTime() - lastLog > 30e9) {
                PlatformBench.log("import: %,d rows read", status.path("rowsRead").asLong());
                lastLog = System.nanoTime();
            }
        }
        if (!"DONE".equals(status.path("state").asString())) {
            throw new IllegalStateException("the enterprise import ended " + status);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("seconds", Latencies.round((System.nanoTime() - t0) / 1e9));
        result.put("upload_s", Latencies.round(uploadSeconds));
        result.put("created", status.path("created").asLong());
        result.put("updated", status.path("updated").asLong());
        result.put("rejected", status.path("rejected").asLong());
        result.put("csv_bytes", csv.toFile().length());
        return result;
    }

    /**
     * Imports the library in files of 500 items; each item is then submitted by the author and approved by
     * the reviewer. The draft item is imported last and left a draft.
     */
    Map<String, Object> publishItems(ItemLibrary library, String authorToken, PlatformHttp.Session author, PlatformHttp.Session reviewer) {
        List<BenchItem> items = library.published();
        long importNanos = 0;
        long submitNanos = 0;
        long approveNanos = 0;
        Latencies approvals = new Latencies();
        long t0 = System.nanoTime();
        for (int from = 0; from < items.size(); from += ITEMS_PER_FILE) {
            int to = Math.min(items.size(), from + ITEMS_PER_FILE);
            importNanos += importYaml(authorToken, library.yaml(from, to), to - from).nanos();
            for (BenchItem item : items.subList(from, to)) {
                HttpResponse submitted = author.postForm("/catalog/items/" + item.code() + "/submit", List.of());
                submitNanos += submitted.expect(302, "submit " + item.code()).nanos();
                HttpResponse approved = reviewer.postForm("/catalog/review/" + item.code() + "/approve",
                        List.of("checklist", "0", "checklist", "1", "checklist", "2", "checklist", "3", "checklist", "4",
                                "checklist", "5", "note", "基准测试"));
                if (approved.status() != 302 || approved.location() == null || !approved.location().endsWith("/catalog/review")) {
                    throw new IllegalStateException("approving " + item.code() + " failed: HTTP " + approved.status() + " → "
                            + approved.location() + " (was it submitted? is the reviewer in scope?)");
                }
                approveNanos += approved.nanos();
                approvals.add(approved.nanos());
            }
            PlatformBench.log("items: %,d of %,d published (%.0f s)", to, items.size(), (System.nanoTime() - t0) / 1e9);
        }
        importYaml(authorToken, library.yaml(items.size(), items.size() + 1), 1);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("seconds", Latencies.round((System.nanoTime() - t0) / 1e9));
        result.put("yaml_import_s", Latencies.round(importNanos / 1e9));
        result.put("submit_s", Latencies.round(submitNanos / 1e9));
        result.put("approve_s", Latencies.round(approveNanos / 1e9));
        result.put("approve_ms", approvals.spread(1e6));
        result.put("files", (items.size() + ITEMS_PER_FILE - 1) / ITEMS_PER_FILE + 1);
        result.put("draft", library.draft().code());
        return result;
    }

    private HttpResponse importYaml(String authorToken, String yaml, int expected) {
        HttpResponse r = http.post("/api/v1/policy-items/import", authorToken, "application/yaml; charset=UTF-8",
                yaml.getBytes(StandardCharsets.UTF_8)).expect(200, "policy YAML import");
        int imported = Jsons.read(r.body()).path("items").asInt();
        if (imported != expected) {
            throw new IllegalStateException("the YAML import took " + imported + " items, expected " + expected);
        }
        return r;
    }
}
