package io.zhida.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The platform bench: the packaged app with its own PostgreSQL, filled through its own APIs and pages
 * with generated enterprises and items, then measured from outside over HTTP, single threaded, the way
 * people and systems use it. Writes platform-bench.json and prints each figure next to its target.
 * See README "Platform benchmark". This class runs the phases in order; the measuring is in
 * {@link PlatformStartup}, {@link PlatformLoad}, {@link EnterpriseUsers}, {@link PlatformPages} and
 * {@link PlatformSizes}, the report in {@link PlatformReport}.
 */
public final class PlatformBench {

    /** How long the app may stay busy after a load, start or re-match before the bench goes on anyway. */
    private static final Duration SETTLE = Duration.ofHours(3);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PlatformSettings settings;
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final String adminPassword = "bench-admin-" + Long.toHexString(new Random().nextLong());
    private PlatformRun run;

    private PlatformBench(PlatformSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        new PlatformBench(PlatformSettings.parse(args)).run();
    }

    private void run() throws Exception {
        describeRun();
        log("writing %,d generated enterprises as CSV", settings.enterprises());
        Path csv = settings.work().resolve("enterprises.csv");
        List<String> sample = PlatformLoad.writeEnterprises(csv, settings.enterprises());
        ItemLibrary library = new ItemLibrary(settings.items());

        AppProcess app = new AppProcess(settings.jar(), settings.work(), settings.heap(), settings.jvmArgs(), adminPassword);
        app.stop();
        app.deleteData(); // a previous run's, if it was interrupted
        Thread cleanup = new Thread(() -> stopApp(app), "platform-bench-cleanup"); // on Ctrl-C too
        Runtime.getRuntime().addShutdownHook(cleanup);
        run = new PlatformRun(app, new PlatformHttp(app.base()), adminPassword, report);
        try {
            measure(library, csv, sample);
        } finally {
            // whatever was measured before a failure is still written
            report.put("notes", run.notes());
            PlatformReport.write(report, settings.out());
            log("stopping the app%s", settings.keepData() ? " (its data is kept in " + app.dataDir() + ")" : " and deleting its data");
            stopApp(app);
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    /** The report's header: the sizes, when, on what machine, and how the app was run. */
    private void describeRun() {
        report.put("enterprises", settings.enterprises());
        report.put("items", settings.items());
        report.put("date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        report.put("machine", MachineInfo.describe());
        Map<String, Object> appInfo = new LinkedHashMap<>();
        appInfo.put("jar", settings.jar().toAbsolutePath().normalize().toString());
        appInfo.put("heap", settings.heap());
        appInfo.put("jvm_args", String.join(" ", settings.jvmArgs()));
        report.put("app", appInfo);
    }

    private void stopApp(AppProcess app) {
        app.stop();
        if (!settings.keepData()) {
            app.deleteData();
        }
    }

    private void measure(ItemLibrary library, Path csv, List<String> sample) throws Exception {
        startEmpty();
        load(library, csv);
        PlatformSetup setup = restartLoaded();
        run.step("full_rematch_s", this::fullRematch);
        run.app().waitQuiet(SETTLE, "the re-match");
        new PlatformSizes(run).record("after_rematch");

        EnterpriseUsers users = new EnterpriseUsers(run);
        users.choose(sample);
        users.create(setup);
        new PlatformPages(run, users, library, settings.samples()).measure();

        new PlatformSizes(run).record("final");
        log("measurements done (app log: %s)", run.app().log(2));
    }

    /** An empty platform: production mode, one administrator, who sets up regions, departments and staff. */
    private void startEmpty() {
        AppProcess app = run.app();
        log("starting the app on %s (data in %s, log in %s)", app.base(), app.dataDir(), app.log(1));
        run.put("first_start_to_ready_s", new PlatformStartup(run).toReady().get("ready_s"));
        PlatformSetup setup = adminSetup();
        setup.organisations();
        setup.staff();
        log("regions, departments and staff set up");
    }

    /** The library, then the enterprises, through the same APIs and pages as real ones; then until the app is quiet. */
    private void load(ItemLibrary library, Path csv) throws Exception {
        Map<String, Object> load = new LinkedHashMap<>();
        run.put("load", load);
        PlatformHttp http = run.http();
        String authorToken = http.token(PlatformSetup.AUTHOR, PlatformSetup.PASSWORD);
        PlatformHttp.Session author = http.signIn(PlatformSetup.AUTHOR, PlatformSetup.PASSWORD);
        PlatformHttp.Session reviewer = http.signIn(PlatformSetup.REVIEWER, PlatformSetup.PASSWORD);
        log("publishing %,d items (YAML import, submit, approve) and importing one draft", library.published().size());
        load.put("items", new PlatformLoad(http).publishItems(library, authorToken, author, reviewer));
        log("importing %,d enterprises through the import API", settings.enterprises());
        load.put("enterprises", new PlatformLoad(http).importEnterprises(run.adminToken(), csv,
                LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
        long settle = System.nanoTime();
        load.put("quiet_after_load", run.app().waitQuiet(SETTLE, "the load"));
        load.put("settle_after_load_s", Latencies.round((System.nanoTime() - settle) / 1e9));
    }

    /** Start-up of a loaded platform, until it is ready (health, and matching ready); a new administrator session after it. */
    private PlatformSetup restartLoaded() {
        log("restarting the loaded platform");
        run.app().stop();
        Map<String, Object> restart = new PlatformStartup(run).toReady();
        run.put("startup_to_ready_s", restart.get("ready_s"));
        run.put("startup_to_health_s", restart.get("health_s"));
        run.app().waitQuiet(SETTLE, "the start-up");
        return adminSetup();
    }

    private PlatformSetup adminSetup() {
        PlatformHttp.Session admin = run.http().signIn("admin", adminPassword);
        return new PlatformSetup(run.http(), admin, run.adminToken());
    }

    /** A full re-match with storing, on demand: seconds end to end; the server's own time and answer go in the report too. */
    private Object fullRematch() {
        HttpResponse r = run.http().post("/api/v1/admin/matching/rematch", run.adminToken(), "application/json", new byte[0]);
        if (r.missingEndpoint()) {
            run.note("POST /api/v1/admin/matching/rematch is not there (404): full re-match not measured");
            return null;
        }
        r.expect(200, "full re-match");
        run.put("full_rematch_server_ms", Jsons.read(r.body()).path("millis").asLong());
        run.put("full_rematch_answer", Jsons.read(r.body()));
        return Latencies.round(r.nanos() / 1e9);
    }

    static void log(String format, Object... args) {
        System.out.println("[platform-bench " + LocalTime.now().format(CLOCK) + "] " + String.format(format, args));
    }
}
