package io.zhida.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.ZhidaApplication;
import io.zhida.catalog.PolicyAuthoring;
import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.engine.rule.Outcome;
import io.zhida.enterprise.AttributeCatalog;
import io.zhida.support.ZhidaIntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app nodes on one PostgreSQL: the test's own context (node A) and a second application context
 * started here against A's database (node B), as a second server behind a load balancer would be. What one
 * node changes, the other sees within two seconds — search, calculator, matches — and a change on one never
 * loses what the other stored; cluster-wide work (the start-up match, scheduled jobs) runs once.
 */
@ZhidaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeIT {

    private static final Duration WITHIN = Duration.ofSeconds(2);

    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    PolicyAuthoring authoring;
    @Autowired
    io.zhida.catalog.LegalReviews legalReviews;
    @Autowired
    AttributeCatalog attributes;
    @Autowired
    MatchingService matchingA;
    @Autowired
    io.zhida.enterprise.ProfileUpdates updates;
    @Autowired
    io.zhida.identity.SystemClients systemClientsA;
    @Autowired
    io.zhida.integration.internal.WebhookDispatcher dispatcherA;

    private ConfigurableApplicationContext nodeB;
    private final HttpClient http = HttpClient.newHttpClient();
    private String b;
    private String token;

    @BeforeAll
    void startNodeB() throws Exception {
        long runsBefore = runs();
        nodeB = new SpringApplicationBuilder(ZhidaApplication.class).profiles("test").properties(
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                "server.port=0", "zhida.demo.enabled=false", "spring.main.banner-mode=off").run();
        b = "http://localhost:" + ((WebServerApplicationContext) nodeB).getWebServer().getPort();
        token = token();
        assertThat(runs()).as("node B did not run the start-up match again").isEqualTo(runsBefore);
        assertThat(nodeB.getBean(MatchingService.class).ready()).isTrue();
    }

    @AfterAll
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void whatOneNodeChangesTheOtherSeesAndNothingStoredIsLost() throws Exception {
        exchange.importYaml(item("e.region == \"519921\" && e.employees >= 10"), true); // published on node A
        String uscc = matchingA.forItem("T-TWO-1", Outcome.ELIGIBLE, null, 0, 1).get(0).uscc();

        within(() -> get("/api/v1/policy-items?q=" + enc("两节点测试")).contains("T-TWO-1"));
        within(() -> calculator("{\"item\": \"T-TWO-1\", \"enterprise\": {\"region\": \"519921\", \"employees\": 20}}").contains("ELIGIBLE"));
        within(() -> get("/api/v1/enterprises/" + uscc + "/matches").contains("\"T-TWO-1\""));
        assertThat(nodeB.getBean(MatchingService.class).forEnterprise(uscc)).anyMatch(m -> m.itemCode().equals("T-TWO-1"));

        // an unrelated change of the enterprise's profile, sent to node B, keeps the match node A stored
        int employees = jdbc.sql("SELECT employees FROM enterprise WHERE uscc = ?").param(uscc).query(Integer.class).single();
        String updated = post("/api/v1/enterprises", "{\"uscc\": \"" + uscc + "\", \"employees\": " + (employees + 1) + "}");
        assertThat(updated).contains(uscc);
        within(() -> matchingA.forEnterprise(uscc).stream().anyMatch(m -> m.itemCode().equals("T-TWO-1"))
                && jdbc.sql("SELECT employees FROM enterprise WHERE uscc = ?").param(uscc).query(Integer.class).single() == employees + 1);
        assertThat(get("/api/v1/enterprises/" + uscc + "/matches")).contains("\"T-TWO-1\"");
        assertThat(nodeB.getBean(MatchingService.class).forEnterprise(uscc)).anyMatch(m -> m.itemCode().equals("T-TWO-1"));

        // revised on A so that nobody qualifies: B's answers follow
        exchange.importYaml(item("e.employees >= 100000000"), true);
        within(() -> !get("/api/v1/enterprises/" + uscc + "/matches").contains("\"T-TWO-1\""));
        assertThat(nodeB.getBean(MatchingService.class).countForItem("T-TWO-1", Outcome.ELIGIBLE, null)).isZero();

        // abolished on A: gone from B's search and calculator
        authoring.abolish("T-TWO-1", "两节点测试结束");
        within(() -> !get("/api/v1/policy-items?q=" + enc("两节点测试")).contains("T-TWO-1"));
        within(() -> calculator("{\"item\": \"T-TWO-1\", \"enterprise\": {\"employees\": 20}}").contains("404"));

        // an attribute declared on A can be used in rules on B at once
        attributes.declare(new AttributeCatalog.Declared("two_node_score", "两节点测试分", "int", "分", "测试系统", "C-JXJ", null),
                new io.zhida.identity.ZhidaUser(0, "admin", "系统管理员", null, java.util.Set.of(io.zhida.identity.Role.ADMIN), null, null,
                        null, null, true, null, true));
        within(() -> calculator("{\"condition\": \"e.two_node_score > 1\", \"enterprise\": {\"two_node_score\": 2}}").contains("ELIGIBLE"));
        // … and in items published and matched on A itself, with the data set on either node
        exchange.importYaml(item("e.two_node_score >= 2").replace("T-TWO-1", "T-TWO-2"), true);
        assertThat(post("/api/v1/enterprises", "{\"uscc\": \"" + uscc + "\", \"two_node_score\": 3}")).contains(uscc); // on B
        within(() -> matchingA.forEnterprise(uscc).stream().anyMatch(m -> m.itemCode().equals("T-TWO-2"))
                && get("/api/v1/enterprises/" + uscc + "/matches").contains("\"T-TWO-2\""));
        String other = jdbc.sql("SELECT uscc FROM enterprise WHERE uscc <> ? ORDER BY uscc LIMIT 1").param(uscc).query(String.class).single();
        updates.upsert(java.util.Map.of("uscc", other, "two_node_score", 5), "测试系统", io.zhida.platform.Today.date(), admin()); // on A
        within(() -> get("/api/v1/enterprises/" + other + "/matches").contains("\"T-TWO-2\"")
                && matchingA.forEnterprise(other).stream().anyMatch(m -> m.itemCode().equals("T-TWO-2")));
    }

    private static io.zhida.identity.ZhidaUser admin() {
        return new io.zhida.identity.ZhidaUser(0, "admin", "系统管理员", null, java.util.Set.of(io.zhida.identity.Role.ADMIN), null, null,
                null, null, true, null, true);
    }

    @Test
    void aScheduledJobRunsOnceForTheCluster() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM match_run WHERE kind = 'NIGHTLY'").query(Long.class).single();
        CompletableFuture<Void> a = CompletableFuture.runAsync(matchingA::nightly);
        CompletableFuture<Void> other = CompletableFuture.runAsync(nodeB.getBean(MatchingService.class)::nightly);
        CompletableFuture.allOf(a, other).get();
        assertThat(jdbc.sql("SELECT count(*) FROM match_run WHERE kind = 'NIGHTLY'").query(Long.class).single()).isEqualTo(before + 1);
    }

    /**
     * A system registered on A takes its token on B; it subscribes on B, the event happens on A, and both nodes sending
     * at once deliver it once; disabled on A, its token stops on B at once.
     */
    @Test
    void aSystemWorksThroughEitherNodeAndEachWebhookIsDeliveredOnce() throws Exception {
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        receiver.createContext("/hooks", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("X-Zhida-Delivery") + " " + new String(exchange.getRequestBody().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            io.zhida.identity.SystemClients clientsA = systemClientsA;
            io.zhida.identity.SystemClients.Credentials system = clientsA.register("两节点对接系统", java.util.List.of("webhooks:manage"), "admin");
            String basic = java.util.Base64.getEncoder().encodeToString((system.client().clientId() + ":" + system.secret())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(b + "/api/v1/oauth2/token"))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(issued.statusCode()).isEqualTo(200);
            String systemToken = issued.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            HttpResponse<String> subscribed = http.send(HttpRequest.newBuilder(URI.create(b + "/api/v1/webhooks"))
                    .header("Authorization", "Bearer " + systemToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                            + "/hooks\",\"events\":[\"item.published\"]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(subscribed.statusCode()).isEqualTo(201);

            exchange.importYaml(item("e.employees >= 1").replace("T-TWO-1", "T-TWO-HOOK"), true); // on A
            java.time.Instant later = java.time.Instant.now().plusSeconds(1);
            CompletableFuture<Integer> onA = CompletableFuture.supplyAsync(() -> dispatcherA.dispatch(later));
            CompletableFuture<Integer> onB = CompletableFuture.supplyAsync(() -> nodeB.getBean(io.zhida.integration.internal.WebhookDispatcher.class)
                    .dispatch(later));
            CompletableFuture.allOf(onA, onB).get();
            assertThat(received).filteredOn(r -> r.contains("T-TWO-HOOK")).hasSize(1);

            clientsA.disable(system.client().id(), "admin");
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(b + "/api/v1/webhooks"))
                    .header("Authorization", "Bearer " + systemToken).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
        } finally {
            receiver.stop(0);
        }
    }

    private static String item(String condition) {
        return """
                documents: []
                items:
                  - code: T-TWO-1
                    name: 两节点测试补贴
                    departments: [C-JXJ]
                    mode: 免申即享
                    condition: %s // 条件
                    benefit_type: 资金补贴
                    amount: "1000"
                """.formatted(condition);
    }

    @Test
    void aDocumentPassedOnOneNodeIsPublicOnTheOther() throws Exception {
        authoring.saveDocument(new io.zhida.catalog.PolicyDocument(null, "示两节点文〔2026〕1号", "两节点合法性审查测试文件", "市", "市经济和信息化局",
                java.time.LocalDate.of(2026, 11, 1), null, null, "第一条 支持双节点协同审查。", java.util.List.of(), java.util.List.of(),
                java.util.List.of(), "EFFECTIVE"));
        long id = jdbc.sql("SELECT id FROM policy_document WHERE doc_number = '示两节点文〔2026〕1号'").query(Long.class).single();
        assertThat(publicGet("/portal/documents/" + id)).startsWith("404");
        assertThat(publicGet("/portal/policies?q=" + java.net.URLEncoder.encode("双节点协同审查", java.nio.charset.StandardCharsets.UTF_8)))
                .doesNotContain("两节点合法性审查测试文件");
        var justice = (io.zhida.identity.ZhidaUser) nodeB.getBean(org.springframework.security.core.userdetails.UserDetailsService.class)
                .loadUserByUsername("reviewer-sfj");
        legalReviews.decide(justice, id, true, "合法");
        within(() -> publicGet("/portal/documents/" + id).startsWith("200"));
        within(() -> publicGet("/portal/policies?q=" + java.net.URLEncoder.encode("双节点协同审查", java.nio.charset.StandardCharsets.UTF_8))
                .contains("两节点合法性审查测试文件"));
    }

    private String publicGet(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(b + path)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private long runs() {
        return jdbc.sql("SELECT count(*) FROM match_run").query(Long.class).single();
    }

    private void within(Callable<Boolean> seen) {
        Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(seen);
    }

    private String token() throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(b + "/api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"zhida-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(b + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private String post(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(b + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private String calculator(String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(b + "/api/v1/calculator")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
