package io.zhida.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.zhida.applications.Application;
import io.zhida.applications.Applications;
import io.zhida.applications.Ratings;
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
import io.zhida.rectification.Ledger;
import io.zhida.rectification.Problem;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.ModuleTest;
import io.zhida.support.Sessions;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The evaluation module on its own (with the modules it reads: applications, funds, matching, notify, rectification and
 * what they stand on; no cockpit, portal or demo city): the three rates from records the owners wrote, a campaign scored
 * and ranked, 背靠背 rules and a round checked before anything is written. No 公示 period, so a grant is payable at once.
 */
@ModuleTest
@TestPropertySource(properties = "zhida.funds.disclosure-working-days=0")
class EvaluationModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "evaluation");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    ThreeRates rates;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Indicators indicators;
    @Autowired
    Surveys surveys;
    @Autowired
    BackToBack backToBack;
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
    @Autowired
    Ledger ledger;

    ModuleFixtures fixtures;

    @BeforeEach
    void city() {
        fixtures = new ModuleFixtures(context).city();
    }

    @Test
    void withNothingRecordedTheRatesSayNoDataAndBadRequestsAndEnterprisesAreRefused() throws Exception {
        assertThat(modulesInContext()).contains("evaluation", "rectification", "applications", "funds", "notify", "matching")
                .doesNotContain("demo", "cockpit", "portal");
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

        String officer = "Bearer " + token("eval-officer-1");
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
        for (String path : List.of("/evaluation/rates", "/evaluation/campaigns", "/evaluation/b2b", "/evaluation/surveys")) {
            mvc.perform(get(path).cookie(enterprise)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/evaluation/rates").param("from", "2025-01-01").param("to", "2025-04-01")
                .header("Authorization", "Bearer " + token("eval-firm-101"))).andExpect(status().isForbidden());
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
        publish(library(item, "C-KJJ", "即申即享", "e.uscc in [\"%s\", \"%s\", \"%s\"]".formatted(a, b, c),
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
                        .header("Authorization", "Bearer " + token("eval-officer-2")))
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

    @Test
    void aCampaignIsScoredFromWhatTheUnitsEnteredAndRanksThem() throws Exception {
        fixtures.user("eval-officer-3", Role.EVALUATOR, null, null, null);
        fixtures.user("eval-jxj-3", Role.REVIEWER, null, "C-JXJ", null);
        fixtures.user("eval-czj-3", Role.REVIEWER, null, "C-CZJ", null);
        Cookie officer = login("eval-officer-3");
        Cookie jxj = login("eval-jxj-3");
        Cookie czj = login("eval-czj-3");
        LocalDate today = Today.date();
        long scheme = indicators.schemes().get(1).id();
        String name = "模块测试三评活动";

        mvc.perform(post("/evaluation/campaigns").param("name", name).param("scheme", String.valueOf(scheme))
                        .param("from", today.minusMonths(6).toString()).param("to", today.toString()).param("selfDeadline", today.plusDays(10).toString())
                        .param("threshold", "60").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", "请至少选择一个参评部门或县（区）"));
        assertThat(campaigns.all()).extracting(Campaign::name).doesNotContain(name);
        mvc.perform(post("/evaluation/campaigns").param("name", name).param("scheme", String.valueOf(scheme))
                        .param("from", today.minusMonths(6).toString()).param("to", today.toString()).param("selfDeadline", today.plusDays(10).toString())
                        .param("departments", "C-JXJ", "C-CZJ").param("threshold", "60").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("message", "评估活动已发起，参评部门可以开始自评"));
        Campaign campaign = campaigns.all().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        long id = campaign.id();
        List<Indicator> self = campaigns.selfLeaves(campaign);
        List<Indicator> third = indicators.leaves(scheme).keySet().stream().filter(i -> i.source() == Indicator.Source.THIRD_PARTY).toList();
        assertThat(self).isNotEmpty();
        assertThat(third).isNotEmpty();

        // each department fills in its own self-evaluation only, with scores 0–100
        mvc.perform(selfScores(post("/evaluation/campaigns/" + id + "/self/C-CZJ"), self, "100").param("submit", "true").cookie(jxj).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(campaigns.selfAnswers(id, "C-CZJ")).isEmpty();
        mvc.perform(post("/evaluation/campaigns/" + id + "/self/C-JXJ").param("score-" + self.get(0).id(), "120").cookie(jxj).with(csrf()))
                .andExpect(flash().attribute("error", "自评分应为 0–100"));
        assertThat(campaigns.selfAnswers(id, "C-JXJ")).isEmpty();
        mvc.perform(selfScores(post("/evaluation/campaigns/" + id + "/self/C-JXJ"), self, "90").param("submit", "true").cookie(jxj).with(csrf()))
                .andExpect(flash().attribute("message", "自评已提交"));
        mvc.perform(selfScores(post("/evaluation/campaigns/" + id + "/self/C-CZJ"), self, "50").param("submit", "true").cookie(czj).with(csrf()))
                .andExpect(flash().attribute("message", "自评已提交"));
        for (Indicator leaf : third) {
            campaigns.addThirdParty(id, "DEPARTMENT", "C-JXJ", leaf.id(), new BigDecimal("80"), "现场核查材料齐全", "测试营商环境研究院");
            campaigns.addThirdParty(id, "DEPARTMENT", "C-CZJ", leaf.id(), new BigDecimal("40"), "现场核查材料缺失", "测试营商环境研究院");
        }

        mvc.perform(post("/evaluation/campaigns/" + id + "/score").cookie(jxj).with(csrf())).andExpect(status().isForbidden());
        assertThat(campaigns.get(id).status()).isEqualTo("OPEN");
        mvc.perform(post("/evaluation/campaigns/" + id + "/score").cookie(officer).with(csrf())).andExpect(flash().attribute("message", "已按指标体系计分排名"));
        assertThat(campaigns.get(id).status()).isEqualTo("SCORED");

        // by hand: the weighted mean over the leaves with data — self-evaluation and third-party checks; no platform data
        Map<Indicator, BigDecimal> weights = indicators.leaves(scheme);
        BigDecimal selfWeight = self.stream().map(weights::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal thirdWeight = third.stream().map(weights::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal allWeight = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Campaign.Result> results = campaigns.results(id);
        assertThat(results).extracting(Campaign.Result::code).containsExactly("C-JXJ", "C-CZJ");
        Map<String, BigDecimal[]> entered = Map.of("C-JXJ", new BigDecimal[] {new BigDecimal("90"), new BigDecimal("80")},
                "C-CZJ", new BigDecimal[] {new BigDecimal("50"), new BigDecimal("40")});
        for (Campaign.Result r : results) {
            BigDecimal[] s = entered.get(r.code());
            BigDecimal expected = s[0].multiply(selfWeight).add(s[1].multiply(thirdWeight)).divide(selfWeight.add(thirdWeight), 2, RoundingMode.HALF_UP);
            assertThat(r.total()).as("total of %s", r.code()).isEqualByComparingTo(expected);
            assertThat(r.rank()).isEqualTo(r.code().equals("C-JXJ") ? 1 : 2);
            assertThat(r.ranked()).as("ranked only with data for half the weight (%s of %s)", selfWeight.add(thirdWeight), allWeight)
                    .isEqualTo(selfWeight.add(thirdWeight).compareTo(allWeight.divide(BigDecimal.valueOf(2))) >= 0);
            assertThat(campaigns.leafScores(id, "DEPARTMENT", r.code())).filteredOn(l -> l.source().equals("平台数据"))
                    .extracting(Campaign.LeafScore::score).containsOnlyNulls();
        }
        assertThat(campaigns.problems(id, "DEPARTMENT", "C-JXJ")).isEmpty();
        assertThat(campaigns.problems(id, "DEPARTMENT", "C-CZJ")).hasSize(self.size() + third.size());

        // the weak unit's problem list goes on the rectification ledger, once
        mvc.perform(post("/evaluation/campaigns/" + id + "/ledger").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("message", "已将 1 个单位的问题清单列入整改台账"));
        assertThat(campaigns.toLedger(id, "eval-officer-3")).isZero();
        List<Problem> problems = ledger.list(null, "DEPARTMENT", "C-CZJ", "EVALUATION", false);
        assertThat(problems).extracting(Problem::sourceRef).containsExactly("EVAL-" + id + "-DEPARTMENT-C-CZJ");
        assertThat(ledger.list(null, "DEPARTMENT", "C-JXJ", "EVALUATION", false)).isEmpty();
        mvc.perform(selfScores(post("/evaluation/campaigns/" + id + "/self/C-JXJ"), self, "100").cookie(jxj).with(csrf()))
                .andExpect(flash().attribute("error", "评估已计分，自评不能再修改"));
    }

    @Test
    void backToBackRulesAndARoundAreCheckedBeforeAnythingIsWritten() throws Exception {
        fixtures.user("eval-officer-4", Role.EVALUATOR, null, null, null);
        fixtures.user("eval-leader-4", Role.LEADER, null, null, null);
        Cookie officer = login("eval-officer-4");
        Map<String, String> rules = backToBack.ruleValues();
        assertThat(backToBack.rules().concentratedWeight()).isEqualTo(80);

        mvc.perform(post("/evaluation/b2b/rules").param("concentratedWeight", "120").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", containsString("应为整数（0–100）")));
        mvc.perform(post("/evaluation/b2b/rules").param("bonusPoints", "abc").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", containsString("分值应为逗号分隔的数字")));
        mvc.perform(post("/evaluation/b2b/rules").param("lastCounties", "1").param("topCounties", "99").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", containsString("应为整数（0–50）")));
        assertThat(backToBack.ruleValues()).as("a refused change writes none of its values").isEqualTo(rules);
        mvc.perform(post("/evaluation/b2b/rules").param("concentratedWeight", "70").cookie(login("eval-leader-4")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(backToBack.rules().concentratedWeight()).isEqualTo(80);
        mvc.perform(post("/evaluation/b2b/rules").param("concentratedWeight", "70").param("penaltyPoints", "0.3,0.6").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("message", "结果运用规则已保存，下一次计分起生效"));
        assertThat(backToBack.rules().concentratedWeight()).isEqualTo(70);
        assertThat(backToBack.rules().penalty()).containsExactly(new BigDecimal("0.3"), new BigDecimal("0.6"));

        // a round needs people in the sample library: none yet, so nothing is drawn and no round is recorded
        LocalDate today = Today.date();
        mvc.perform(post("/evaluation/b2b/rounds").param("name", "模块测试轮次").param("size", "2").param("from", today.minusMonths(1).toString())
                .param("to", today.toString()).param("seed", "42").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", "抽取人数 2 超过样本库在库人数 0"));
        assertThat(backToBack.rounds()).isEmpty();
        assertThatThrownBy(() -> backToBack.refresh("SUPERVISOR", List.of(List.of("甲", "测试监督员", "123", ModuleFixtures.COUNTY)), "eval-officer-4"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(backToBack.categories()).filteredOn(x -> x.code().equals("SUPERVISOR")).extracting(BackToBackRound.Category::active)
                .containsExactly(0L);
        assertThat(backToBack.refresh("SUPERVISOR", List.of(List.of("王一", "测试监督员", "13900000001", ModuleFixtures.COUNTY),
                List.of("李二", "测试监督员", "13900000002", ModuleFixtures.OTHER_COUNTY),
                List.of("张三", "测试监督员", "13900000003", "")), "eval-officer-4")).isEqualTo(3);
        mvc.perform(post("/evaluation/b2b/rounds").param("name", "模块测试轮次").param("size", "2").param("from", today.minusMonths(1).toString())
                .param("to", today.toString()).param("seed", "42").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("message", "已抽取 2 名评价人并发送评价链接"));
        BackToBackRound round = backToBack.rounds().get(0);
        assertThat(round.drawn()).isEqualTo(2);
        assertThat(backToBack.seats(round.id())).containsEntry("SUPERVISOR", 2);
        assertThat(backToBack.verify(round.id())).as("re-drawn from the recorded seed and candidates").isTrue();
        // nobody answered: scoring without a stated reason is refused and the round stays open
        mvc.perform(post("/evaluation/b2b/rounds/" + round.id() + "/score").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", "本轮回收率 0.0%，低于 30%：如仍要计分排名，请说明理由（不少于 5 个字）"));
        assertThat(backToBack.round(round.id()).status()).isEqualTo("OPEN");
        assertThat(backToBack.results(round.id())).isEmpty();
    }

    /** {@link ModuleFixtures#library} with a benefit type the catalog takes (资金奖励; it refused the 奖励 the fixture once wrote). */
    private static String library(String code, String department, String mode, String condition, String amount, long cap) {
        return ModuleFixtures.library(code, department, mode, condition, amount, cap).replace("benefit_type: 奖励", "benefit_type: 资金奖励");
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

    private static MockHttpServletRequestBuilder selfScores(MockHttpServletRequestBuilder request, List<Indicator> leaves, String score) {
        leaves.forEach(l -> request.param("score-" + l.id(), score).param("note-" + l.id(), "已按要求落实"));
        return request;
    }

    private Set<String> modulesInContext() {
        return Arrays.stream(context.getBeanDefinitionNames()).map(context::getType).filter(Objects::nonNull).map(Class::getName)
                .filter(n -> n.startsWith("io.zhida.")).map(n -> n.split("\\.")[2]).filter(m -> m.equals(m.toLowerCase()))
                .collect(Collectors.toSet());
    }

    private Cookie login(String username) throws Exception {
        return Sessions.login(mvc, username, ModuleFixtures.PASSWORD);
    }

    private String token(String username) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + ModuleFixtures.PASSWORD + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    private ZhidaUser principal(String username) {
        return (ZhidaUser) context.getBean(UserDetailsService.class).loadUserByUsername(username);
    }
}
