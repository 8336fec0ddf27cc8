package io.zhida.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.zhida.engine.standard.Uscc;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 with work in flight, then start again: the packaged application runs as a child process on its
 * own data folder (its own embedded PostgreSQL); a confirmed 免申即享 run and an enterprise import are
 * running when the JVM is killed. The next start must be healthy at the first attempt (the PostgreSQL left
 * behind is stopped), the run finished by the new node, the import failed with its reason, every event
 * delivered exactly once (the cockpit's figures equal the records, one message per grant).
 */
class CrashRestartIT {

    private static final Path JAR = Path.of("target", "zhida-app.jar");
    private static final Path DATA = Path.of("target", "crash-it");
    private static final String ITEM = "WG-001";

    private final int httpPort = freePort();
    private final int dbPort = freePort();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private Process app;

    @Test
    void afterKillMinus9TheNextStartIsHealthyAndTheWorkInFlightIsFinishedOrFailedWithAReason() throws Exception {
        assertThat(JAR).as("the packaged application (mvn package runs before the integration tests)").exists();
        deleteRecursively(DATA);
        app = start("first");
        awaitHealthy(app, Duration.ofMinutes(4));

        String token = token();
        String webhookSecret = subscribeToGrants(token);
        long importId = startImport(token, 60_000);
        signIn("finance");
        long runId = previewAndConfirm();

        // both in flight: grants being made, rows being read
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
                "RUNNING".equals(text("SELECT status FROM no_application_run WHERE id = " + runId))
                        && number("SELECT count(*) FROM no_application_run_line WHERE run_id = " + runId + " AND outcome = 'GRANTED'") > 0);
        assertThat(text("SELECT status FROM enterprise_import WHERE id = " + importId)).as("the import is still running").isEqualTo("RUNNING");
        long grantedBeforeKill = number("SELECT count(*) FROM fund_grant WHERE run_id = " + runId);
        app.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, PostgreSQL left running
        assertThat(grantedBeforeKill).isPositive();

        app = start("second");
        awaitHealthy(app, Duration.ofMinutes(3)); // the first attempt, with the old PostgreSQL still holding the data folder

        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                List.of("DONE", "FAILED").contains(text("SELECT status FROM no_application_run WHERE id = " + runId)));
        String runStatus = text("SELECT status FROM no_application_run WHERE id = " + runId);
        assertThat(runStatus).as("the confirmed run is finished by the new node").isEqualTo("DONE");
        assertThat(number("SELECT count(*) FROM no_application_plan_line p WHERE run_id = " + runId
                + " AND NOT EXISTS (SELECT 1 FROM no_application_run_line l WHERE l.run_id = p.run_id AND l.uscc = p.uscc)"))
                .as("every enterprise of the plan has its line").isZero();
        assertThat(text("SELECT status FROM enterprise_import WHERE id = " + importId)).isEqualTo("FAILED");
        assertThat(text("SELECT message FROM enterprise_import WHERE id = " + importId)).contains("节点已停止");

        long grants = number("SELECT count(*) FROM fund_grant WHERE item_code = '" + ITEM + "'");
        assertThat(grants).isEqualTo(number("SELECT count(*) FROM no_application_run_line WHERE run_id = " + runId + " AND outcome = 'GRANTED'"));
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                number("SELECT count(*) FROM event_publication WHERE completion_date IS NULL") == 0);
        assertThat(number("SELECT COALESCE(sum(granted), 0) FROM cockpit_month WHERE item_code = '" + ITEM + "'"))
                .as("the cockpit counts every grant once").isEqualTo(grants);
        assertThat(decimal("SELECT COALESCE(sum(granted_amount), 0) FROM cockpit_month WHERE item_code = '" + ITEM + "'"))
                .isEqualTo(decimal("SELECT COALESCE(sum(amount), 0) FROM fund_grant WHERE item_code = '" + ITEM + "'"));
        assertThat(number("SELECT count(*) FROM inbox_message WHERE title LIKE '免申即享：%' AND uscc IN (SELECT uscc FROM fund_grant WHERE item_code = '"
                + ITEM + "')")).as("one message per grant, none lost, none doubled").isEqualTo(grants);
        assertThat(number("SELECT count(*) FROM app_node")).isEqualTo(2);

        // grant.made webhooks: each grant queued once with its change, all delivered after the restart, signed; a request
        // repeated because the node died between the receiver's answer and its record carries the same delivery id
        String subscribedGrants = "SELECT count(*) FROM fund_grant WHERE created_at >= (SELECT min(created_at) FROM webhook_subscription)";
        assertThat(number("SELECT count(*) FROM webhook_delivery WHERE event_type = 'grant.made'")).as("one delivery per grant").isEqualTo(
                number(subscribedGrants)).isPositive();
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                number("SELECT count(*) FROM webhook_delivery WHERE status <> 'DELIVERED'") == 0);
        Map<String, String> grantByDelivery = new HashMap<>();
        for (String[] r : webhooks) {
            String grant = r[1].replaceAll("(?s).*\"grantId\"\\s*:\\s*(\\d+).*", "$1");
            assertThat(grantByDelivery.putIfAbsent(r[0], grant)).as("a repeated delivery is the same event").isIn(null, grant);
            assertThat(r[3]).isEqualTo(io.zhida.integration.internal.WebhookSignature.of(webhookSecret, Long.parseLong(r[2]), r[1]));
        }
        assertThat(new HashSet<>(grantByDelivery.values())).as("every grant heard of, none lost").hasSize((int) number(subscribedGrants));
    }

    /** {delivery id, body, timestamp, signature} of each webhook request the receiver got. */
    private final List<String[]> webhooks = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    /** A system subscribed to grant.made, with a real receiver here; returns its signing secret. */
    private String subscribeToGrants(String adminToken) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/grants", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            webhooks.add(new String[] {exchange.getRequestHeaders().getFirst("X-Zhida-Delivery"), new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Zhida-Timestamp"), exchange.getRequestHeaders().getFirst("X-Zhida-Signature")});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        HttpResponse<String> client = http.send(HttpRequest.newBuilder(url("/api/v1/admin/clients")).header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"国库\",\"scopes\":[\"grants:read\",\"webhooks:manage\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        String id = field(client.body(), "clientId");
        String secret = field(client.body(), "clientSecret");
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(url("/api/v1/oauth2/token"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> subscribed = http.send(HttpRequest.newBuilder(url("/api/v1/webhooks"))
                .header("Authorization", "Bearer " + field(token.body(), "access_token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/grants\",\"events\":[\"grant.made\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        return field(subscribed.body(), "secret");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    @AfterEach
    void stop() throws Exception {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (app != null && app.isAlive()) {
            app.destroy(); // SIGTERM: a graceful shutdown that stops its PostgreSQL too
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        Path lock = DATA.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(lock)) { // a failed test must not leave a server behind
            String pid = Files.readAllLines(lock).get(0).trim();
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroy);
        }
    }

    private Process start(String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + httpPort,
                "--zhida.embedded-db.data-dir=" + DATA.resolve("postgres").toAbsolutePath(),
                "--zhida.embedded-db.port=" + dbPort,
                "--zhida.demo.enterprises=1500",
                "--zhida.demo.activity=false",
                "--zhida.funds.no-application-cron=-",
                "--zhida.funds.disclosure-cron=-"));
        Files.createDirectories(DATA);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(DATA.resolve("app-" + name + ".log").toFile()).start();
    }

    private void awaitHealthy(Process process, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            assertThat(process.isAlive()).as("the application exited; see " + DATA + "/app-*.log").isTrue();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        });
        assertThat(process.isAlive()).isTrue();
    }

    private String token() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"zhida-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return m.group(1);
    }

    /** A CSV of new enterprises from the exchange, big enough to be mid-way when the JVM dies. */
    private long startImport(String token, int rows) throws Exception {
        StringBuilder csv = new StringBuilder("uscc,name,region,industry,employees\n");
        for (int i = 0; i < rows; i++) {
            String first17 = "91519921" + String.format("%08d", 80_000_000 + i) + "1";
            csv.append(first17).append(Uscc.checkCharacter(first17)).append(",崩溃测试企业").append(i).append("有限公司,519921,C3911,")
                    .append(10 + i % 90).append('\n');
        }
        String boundary = UUID.randomUUID().toString();
        byte[] body = multipart(boundary, csv.toString().getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/api/v1/enterprises/imports?source=" + enc("市场监管局企业登记系统") + "&asOf=2026-11-01"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(r.body());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static byte[] multipart(String boundary, byte[] file) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"crash.csv\"\r\nContent-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + file.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(file, 0, all, h.length, file.length);
        System.arraycopy(t, 0, all, h.length + file.length, t.length);
        return all;
    }

    /** Signs in through the login form, as a browser does (session cookie and CSRF token). */
    private void signIn(String username) throws Exception {
        String csrf = csrfOf("/login");
        HttpResponse<String> r = post("/login", "username=" + username + "&password=zhida-demo&_csrf=" + enc(csrf));
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/workbench");
    }

    private long previewAndConfirm() throws Exception {
        long[] id = new long[1];
        // the start-up matching runs in the background first; until it is done the preview is refused with a message
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String location = post("/funds/runs", "item=" + ITEM + "&_csrf=" + enc(csrfOf("/funds/runs"))).headers().firstValue("Location").orElse("");
            Matcher m = Pattern.compile("/funds/runs/(\\d+)$").matcher(location);
            if (m.find()) {
                id[0] = Long.parseLong(m.group(1));
                return true;
            }
            return false;
        });
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                "PREVIEW".equals(text("SELECT status FROM no_application_run WHERE id = " + id[0])));
        assertThat(number("SELECT planned FROM no_application_run WHERE id = " + id[0])).as("a run worth killing").isGreaterThan(200);
        post("/funds/runs/" + id[0] + "/confirm", "_csrf=" + enc(csrfOf("/funds/runs/" + id[0])));
        return id[0];
    }

    private String csrfOf(String page) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url(page)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(r.body());
        assertThat(m.find()).as("a CSRF token on " + page).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + httpPort + path);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "postgres");
    }

    private String text(String sql) throws SQLException {
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private long number(String sql) throws SQLException {
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private java.math.BigDecimal decimal(String sql) throws SQLException {
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1).stripTrailingZeros();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
