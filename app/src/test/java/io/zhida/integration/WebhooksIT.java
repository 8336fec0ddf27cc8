package io.zhida.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.integration.internal.WebhookDispatcher;
import io.zhida.integration.internal.WebhookRows;
import io.zhida.integration.internal.WebhookSignature;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.Sessions;
import io.zhida.support.SystemClientsFixture;
import io.zhida.support.ZhidaIntegrationTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Other systems: an administrator registers one, it takes a client-credentials token, reaches only the handlers its
 * scopes name, and receives signed webhooks from the outbox, retried until its receiver answers, never twice.
 */
@ZhidaIntegrationTest
class WebhooksIT {

    /** A real local HTTP receiver: records each request, answers 500 to the first {@code failures}, then 200. */
    record Received(String event, String delivery, String timestamp, String signature, String body) {
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    PolicyLibraryExchange library;
    @Autowired
    WebhookDispatcher dispatcher;
    @Autowired
    WebhookRows rows;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.zhida.funds.Grants grants;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failures = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            received.add(new Received(h.getFirst("X-Zhida-Event"), h.getFirst("X-Zhida-Delivery"), h.getFirst("X-Zhida-Timestamp"),
                    h.getFirst("X-Zhida-Signature"), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(failures.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aSystemIsRegisteredTakesATokenAndReachesOnlyWhatItsScopesName() throws Exception {
        String admin = "Bearer " + Sessions.token(mvc, "admin");
        mvc.perform(post("/api/v1/admin/clients").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"错误系统\",\"scopes\":[\"everything:write\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scopes"));
        mvc.perform(post("/api/v1/admin/clients").header("Authorization", "Bearer " + Sessions.token(mvc, "clerk"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"越权登记\",\"scopes\":[\"matches:read\"]}")).andExpect(status().isForbidden());
        String[] client = register(admin, "12345 热线系统", "matches:read", "webhooks:manage");

        mvc.perform(post("/api/v1/oauth2/token").header("Authorization", basic(client[0], "wrong-secret"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("grant_type=client_credentials"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("invalid_client"));
        mvc.perform(post("/api/v1/oauth2/token").header("Authorization", basic(client[0], client[1]))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("grant_type=password"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("unsupported_grant_type"));
        mvc.perform(post("/api/v1/oauth2/token").header("Authorization", basic(client[0], client[1]))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("grant_type=client_credentials&scope=applications:write"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_scope"));

        String full = token(client, null);
        String uscc = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc LIMIT 1").query(String.class).single();
        mvc.perform(get("/api/v1/enterprises/" + uscc + "/matches").header("Authorization", full)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray());
        mvc.perform(get("/api/v1/me").header("Authorization", full)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/users").header("Authorization", full)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/webhooks").header("Authorization", "Bearer " + Sessions.token(mvc, "admin")))
                .andExpect(status().isForbidden()); // webhooks are a system's, not a person's

        String narrowed = token(client, "webhooks:manage");
        mvc.perform(get("/api/v1/enterprises/" + uscc + "/matches").header("Authorization", narrowed)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/webhooks").header("Authorization", narrowed)).andExpect(status().isOk());

        long id = Long.parseLong(client[2]);
        mvc.perform(post("/api/v1/admin/clients/" + id + "/disable").header("Authorization", admin)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/webhooks").header("Authorization", narrowed)).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'client.token' AND actor = ?").param("client:" + client[0])
                .query(Long.class).single()).as("each token issued is audited").isEqualTo(2);
    }

    @Test
    void aWebhookIsSignedRetriedUntilTheReceiverAnswersAndNeverSentTwice() throws Exception {
        String admin = "Bearer " + Sessions.token(mvc, "admin");
        String[] client = register(admin, "省一体化平台", "webhooks:manage");
        String bearer = token(client, null);
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        mvc.perform(post("/api/v1/webhooks").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + url + "\",\"events\":[\"grant.made\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("订阅 grant.made 需要 grants:read 权限"));
        mvc.perform(post("/api/v1/webhooks").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"file:///etc/passwd\",\"events\":[\"item.published\"]}")).andExpect(status().isBadRequest());
        String subscribed = mvc.perform(post("/api/v1/webhooks").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + url + "\",\"events\":[\"item.published\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(subscribed, "$.secret");

        failures.set(2);
        library.importYaml(ModuleFixtures.library("WH-ITEM-1", "C-JXJ", "承诺即享", "e.employees >= 10", "1000.0", 5000), true);
        Instant now = Instant.now();
        dispatcher.dispatch(now);
        assertThat(received).hasSize(1);
        dispatcher.dispatch(now.plusSeconds(5));
        assertThat(received).as("not due again before its back-off").hasSize(1);
        dispatcher.dispatch(now.plusSeconds(31));
        assertThat(received).hasSize(2);
        dispatcher.dispatch(now.plusSeconds(31 + 61));
        assertThat(received).as("the third try is answered").hasSize(3);
        dispatcher.dispatch(now.plus(Duration.ofHours(2)));
        assertThat(received).as("delivered once, not again").hasSize(3);

        assertThat(received).extracting(Received::delivery).containsOnly(received.get(0).delivery());
        for (Received r : received) {
            assertThat(r.event()).isEqualTo("item.published");
            assertThat(r.signature()).isEqualTo(WebhookSignature.of(secret, Long.parseLong(r.timestamp()), r.body()));
            assertThat(r.signature()).isNotEqualTo(WebhookSignature.of(secret, Long.parseLong(r.timestamp()) - 1, r.body()));
            assertThat((String) JsonPath.read(r.body(), "$.data.itemCode")).isEqualTo("WH-ITEM-1");
        }
        String log = mvc.perform(get("/api/v1/webhooks/deliveries").header("Authorization", bearer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(log, "$.rows[*].status")).containsExactly("DELIVERED");
        assertThat((List<Integer>) JsonPath.read(log, "$.rows[*].attempts")).containsExactly(3);

        // replayed on request: the same delivery id again
        long delivery = ((Number) JsonPath.read(log, "$.rows[0].id")).longValue();
        mvc.perform(post("/api/v1/webhooks/deliveries/" + delivery + "/replay").header("Authorization", bearer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));
        dispatcher.dispatch(Instant.now());
        assertThat(received).hasSize(4);
        assertThat(received.get(3).delivery()).isEqualTo(received.get(0).delivery());
        String other = token(register(admin, "别的系统", "webhooks:manage"), null);
        mvc.perform(post("/api/v1/webhooks/deliveries/" + delivery + "/replay").header("Authorization", other)).andExpect(status().isNotFound());
    }

    /**
     * A node that committed the change and then died — before sending, or after taking the delivery but before the
     * receiver got it — loses nothing: the outbox row is there, and its lease ends; and it is sent once, not twice.
     */
    @Test
    void aDeliveryCommittedWithItsChangeSurvivesADeadSenderAndIsSentOnce() throws Exception {
        String admin = "Bearer " + Sessions.token(mvc, "admin");
        String[] client = register(admin, "财政国库系统", "webhooks:manage");
        String bearer = token(client, null);
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        mvc.perform(post("/api/v1/webhooks").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"" + url + "\",\"events\":[\"item.published\"]}")).andExpect(status().isCreated());
        library.importYaml(ModuleFixtures.library("WH-ITEM-2", "C-JXJ", "承诺即享", "e.employees >= 10", "1000.0", 5000), true);

        Instant now = Instant.now();
        assertThat(rows.claim(now, now.plus(Duration.ofMinutes(2)), 50)).as("a sender takes it, then dies")
                .filteredOn(d -> d.url().equals(url)).hasSize(1);
        dispatcher.dispatch(now.plusSeconds(10));
        assertThat(received).as("nobody sends it while the dead sender's lease runs").isEmpty();
        dispatcher.dispatch(now.plus(Duration.ofMinutes(3)));
        assertThat(received).as("after the lease it is sent").hasSize(1);
        dispatcher.dispatch(now.plus(Duration.ofMinutes(10)));
        assertThat(received).as("and only once").hasSize(1);
        assertThat((String) JsonPath.read(received.get(0).body(), "$.data.itemCode")).isEqualTo("WH-ITEM-2");
    }

    @Test
    void theAdministratorRegistersASystemOnItsPageAndSeesTheSecretOnce() throws Exception {
        jakarta.servlet.http.Cookie admin = Sessions.login(mvc, "admin");
        String empty = mvc.perform(post("/admin/clients").param("name", "").cookie(admin)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("请至少选择一项权限").doesNotContain("客户端密钥：");
        var registered = mvc.perform(post("/admin/clients").param("name", "市财政国库集中支付系统").param("scopes", "grants:read")
                        .cookie(admin).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andReturn(); // redirected: a reload registers nothing twice
        Object credentials = registered.getFlashMap().get("created");
        String created = mvc.perform(get("/admin/clients").cookie(admin).flashAttr("created", credentials)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String secret = created.replaceAll("(?s).*客户端密钥：<code[^>]*>([^<]+)</code>.*", "$1");
        assertThat(secret).hasSizeGreaterThan(40);
        mvc.perform(post("/admin/clients").param("name", "市财政国库集中支付系统").param("scopes", "grants:read").cookie(admin)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("已有同名的对接系统在用")));
        String listed = mvc.perform(get("/admin/clients").cookie(admin)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(listed).contains("市财政国库集中支付系统").contains("读取兑现和拨付").doesNotContain(secret);
        mvc.perform(get("/admin/clients").cookie(Sessions.login(mvc, "clerk"))).andExpect(status().isForbidden());
    }

    /** The 12345 hotline hands over an appeal under its reference, follows it, and hears the answer by webhook. */
    @Test
    void theHotlineHandsOverAnAppealOnceAndHearsTheDepartmentsAnswer() throws Exception {
        String admin = "Bearer " + Sessions.token(mvc, "admin");
        String[] hotline = register(admin, "12345 政务服务便民热线", "appeals:write", "webhooks:manage");
        String bearer = token(hotline, null);
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        mvc.perform(post("/api/v1/webhooks").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"" + url + "\",\"events\":[\"appeal.answered\"]}")).andExpect(status().isCreated());
        String uscc = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc DESC LIMIT 1").query(String.class).single();
        String appeal = "{\"reference\":\"12345-20261129-0001\",\"uscc\":\"" + uscc + "\",\"kind\":\"REQUEST\","
                + "\"content\":\"企业反映技改补贴申报后长时间无人联系（来自 12345 热线）\"}";
        String created = mvc.perform(post("/api/v1/appeals").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(appeal))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED")).andReturn().getResponse().getContentAsString();
        String number = JsonPath.read(created, "$.number");
        mvc.perform(post("/api/v1/appeals").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(appeal))
                .andExpect(status().isOk()).andExpect(jsonPath("$.number").value(number)); // the same reference is taken once
        assertThat(jdbc.sql("SELECT count(*) FROM appeal WHERE source_ref = '12345-20261129-0001'").query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/api/v1/appeals").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content(appeal.replace("REQUEST", "SHOUT").replace("0001", "0002")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(post("/api/v1/appeals").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content(appeal.replace(uscc, "91519921MA00000000").replace("0001", "0003")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("uscc"));
        mvc.perform(post("/api/v1/appeals").header("Authorization", token(register(admin, "只读系统", "matches:read"), null))
                .contentType(MediaType.APPLICATION_JSON).content(appeal)).andExpect(status().isForbidden());

        long id = jdbc.sql("SELECT id FROM appeal WHERE number = ?").param(number).query(Long.class).single();
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        mvc.perform(post("/appeals/" + id + "/dispatch").param("departmentCode", "C-JXJ").param("workingDays", "5")
                .cookie(Sessions.login(mvc, "evaluator")).with(csrf));
        mvc.perform(post("/appeals/" + id + "/answer").param("answer", "已联系企业，材料已补齐，预计下周办结").cookie(Sessions.login(mvc, "reviewer")).with(csrf));
        mvc.perform(get("/api/v1/appeals/12345-20261129-0001").header("Authorization", bearer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANSWERED")).andExpect(jsonPath("$.answer").value("已联系企业，材料已补齐，预计下周办结"));
        mvc.perform(get("/api/v1/appeals/12345-20261129-0001").header("Authorization", token(register(admin, "别家热线", "appeals:write"), null)))
                .andExpect(status().isNotFound()); // another system's reference space
        dispatcher.dispatch(Instant.now());
        assertThat(received).extracting(Received::event).containsExactly("appeal.answered");
        assertThat((String) JsonPath.read(received.get(0).body(), "$.data.reference")).isEqualTo("12345-20261129-0001");
    }

    @Test
    void theTreasuryReadsGrantsByEnterpriseItemAndPeriod() throws Exception {
        String admin = "Bearer " + Sessions.token(mvc, "admin");
        String bearer = token(register(admin, "财政国库支付系统", "grants:read"), null);
        String uscc = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc LIMIT 1 OFFSET 7").query(String.class).single();
        grants.grant(new io.zhida.funds.GrantRequest(uscc, "国库测试企业", "519921", "WH-GRANT", "国库接口测试事项", 2031,
                new java.math.BigDecimal("3000"), new java.math.BigDecimal("3000"), null, null, new java.math.BigDecimal("100000"),
                io.zhida.funds.GrantRoute.NO_APPLICATION, null, null, "system", null));
        String[] grant = {uscc, "WH-GRANT", "2031"};
        String page = mvc.perform(get("/api/v1/grants").param("uscc", grant[0]).param("item", grant[1]).param("period", grant[2])
                        .header("Authorization", bearer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(page, "$.total")).isEqualTo(1);
        assertThat((String) JsonPath.read(page, "$.rows[0].uscc")).isEqualTo(grant[0]);
        mvc.perform(get("/api/v1/grants").param("uscc", "123").header("Authorization", bearer)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/grants").param("size", "100000").header("Authorization", bearer)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/grants").header("Authorization", "Bearer " + Sessions.token(mvc, "finance"))).andExpect(status().isForbidden());
    }

    @Test
    void theProvincialPlatformFollowsAnApplicationsProgress() throws Exception {
        library.importYaml(ModuleFixtures.library("WH-APPLY", "C-JXJ", "承诺即享", "e.employees >= 1", "1000.0", 5000), true);
        jakarta.servlet.http.Cookie enterprise = Sessions.login(mvc, "enterprise");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/applications").param("item", "WH-APPLY")
                .param("commitment", "true").cookie(enterprise)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        String number = jdbc.sql("SELECT number FROM application WHERE item_code = 'WH-APPLY'").query(String.class).single();
        String admin = "Bearer " + Sessions.token(mvc, "admin");
        String platform = token(register(admin, "省一体化政务服务平台", "applications:read"), null);
        mvc.perform(get("/api/v1/applications/" + number).header("Authorization", platform)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED")).andExpect(jsonPath("$.itemCode").value("WH-APPLY"))
                .andExpect(jsonPath("$.timeline[0].step").value("SUBMITTED"));
        mvc.perform(get("/api/v1/applications/SQ20990101-999999").header("Authorization", platform)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/applications/not-a-number").header("Authorization", platform)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/applications/" + number).header("Authorization", token(register(admin, "无关系统", "matches:read"), null)))
                .andExpect(status().isForbidden());
    }

    /** A 帮办 service applies for an enterprise only once its 法定代表人 authorized it, and the timeline says so. */
    @Test
    void aSystemAppliesForAnEnterpriseOnlyWithItsAuthorization() throws Exception {
        library.importYaml("""
                documents: []
                items:
                  - code: WH-ONBEHALF
                    name: 代为申报测试补贴
                    departments: [C-JXJ]
                    mode: 承诺即享
                    condition: e.employees >= 1
                    materials:
                      - {name: 项目申报书, shared: false}
                    benefit_type: 资金补贴
                    amount: "6000"
                    time_limit_days: 10
                    annual_budget: 500000
                """, true);
        String admin = "Bearer " + Sessions.token(mvc, "admin");
        String[] helper = register(admin, "帮办代办服务中心", "applications:write", "applications:read");
        String bearer = token(helper, null);
        String uscc = jdbc.sql("SELECT enterprise_uscc FROM app_user WHERE username = 'enterprise'").query(String.class).single();
        var pdf = new org.springframework.mock.web.MockMultipartFile("material-0", "申报书.pdf", "application/pdf",
                "%PDF-1.4\n% on behalf\n".getBytes(StandardCharsets.US_ASCII));
        var submit = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/applications").file(pdf)
                .param("uscc", uscc).param("item", "WH-ONBEHALF").param("commitment", "true").header("Authorization", bearer);
        mvc.perform(submit).andExpect(status().isForbidden()); // not authorized yet
        assertThat(jdbc.sql("SELECT count(*) FROM application WHERE item_code = 'WH-ONBEHALF'").query(Long.class).single()).isZero();

        jakarta.servlet.http.Cookie enterprise = Sessions.login(mvc, "enterprise"); // the enterprise's first account speaks for it
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        mvc.perform(post("/my/agents/systems").param("client", helper[2]).cookie(enterprise).with(csrf)).andExpect(status().is3xxRedirection());
        String created = mvc.perform(submit).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(created, "$.timeline[0].note")).contains("经企业授权，由「帮办代办服务中心」代为提交");
        mvc.perform(submit).andExpect(status().isBadRequest()); // once a year, whoever submits
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/applications")
                .param("uscc", uscc).param("item", "WH-ONBEHALF").param("commitment", "true").header("Authorization", token(register(admin,
                        "只读平台", "applications:read"), null))).andExpect(status().isForbidden()); // the scope, not just any system

        long grant = jdbc.sql("SELECT id FROM enterprise_system_grant WHERE uscc = ? AND withdrawn_at IS NULL").param(uscc).query(Long.class).single();
        mvc.perform(post("/my/agents/systems/" + grant + "/withdraw").cookie(enterprise).with(csrf)).andExpect(status().is3xxRedirection());
        library.importYaml(ModuleFixtures.library("WH-ONBEHALF-2", "C-JXJ", "承诺即享", "e.employees >= 1", "1000.0", 5000), true);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/applications")
                .param("uscc", uscc).param("item", "WH-ONBEHALF-2").param("commitment", "true").header("Authorization", bearer))
                .andExpect(status().isForbidden()); // withdrawn
    }

    /** {clientId, secret, id} of a newly registered system. */
    private String[] register(String admin, String name, String... scopes) throws Exception {
        SystemClientsFixture.Registered r = SystemClientsFixture.register(mvc, admin, name, scopes);
        return new String[] {r.clientId(), r.secret(), String.valueOf(r.id())};
    }

    private String token(String[] client, String scope) throws Exception {
        return SystemClientsFixture.bearer(mvc, new SystemClientsFixture.Registered(client[0], client[1], Long.parseLong(client[2])), scope);
    }

    private static String basic(String id, String secret) {
        return SystemClientsFixture.basic(id, secret);
    }
}
