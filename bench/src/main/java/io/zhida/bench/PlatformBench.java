package io.zhida.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The platform bench: the packaged app with its own PostgreSQL, filled through its own APIs and pages
 * with generated enterprises and items, then measured from outside over HTTP, single threaded, the way
 * people and systems use it. Writes platform-bench.json and prints each figure next to its target.
 * See README "Platform benchmark".
 */
public final class PlatformBench {

    private static final int WARM_UP = 20;
    private static final int ENTERPRISE_USERS = 10;
    private static final int FEW = 10;
    private static final int PROFILE_CHANGES = 6;
    private static final Duration SETTLE = Duration.ofHours(3);
    /** Time one latency measurement may take before it stops sampling. */
    private static final Duration BUDGET = Duration.ofMinutes(3);
    private static final String STORED_FALLBACK = "stored results = PostgreSQL relations named *match* (no status endpoint)";

    private final Map<String, String> options;
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Random random = new Random(7);
    private final String adminPassword = "bench-admin-" + Long.toHexString(new Random().nextLong());
    private AppProcess app;
    private PlatformHttp http;
    private String adminToken;
    private boolean statusEndpoint = true;
    private boolean matchesEndpoint = true;
    /** The enterprises the enterprise users are bound to, their sessions and their API tokens, by index. */
    private List<String> chosen = List.of();
    private final List<PlatformHttp.Session> enterpriseSessions = new ArrayList<>();
    private final List<String> enterpriseTokens = new ArrayList<>();

