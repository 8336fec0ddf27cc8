package io.zhida.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.zhida.applications.Application;
import io.zhida.applications.Applications;
import io.zhida.applications.Ratings;
import io.zhida.evaluation.Survey;
import io.zhida.evaluation.Surveys;
import io.zhida.funds.BankAccounts;
import io.zhida.funds.Disclosure;
import io.zhida.funds.PayoutBatch;
import io.zhida.funds.PayoutBatches;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.notify.Inbox;
import io.zhida.notify.InboxMessage;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Today;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.Sessions;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The three rates: a city that recorded nothing has no rate (never 0% or 100%), a city that did counts what the owners recorded; bad requests and enterprises are refused. */
/*
 * The rates read the facts other modules publish, so to count real records this module test also starts their owners
 * (otherwise what @ModuleTest does: this module and what it depends on, its own database, its own fixtures).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, verifyAutomatically = false,
        extraIncludes = {"applications", "funds", "notify", "matching", "evaluation", "calendar", "catalog", "enterprise", "rectification"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "zhida.funds.disclosure-working-days=0")
class RatesModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "rates");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    ThreeRates rates;
    @Autowired
    Surveys surveys;
    @Autowired
    Inbox inbox;
    @Autowired
    Applications applications;
    @Autowired
    Ratings ratings;
    @Autowired
    Disclosure disclosure;
    @Autowired
    BankAccounts bankAccounts;
    @Autowired
    PayoutBatches payoutBatches;

    ModuleFixtures fixtures;

    @BeforeEach
    void city() {
        fixtures = new ModuleFixtures(context).city();
    }

    @Test
    void withNothingRecordedTheRatesSayNoDataAndBadRequestsAndEnterprisesAreRefused() throws Exception {
        assertThat(ModuleFixtures.modulesIn(context)).contains("rates", "applications", "funds", "evaluation").doesNotContain("backtoback", "demo", "cockpit",
                "portal");
        fixtures.user("eval-officer-1", Role.EVALUATOR, null, null, null);
        String firm = fixtures.enterprise(101, Map.of());
        fixtures.user("eval-firm-101", Role.ENTERPRISE, null, null, firm);
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);

        // a year in which this city recorded nothing: no rate at all, not 0% and not 100%
        List<RateRow> city = rates.rates(from, to, ThreeRates.GroupBy.CITY);
        assertThat(city).hasSize(1);
        RateRow row = city.get(0);
        assertThat(row.key()).isEqualTo("city");
        assertThat(row.name()).isEqualTo("测试市");
        for (Rate rate : List.of(row.awareness(), row.satisfaction(), row.fulfillment())) {
            assertThat(rate.denominator()).isZero();
            assertThat(rate.rate()).isNull();
            assertThat(rate.score()).isNull();
            assertThat(rate.percent()).isEqualTo("—");
        }
        assertThat(row.amountRate()).isNull();
        assertThat(rates.rates(from, to, ThreeRates.GroupBy.ITEM)).isEmpty();

        String officer = "Bearer " + Sessions.token(mvc, "eval-officer-1", ModuleFixtures.PASSWORD);
        String json = mvc.perform(get("/api/v1/evaluation/rates").param("from", from.toString()).param("to", to.toString())
                        .header("Authorization", officer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].key").value("city"))
                .andExpect(jsonPath("$[0].awareness.denominator").value(0)).andExpect(jsonPath("$[0].fulfillment.numerator").value(0))
                .andReturn().getResponse().getContentAsString();
        for (String measure : List.of("awareness", "satisfaction", "fulfillment")) {
            Map<String, Object> rate = JsonPath.read(json, "$[0]." + measure);
            assertThat(rate.get("rate")).as("%s has no rate", measure).isNull();
        }
        Map<String, Object> first = JsonPath.read(json, "$[0]");
        assertThat(first.get("amountRate")).isNull();
        Cookie officerSession = login("eval-officer-1");
        String page = mvc.perform(get("/evaluation/rates").param("from", from.toString()).param("to", to.toString()).param("groupBy", "city")
                .cookie(officerSession)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("—").doesNotContain("0.0%").doesNotContain("100.0%");

        // a reversed period, an unknown grouping, an impossible date: 400 with the reason
        mvc.perform(get("/api/v1/evaluation/rates").param("from", "2025-05-01").param("to", "2025-04-01").header("Authorization", officer))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("开始日期应不晚于结束日期")));
        mvc.perform(get("/api/v1/evaluation/rates").param("from", "2025-01-01").param("to", "2025-04-01").param("groupBy", "street")
                .header("Authorization", officer)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/evaluation/rates").param("from", "2025-02-30").param("to", "2025-04-01").header("Authorization", officer))
                .andExpect(status().isBadRequest());

        // an enterprise's user opens no evaluation page and no evaluation API
        Cookie enterprise = login("eval-firm-101");
        mvc.perform(get("/evaluation/rates").cookie(enterprise)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evaluation/rates").param("from", "2025-01-01").param("to", "2025-04-01")
                .header("Authorization", "Bearer " + Sessions.token(mvc, "eval-firm-101", ModuleFixtures.PASSWORD))).andExpect(status().isForbidden());
    }

    private Cookie login(String username) throws Exception {
        return Sessions.login(mvc, username, ModuleFixtures.PASSWORD);
    }

    private ZhidaUser principal(String username) {
        return (ZhidaUser) context.getBean(UserDetailsService.class).loadUserByUsername(username);
    }

    /** Publishes a library, saying what was wrong with it if the catalog refuses it. */
    private void publish(String yaml) {
        try {
            fixtures.publish(yaml);
        } catch (io.zhida.catalog.ImportRejectedException e) {
            throw new AssertionError("the catalog refused the fixture's library: " + e.problems(), e);
        }
    }

    private InboxMessage announcement(String uscc, String item) {
        return inbox.messages(uscc).all().stream().filter(m -> m.itemCodes().contains(item)).findFirst().orElse(null);
    }

    @Test
    void theThreeRatesCountWhatTheOwnersRecorded() throws Exception {
        String a = fixtures.enterprise(201, Map.of());
        String b = fixtures.enterprise(202, Map.of());
        String c = fixtures.enterprise(203, Map.of());
        fixtures.user("eval-firm-201", Role.ENTERPRISE, null, null, a);
        fixtures.user("eval-firm-202", Role.ENTERPRISE, null, null, b);
        fixtures.user("eval-officer-2", Role.EVALUATOR, null, null, null);
        String item = "EV-RATE-1";
        // 即申即享 for exactly these three enterprises (decided at submission, 8,000 yuan), handled by 市科技局
        publish(ModuleFixtures.library(item, "C-KJJ", "即申即享", "e.uscc in [\"%s\", \"%s\", \"%s\"]".formatted(a, b, c),
                "8000", 8000));
        LocalDate today = Today.date();
        LocalDate from = today.minusDays(30);

        // awareness: the platform announced the item to all three (matching → inbox); A reads it, B says "知晓" by phone
        for (String uscc : List.of(a, b, c)) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> announcement(uscc, item) != null);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> rates.rate(from, today, ThreeRates.GroupBy.ITEM, item).awareness().denominator() == 3);
        assertThat(rates.rate(from, today, ThreeRates.GroupBy.ITEM, item).awareness().numerator()).isZero();
        inbox.open(a, announcement(a, item).id());
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> rates.rate(from, today, ThreeRates.GroupBy.ITEM, item).awareness().numerator() == 1);
        long survey = surveys.create("三率测试问卷", null, item, 10, List.of(
                new Survey.NewQuestion(Survey.Kind.SINGLE, "是否知晓该政策", List.of("知晓", "不知晓"), "AWARENESS", true),
                new Survey.NewQuestion(Survey.Kind.RATING, "办理满意程度", List.of(), "SATISFACTION", true)), "eval-officer-2");
        List<Survey.Question> q = surveys.get(survey).questions();
        surveys.phone(survey, b, null, null, Map.of(q.get(0).id(), List.of("知晓"), q.get(1).id(), List.of("2")), "eval-officer-2");
        surveys.phone(survey, c, null, null, Map.of(q.get(0).id(), List.of("不知晓"), q.get(1).id(), List.of("4")), "eval-officer-2");
        assertThatThrownBy(() -> surveys.phone(survey, c, null, null, Map.of(q.get(0).id(), List.of("知晓"), q.get(1).id(), List.of("5")),
                "eval-officer-2")).as("once per respondent").isInstanceOf(InvalidInputException.class);

        // fulfilment: A and B apply and are approved at once (秒批); A's money is paid through a bank batch, B's is not due yet
        ZhidaUser firmA = principal("eval-firm-201");
        long applicationA = applications.submit(item, firmA, false, List.of());
        long applicationB = applications.submit(item, principal("eval-firm-202"), false, List.of());
        assertThat(applications.get(applicationA, firmA).status()).isEqualTo(Application.Status.APPROVED);
        assertThat(disclosure.endDisclosures()).isEqualTo(2);
        bankAccounts.confirm(a, "测试企业201有限公司", "测试银行青山支行", "6222000011112222");
        PayoutBatch batch = payoutBatches.create().orElseThrow();
        List<PayoutBatch.Line> lines = payoutBatches.lines(batch.id());
        assertThat(lines).extracting(PayoutBatch.Line::uscc).containsExactly(a);
        payoutBatches.settle(batch.id(), "回单.csv", new ByteArrayInputStream(("明细号,结果,失败原因\n" + lines.get(0).id() + ",成功,\n")
                .getBytes(StandardCharsets.UTF_8)));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> applications.get(applicationA, firmA).status() == Application.Status.PAID);
        assertThat(applications.get(applicationB, principal("eval-firm-202")).status()).isEqualTo(Application.Status.APPROVED);

        // satisfaction: A rates the finished transaction 5; the phone survey gave 2 (B) and 4 (C)
        ratings.rate(applicationA, firmA, 5, null);

        // by hand: awareness 2 of 3 (A read, B said 知晓, C did not); satisfaction 2 of 3 (5 and 4 of 5, 2, 4);
        // fulfilment 1 of 1 (A paid on time; B payable and not yet due is not counted), 8,000 approved and paid
        for (var group : List.of(Map.entry(ThreeRates.GroupBy.ITEM, item), Map.entry(ThreeRates.GroupBy.DEPARTMENT, "C-KJJ"),
                Map.entry(ThreeRates.GroupBy.REGION, ModuleFixtures.COUNTY))) {
            RateRow r = rates.rate(from, today, group.getKey(), group.getValue());
            assertThat(r.awareness()).as("awareness by %s", group.getKey()).isEqualTo(new Rate(2, 3));
            assertThat(r.satisfaction()).as("satisfaction by %s", group.getKey()).isEqualTo(new Rate(2, 3));
            assertThat(r.fulfillment()).as("fulfilment by %s", group.getKey()).isEqualTo(new Rate(1, 1));
            assertThat(r.approvedAmount()).isEqualByComparingTo("8000");
            assertThat(r.paidAmount()).isEqualByComparingTo("8000");
        }
        String at = "$[?(@.key == 'C-KJJ')]";
        mvc.perform(get("/api/v1/evaluation/rates").param("from", from.toString()).param("to", today.toString()).param("groupBy", "department")
                        .header("Authorization", "Bearer " + Sessions.token(mvc, "eval-officer-2", ModuleFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(at + ".name").value("市科技局"))
                .andExpect(jsonPath(at + ".awareness.rate").value(0.6667))
                .andExpect(jsonPath(at + ".satisfaction.rate").value(0.6667))
                .andExpect(jsonPath(at + ".fulfillment.rate").value(1.0))
                .andExpect(jsonPath(at + ".amountRate").value(1.0));
        // the drill-down lists the records behind a rate, the uncounted one first
        assertThat(rates.records("awareness", from, today, ThreeRates.GroupBy.ITEM, item, 100))
                .extracting(l -> l.uscc() + ":" + l.counted()).containsExactly(c + ":false", a + ":true", b + ":true");
    }
}
