package io.zhida.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo city as a new user gets it: the packaged application generated with its twelve months of activity
 * (a child process on its own data folder, as `java -jar` starts it), then checked — every open application
 * task can be acted on by an account of its role, pools and grants add up, the cockpit follows the records.
 * The other integration tests run without the activity, so this is where a broken activity shows.
 */
class DemoCityIT {

    private static final Path JAR = Path.of("target", "zhida-app.jar");
    private static final Path DATA = Path.of("target", "demo-city-it");

    private final int httpPort = freePort();
    private final int dbPort = freePort();
    private Process app;

    @Test
    void everyOpenTaskHasSomeoneToActOnItAndTheMoneyAndTheCockpitAddUp() throws Exception {
        assertThat(JAR).as("the packaged application (mvn package runs before the integration tests)").exists();
        delete(DATA);
        Files.createDirectories(DATA);
        String java = ProcessHandle.current().info().command().orElse("java");
        // first a start that stops after the first match and before the activity, as a crash there leaves the city
        Path first = DATA.resolve("first.log");
        app = start(java, first, "--zhida.demo.activity=false");
        Awaitility.await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(app.isAlive()).as("the application exited; see " + first).isTrue();
            return Files.readString(first).contains("STARTUP match of");
        });
        app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(number("SELECT count(*) FROM application")).as("no activity yet").isZero();
        // the next start finds the match stored, rebuilds nothing, and still makes the year's activity
        Path log = DATA.resolve("app.log");
        app = start(java, log);
        Awaitility.await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(app.isAlive()).as("the application exited; see " + log).isTrue();
            String text = Files.readString(log);
            assertThat(text).as("an error at start-up; see " + log).doesNotContain(" ERROR ");
            return text.contains("Demo activity for the last 12 months generated");
        });

        assertThat(number("SELECT count(*) FROM application")).as("a year of applications").isGreaterThan(100);
        assertThat(number("SELECT count(*) FROM application WHERE status = 'DISPATCHED'")).as("some under review").isPositive();
        // 审核中: each responsible department has an undecided review (签收 and 审核 on its page) and a reviewer to do it
        assertThat(number("""
                SELECT count(*) FROM application a CROSS JOIN LATERAL unnest(a.departments) AS d(code) WHERE a.status = 'DISPATCHED'
                AND NOT EXISTS (SELECT 1 FROM application_review r WHERE r.application_id = a.id AND r.department_code = d.code AND r.decision IS NULL)""")).isZero();
        assertThat(number("""
                SELECT count(*) FROM application a CROSS JOIN LATERAL unnest(a.departments) AS d(code) WHERE a.status = 'DISPATCHED'
                AND NOT EXISTS (SELECT 1 FROM app_user u JOIN user_role ur ON ur.user_id = u.id AND ur.role IN ('REVIEWER', 'DEPT_HEAD')
                                JOIN department dp ON dp.id = u.department_id WHERE dp.code = d.code AND u.enabled)""")).as("no department without a reviewer").isZero();
        // 待受理 and 已受理: the window has a clerk
        assertThat(number("SELECT count(*) FROM app_user u JOIN user_role ur ON ur.user_id = u.id AND ur.role = 'CLERK' WHERE u.enabled")).isPositive();
        // payable grants: finance can pay them, or they wait (visibly) for the enterprise's account
        assertThat(number("SELECT count(*) FROM app_user u JOIN user_role ur ON ur.user_id = u.id AND ur.role = 'FINANCE' WHERE u.enabled")).isPositive();

        // finance has payable money it can pay now, and what waits for an enterprise's account does not run its time limit
        assertThat(number("""
                SELECT count(*) FROM fund_grant g JOIN bank_account b ON b.uscc = g.uscc WHERE g.status IN ('PAYABLE', 'FAILED')""")).as("payable with an account").isPositive();
        assertThat(number("""
                SELECT count(*) FROM fund_grant g WHERE g.status IN ('PAYABLE', 'FAILED')
                  AND NOT EXISTS (SELECT 1 FROM bank_account b WHERE b.uscc = g.uscc)""")).as("some wait for their account").isPositive();
        assertThat(number("""
                SELECT count(*) FROM application_task t JOIN fund_grant g ON g.application_id = t.application_id
                WHERE t.kind = 'PAY' AND t.done_at IS NULL AND t.paused_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM bank_account b WHERE b.uscc = g.uscc)""")).as("finance is not charged for a wait it cannot end").isZero();
        assertThat(number("SELECT count(*) FROM fund_grant g WHERE g.status = 'PAID' AND NOT EXISTS (SELECT 1 FROM bank_account b WHERE b.uscc = g.uscc)"))
                .as("nothing paid without an account").isZero();
        assertThat(number("SELECT count(*) FROM cockpit_report WHERE kind = 'MONTHLY'")).as("last month's 兑现 report is there to open").isPositive();
        // the supervision accounts each have work waiting: officer a task, agent requests, inspector a clue and findings,
        // the centre requests to dispatch, the call-back centre today's calls, the officials their enterprises and a demand
        assertThat(number("SELECT count(*) FROM experience_task WHERE officer = 'officer' AND status = 'ASSIGNED'")).as("officer's task").isPositive();
        assertThat(number("SELECT count(*) FROM assistance_request WHERE agent = 'agent' AND status IN ('DISPATCHED', 'PREPARING')")).isPositive();
        assertThat(number("SELECT count(*) FROM assistance_request WHERE status = 'REQUESTED'")).as("requests to dispatch").isPositive();
        assertThat(number("SELECT count(*) FROM assistance_request WHERE stars IS NOT NULL")).as("rated help").isPositive();
        assertThat(number("SELECT count(*) FROM discipline_clue WHERE status = 'OPEN'")).as("a clue for the 经信局").isPositive();
        assertThat(number("SELECT count(*) FROM problem WHERE category = 'EXPERIENCE'")).as("a verified finding on the ledger").isPositive();
        assertThat(number("SELECT count(*) FROM liaison_member WHERE official IS NULL")).as("every enterprise under 帮包 has its official").isZero();
        assertThat(number("SELECT count(*) FROM liaison_member WHERE tier = 'CITY'")).isPositive();
        assertThat(number("SELECT count(*) FROM callback_sample WHERE status = 'PENDING'")).as("today's call-backs").isPositive();
        assertThat(number("SELECT count(*) FROM monitoring_observation")).isPositive();
        assertThat(number("""
                SELECT count(*) FROM assistance_request r JOIN app_user u ON u.enterprise_uscc = r.uscc
                WHERE u.username = 'enterprise' AND r.status = 'CONFIRMING'""")).as("a prepared application for the enterprise to confirm").isPositive();
        assertThat(number("""
                SELECT count(*) FROM liaison_demand d JOIN app_user u ON u.enterprise_uscc = d.uscc
                WHERE u.username = 'enterprise' AND d.official = 'county'""")).as("the enterprise's demand waits for county").isPositive();
        // money: each pool's paid and reserved equal its grants; nothing paid above the approved amount
        assertThat(number("""
                SELECT count(*) FROM fund_pool p WHERE p.paid <> coalesce((SELECT sum(g.amount) FROM fund_grant g
                  WHERE g.item_code = p.item_code AND g.year = p.year AND g.status = 'PAID'), 0)""")).as("pools' paid = paid grants").isZero();
        assertThat(number("SELECT count(*) FROM fund_pool WHERE reserved + paid > budget")).as("no pool over its budget").isZero();
        assertThat(number("""
                SELECT count(*) FROM fund_grant g JOIN application a ON a.id = g.application_id
                WHERE g.status <> 'CANCELLED' AND g.amount > a.approved_amount""")).as("no grant above its approval").isZero();
        // the cockpit follows the records: its headline equals a count of them
        String leader = token("leader");
        HttpResponse<String> summary = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/api/v1/cockpit/summary"))
                .header("Authorization", "Bearer " + leader).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        BigDecimal paid = decimal("""
                SELECT coalesce(sum(amount), 0) FROM fund_grant WHERE status = 'PAID'
                AND (paid_at AT TIME ZONE 'Asia/Shanghai')::date > (now() AT TIME ZONE 'Asia/Shanghai')::date - 365""");
        assertThat(new BigDecimal(field(summary.body(), "paidAmount"))).as(summary.body()).isEqualByComparingTo(paid);
        long submitted = number("""
                SELECT count(*) FROM application WHERE (submitted_at AT TIME ZONE 'Asia/Shanghai')::date
                > (now() AT TIME ZONE 'Asia/Shanghai')::date - 365""");
        assertThat(Long.parseLong(field(summary.body(), "submitted"))).as(summary.body()).isEqualTo(submitted);
    }

    private Process start(String java, Path log, String... more) throws java.io.IOException {
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx1g", "-jar", JAR.toAbsolutePath().toString(), "--server.port=" + httpPort,
                "--zhida.embedded-db.data-dir=" + DATA.resolve("postgres").toAbsolutePath(), "--zhida.embedded-db.port=" + dbPort,
                "--zhida.demo.enterprises=3000"));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private String token(String username) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"zhida-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return field(r.body(), "token");
    }

    private static String field(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)\"?").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + httpPort + path);
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "postgres");
    }

    private long number(String sql) throws SQLException {
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private BigDecimal decimal(String sql) throws SQLException {
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