    private PlatformBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new PlatformBench(options(args)).run();
    }

    private void run() throws Exception {
        int enterprises = Integer.parseInt(options.getOrDefault("enterprises", "1000000"));
        int itemCount = Integer.parseInt(options.getOrDefault("items", "10000"));
        int samples = Integer.parseInt(options.getOrDefault("samples", "200"));
        Path work = Path.of(options.getOrDefault("work", "bench/target/platform-bench"));
        Path out = Path.of(options.getOrDefault("out", "bench/target/platform-bench.json"));
        Path jar = Path.of(options.getOrDefault("app-jar", "app/target/zhida-app.jar"));
        String heap = options.getOrDefault("app-heap", "12g");
        List<String> jvmArgs = Arrays.stream(options.getOrDefault("app-jvm-args", "").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        boolean keepData = Boolean.parseBoolean(options.getOrDefault("keep-data", "false"));

        report.put("enterprises", enterprises);
        report.put("items", itemCount);
        report.put("date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        report.put("machine", machine());
        Map<String, Object> appInfo = new LinkedHashMap<>();
        appInfo.put("jar", jar.toAbsolutePath().normalize().toString());
        appInfo.put("heap", heap);
        appInfo.put("jvm_args", String.join(" ", jvmArgs));
        report.put("app", appInfo);

        log("writing %,d generated enterprises as CSV", enterprises);
        Path csv = work.resolve("enterprises.csv");
        List<String> sample = PlatformLoad.writeEnterprises(csv, enterprises);
        ItemLibrary library = new ItemLibrary(itemCount);

        app = new AppProcess(jar, work, heap, jvmArgs, adminPassword);
        app.stop();
        app.deleteData(); // a previous run's, if it was interrupted
        Thread cleanup = new Thread(() -> {
            app.stop();
            if (!keepData) {
                app.deleteData();
            }
        }, "platform-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        http = new PlatformHttp(app.base());
        try {
            measure(library, csv, sample, samples, work);
        } finally {
            report.put("notes", notes);
            String table = PlatformReport.render(report); // also adds the targets and verdicts to the report
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, Json.write(report));
            System.out.println(table);
            System.out.println("written to " + out.toAbsolutePath());
            log("stopping the app%s", keepData ? " (its data is kept in " + app.dataDir() + ")" : " and deleting its data");
            app.stop();
            if (!keepData) {
                app.deleteData();
            }
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private void measure(ItemLibrary library, Path csv, List<String> sample, int samples, Path work) throws Exception {
        // 1. An empty platform: production mode, one administrator.
        log("starting the app on %s (data in %s, log in %s)", app.base(), app.dataDir(), app.log(1));
        report.put("first_start_to_ready_s", startAndWaitReady().get("ready_s"));
        PlatformHttp.Session admin = http.signIn("admin", adminPassword);
        PlatformSetup setup = new PlatformSetup(http, admin, adminToken);
        setup.organisations();
        setup.staff();
        log("regions, departments and staff set up");

        // 2. The library, then the enterprises, through the same APIs and pages as real ones.
        Map<String, Object> load = new LinkedHashMap<>();
        report.put("load", load);
        String authorToken = http.token(PlatformSetup.AUTHOR, PlatformSetup.PASSWORD);
        PlatformHttp.Session author = http.signIn(PlatformSetup.AUTHOR, PlatformSetup.PASSWORD);
        PlatformHttp.Session reviewer = http.signIn(PlatformSetup.REVIEWER, PlatformSetup.PASSWORD);
        log("publishing %,d items (YAML import, submit, approve) and importing one draft", library.published().size());
        load.put("items", new PlatformLoad(http).publishItems(library, authorToken, author, reviewer));
        log("importing %,d enterprises through the import API", (Integer) report.get("enterprises"));
        load.put("enterprises", new PlatformLoad(http).importEnterprises(adminToken, csv,
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()));
        long settle = System.nanoTime();
        load.put("quiet_after_load", app.waitQuiet(SETTLE, "the load"));
        load.put("settle_after_load_s", Latencies.round((System.nanoTime() - settle) / 1e9));

        // 3. Start-up of a loaded platform, until it is ready (health, and matching ready).
        log("restarting the loaded platform");
        app.stop();
        Map<String, Object> restart = startAndWaitReady();
        report.put("startup_to_ready_s", restart.get("ready_s"));
        report.put("startup_to_health_s", restart.get("health_s"));
        app.waitQuiet(SETTLE, "the start-up");
        admin = http.signIn("admin", adminPassword);
        setup = new PlatformSetup(http, admin, adminToken);

        // 4. A full re-match with storing, on demand.
        step("full_rematch_s", () -> {
            HttpResponse r = http.post("/api/v1/admin/matching/rematch", adminToken, "application/json", new byte[0]);
            if (r.missingEndpoint()) {
                note("POST /api/v1/admin/matching/rematch is not there (404): full re-match not measured");
                return null;
            }
            r.expect(200, "full re-match");
            JsonNode body = Jsons.read(r.body());
            report.put("full_rematch_server_ms", body.path("millis").asLong());
            report.put("full_rematch_answer", Jsons.read(r.body()));
            return Latencies.round(r.nanos() / 1e9);
        });
        app.waitQuiet(SETTLE, "the re-match");
        sizes("after_rematch");

        // 5. Enterprise users for a spread of enterprises (by how many items they have).
        chosen = chooseEnterprises(sample);
        for (int i = 0; i < chosen.size(); i++) {
            String username = String.format("bench-ent-%02d", i + 1);
            setup.enterpriseUser(username, chosen.get(i));
            enterpriseSessions.add(http.signIn(username, PlatformSetup.PASSWORD));
            enterpriseTokens.add(http.token(username, PlatformSetup.PASSWORD));
        }

        // 6. 我的政策: the page and the API.
        step("my_policies_page_ms", () -> timed(samples, i -> {
            HttpResponse r = enterpriseSessions.get(i % chosen.size()).get("/my/policies").expect(200, "我的政策");
            MyPolicies.fromPage(r.body());
            return r;
        }));
        step("my_policies_api_ms", () -> {
            if (!matchesEndpoint) {
                note("GET /api/v1/enterprises/{uscc}/matches is not there: 我的政策 API not measured");
                return null;
            }
            return timed(samples, i -> http.get(MyPolicies.apiPath(chosen.get(i % chosen.size())), enterpriseTokens.get(i % chosen.size()))
                    .expect(200, "matches API"));
        });

        // 7. An item's first page of eligible enterprises, for the department.
        PlatformHttp.Session itemReviewer = http.signIn(PlatformSetup.REVIEWER, PlatformSetup.PASSWORD);
        List<BenchItem> items = library.published();
        step("item_first_page_ms", () -> timed(samples, i -> itemReviewer.get("/matching/items/" + items.get(random.nextInt(items.size())).code())
                .expectPage("match-total", "an item's eligible enterprises")));

        // 8. The sandbox for the draft item.
        PlatformHttp.Session sandboxAuthor = http.signIn(PlatformSetup.AUTHOR, PlatformSetup.PASSWORD);
        BenchItem draft = library.draft();
        step("sandbox_ms", () -> {
            sandboxAuthor.get("/matching/sandbox?item=" + draft.code()).expect(200, "sandbox page");
            return few(() -> sandboxAuthor.postForm("/matching/sandbox", List.of("item", draft.code(), "conditionA", draft.cel(),
                    "formulaA", ItemLibrary.formula(draft), "capA", String.valueOf(ItemLibrary.cap(draft)), "budget", "50000000"))
                    .expectPage("sandbox-results", "sandbox run"), 1, FEW / 2);
        });

        // 9. The three rates and the cockpit.
        PlatformHttp.Session evaluator = http.signIn(PlatformSetup.EVALUATOR, PlatformSetup.PASSWORD);
        PlatformHttp.Session leader = http.signIn(PlatformSetup.LEADER, PlatformSetup.PASSWORD);
        step("three_rates_page_ms", () -> few(() -> evaluator.get("/evaluation/rates").expectPage("city-rates", "三率"), 1, FEW));
        step("cockpit_page_ms", () -> few(() -> leader.get("/cockpit").expectPage("kpis", "驾驶舱"), 1, FEW));

        // 10. One enterprise's profile change until its 我的政策 shows it.
        step("profile_change_to_my_policies_ms", () -> profileChanges(library));

        // 11. Memory and storage.
        sizes("final");
        log("measurements done (app log: %s)", app.log(2));
    }

    /** Starts the app and waits until it is healthy and its matching is ready. */
    private Map<String, Object> startAndWaitReady() {
        long launched = app.start();
        long healthy = 0;
        String healthPath = "/actuator/health/readiness";
        while (healthy == 0) {
            app.requireAlive();
            try {
                HttpResponse r = http.get(healthPath, null);
                if (r.status() == 404) {
                    healthPath = "/actuator/health";
                } else if (r.status() == 200 && r.body().contains("UP")) {
                    healthy = System.nanoTime();
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            if (healthy == 0) {
                AppProcess.sleep(100);
            }
        }
        adminToken = http.token("admin", adminPassword);
        long ready = 0;
        long lastLog = System.nanoTime();
        while (ready == 0) {
            app.requireAlive();
            HttpResponse r = http.get("/api/v1/matching/status", adminToken);
            if (r.missingEndpoint()) {
                statusEndpoint = false;
                ready = healthy;
                note("GET /api/v1/matching/status is not there (404): ready = health UP");
            } else if (r.status() == 200 && Jsons.read(r.body()).path("ready").asBoolean()) {
                ready = System.nanoTime();
            } else {
                if (System.nanoTime() - lastLog > 30e9) {
                    log("waiting for matching to be ready: %s", r.snippet());
                    lastLog = System.nanoTime();
                }
                AppProcess.sleep(100);
            }
        }
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("health_s", Latencies.round((healthy - launched) / 1e9));
        times.put("ready_s", Latencies.round((ready - launched) / 1e9));
        log("up in %.1f s, ready in %.1f s", (healthy - launched) / 1e9, (ready - launched) / 1e9);
        return times;
    }

    /**
     * A spread of enterprises for the enterprise users: the sample ordered by how many items they have,
     * one from each tenth, so both light and heavy 我的政策 pages are in the figures.
     */
    private List<String> chooseEnterprises(List<String> sample) {
        Map<String, Integer> sizes = new HashMap<>();
        for (String uscc : sample) {
            HttpResponse r = http.get(MyPolicies.apiPath(uscc), adminToken);
            if (r.missingEndpoint()) {
                matchesEndpoint = false;
                note("GET /api/v1/enterprises/{uscc}/matches is not there: enterprise users picked evenly from the sample");
                break;
            }
            sizes.put(uscc, MyPolicies.fromApi(r.expect(200, "matches of " + uscc).body()).size());
        }
        List<String> ordered = matchesEndpoint
                ? sample.stream().sorted(Comparator.comparing((String u) -> sizes.get(u)).thenComparing(u -> u)).toList() : sample;
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < ENTERPRISE_USERS && i < ordered.size(); i++) {
            chosen.add(ordered.get((int) ((i + 0.5) * ordered.size() / ENTERPRISE_USERS)));
        }
        Map<String, Object> users = new LinkedHashMap<>();
        users.put("count", chosen.size());
        if (matchesEndpoint) {
            users.put("items_each", chosen.stream().map(sizes::get).toList());
            users.put("sample_mean_items", Latencies.round(sizes.values().stream().mapToInt(Integer::intValue).average().orElse(0)));
            users.put("sample_max_items", sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        }
        report.put("enterprise_users", users);
        return chosen;
    }

    /**
     * Flips one enterprise's 失信 flag through the profile API, back and forth, and each time times how long
     * until its 我的政策 no longer shows (or again shows) the items that exclude dishonest enterprises.
     */
    private Object profileChanges(ItemLibrary library) {
        Set<String> excluding = library.published().stream().filter(ItemLibrary::excludesDishonest).map(BenchItem::code).collect(Collectors.toSet());
        int probe = -1;
        Set<String> flipped = Set.of();
        for (int i = chosen.size() - 1; i >= 0 && probe < 0; i--) {
            JsonNode profile = Jsons.read(http.get("/api/v1/enterprises/" + chosen.get(i), adminToken).expect(200, "profile").body());
            if (!"false".equals(attribute(profile, "dishonest"))) {
                continue;
            }
            Set<String> mine = view(i).eligible().stream().filter(excluding::contains).collect(Collectors.toSet());
            if (!mine.isEmpty()) {
                probe = i;
                flipped = mine;
            }
        }
        if (probe < 0) {
            note("no chosen enterprise was eligible for an item that excludes dishonest enterprises: profile change not measured");
            return null;
        }
        String uscc = chosen.get(probe);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("enterprise", uscc);
        detail.put("items_that_change", flipped.size());
        detail.put("observed_via", matchesEndpoint ? "matches API" : "我的政策 page");
        Latencies changes = new Latencies();
        Latencies writes = new Latencies();
        int timeouts = 0;
        for (int k = 0; k < PROFILE_CHANGES; k++) {
            boolean dishonest = k % 2 == 0;
            Set<String> codes = flipped;
            Predicate<MyPolicies.View> updated = dishonest ? v -> codes.stream().noneMatch(v.eligible()::contains)
                    : v -> v.eligible().containsAll(codes);
            long t0 = System.nanoTime();
            HttpResponse write = http.postJson("/api/v1/enterprises?source=" + java.net.URLEncoder.encode("基准测试", java.nio.charset.StandardCharsets.UTF_8),
                    adminToken, "{\"uscc\":\"" + uscc + "\",\"dishonest\":" + dishonest + "}").expect(200, "profile change");
            writes.add(write.nanos());
            long seen = 0;
            while (seen == 0 && System.nanoTime() - t0 < 30e9) {
                if (updated.test(view(probe))) {
                    seen = System.nanoTime();
                }
            }
            if (seen == 0) {
                timeouts++;
                changes.add(30_000_000_000L);
            } else {
                changes.add(seen - t0);
            }
            app.waitQuiet(Duration.ofMinutes(5), "a profile change");
        }
        MyPolicies.View page = MyPolicies.fromPage(enterpriseSessions.get(probe).get("/my/policies?all=true").expect(200, "我的政策").body());
        detail.put("page_agrees_at_end", page.eligible().containsAll(flipped));
        detail.put("profile_write_ms", writes.spread(1e6));
        detail.put("timeouts_30s", timeouts);
        report.put("profile_change", detail);
        return changes.spread(1e6);
    }

    /** What enterprise user i sees in 我的政策 now. */
    private MyPolicies.View view(int i) {
        if (matchesEndpoint) {
            return MyPolicies.fromApi(http.get(MyPolicies.apiPath(chosen.get(i)), enterpriseTokens.get(i)).expect(200, "matches API").body());
        }
        return MyPolicies.fromPage(enterpriseSessions.get(i).get("/my/policies").expect(200, "我的政策").body());
    }

    private static String attribute(JsonNode profile, String name) {
        JsonNode attributes = profile.path("attributes");
        JsonNode value = attributes.isMissingNode() ? profile.path(name) : attributes.path(name);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    /** Index memory and stored results (the platform's own figures) and PostgreSQL's sizes. */
    private void sizes(String when) {
        Map<String, Object> sizes = new LinkedHashMap<>();
        if (statusEndpoint) {
            HttpResponse r = http.get("/api/v1/matching/status", adminToken);
            if (r.ok()) {
                JsonNode status = Jsons.read(r.body());
                sizes.put("matching_status", status);
                report.put("index_bytes", status.path("indexBytes").asLong());
                report.put("stored_results_bytes", status.path("storedBytes").asLong());
            }
        }
        sizes.put("app_resident_bytes", app.residentBytes());
        sizes.put("postgres_data_dir_bytes", app.dataBytes());
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + app.databasePort() + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                sizes.put("postgres_database_bytes", rs.getLong(1));
            }
            Map<String, Long> largest = new LinkedHashMap<>();
            long matching = 0;
            try (ResultSet rs = s.executeQuery("""
                    SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                    ORDER BY 2 DESC""")) {
                while (rs.next()) {
                    if (largest.size() < 12) {
                        largest.put(rs.getString(1), rs.getLong(2));
                    }
                    if (rs.getString(1).contains("match")) {
                        matching += rs.getLong(2);
                    }
                }
            }
            sizes.put("largest_relations_bytes", largest);
            sizes.put("match_relations_bytes", matching);
            if (!statusEndpoint) {
                report.put("stored_results_bytes", matching);
                note(STORED_FALLBACK);
            }
        } catch (Exception e) {
            sizes.put("postgres_error", e.getMessage());
        }
        report.put("sizes_" + when, sizes);
    }

    private void note(String text) {
        if (!notes.contains(text)) {
            notes.add(text);
        }
    }

    /** Runs a measurement; a failure is written down and the bench goes on with the next one. */
    private void step(String key, Callable<Object> measurement) {
        log("measuring %s", key);
        try {
            Object value = measurement.call();
            report.put(key, value);
            log("%s: %s", key, value);
        } catch (Exception e) {
            report.put(key, null);
            note(key + " failed: " + e.getMessage());
            log("%s failed: %s", key, e);
            app.requireAlive();
        }
    }

    interface Request {
        HttpResponse send(int i) throws Exception;
    }

    /**
     * A warm-up, then n timed requests one after the other: p50, p99, max, in milliseconds. A page far
     * slower than its target stops early (after BUDGET and at least 20 samples), so that one slow page
     * does not hold up the rest of the run; "samples" says how many were taken.
     */
    private Map<String, Object> timed(int n, Request request) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < WARM_UP && System.nanoTime() - t0 < BUDGET.toNanos(); i++) {
            request.send(i);
        }
        Latencies latencies = new Latencies();
        t0 = System.nanoTime();
        for (int i = 0; i < n && (latencies.count() < 20 || System.nanoTime() - t0 < BUDGET.toNanos()); i++) {
            latencies.add(request.send(i).nanos());
        }
        return latencies.spread(1e6);
    }

    /** For the heavy pages: the first call on its own (cold), a warm-up, then a few timed calls (at least 3, within BUDGET). */
    private Map<String, Object> few(Callable<HttpResponse> request, int warmUp, int n) throws Exception {
        double first = request.call().millis();
        for (int i = 1; i < warmUp; i++) {
            request.call();
        }
        Latencies latencies = new Latencies();
        long t0 = System.nanoTime();
        for (int i = 0; i < n && (latencies.count() < 3 || System.nanoTime() - t0 < BUDGET.toNanos()); i++) {
            latencies.add(request.call().nanos());
        }
        Map<String, Object> m = latencies.spread(1e6);
        m.put("first", Latencies.round(first));
        return m;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memory_bytes", meminfo("MemTotal:"));
        m.put("cpu", cpuModel());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.version"));
        return m;
    }

    private static long meminfo(String key) {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D+", "")) * 1024).orElse(-1L);
        } catch (Exception e) {
            return -1;
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }

    /** --name=value (or --name value). */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i].replaceFirst("^--", "");
            int eq = a.indexOf('=');
            if (eq >= 0) {
                options.put(a.substring(0, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                options.put(a, args[++i]);
            }
        }
        return options;
    }

    static void log(String format, Object... args) {
        System.out.println("[platform-bench " + java.time.LocalTime.now().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")) + "] "
                + String.format(format, args));
    }
}
