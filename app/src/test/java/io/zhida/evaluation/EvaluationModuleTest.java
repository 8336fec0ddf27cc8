package io.zhida.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.notify.Inbox;
import io.zhida.notify.InboxMessage;
import io.zhida.platform.Today;
import io.zhida.rectification.Ledger;
import io.zhida.rectification.Problem;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.ModuleTest;
import io.zhida.support.Sessions;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The campaigns and surveys module on its own (with what it stands on: the rates, rectification, catalog, identity; no
 * applications, cockpit, portal or demo city): a campaign scored from what the units entered, and ranked.
 */
@ModuleTest
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
    Campaigns campaigns;
    @Autowired
    Indicators indicators;
    @Autowired
    Inbox inbox;
    @Autowired
    Ledger ledger;

    ModuleFixtures fixtures;

    @BeforeEach
    void city() {
        fixtures = new ModuleFixtures(context).city();
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

    private Cookie login(String username) throws Exception {
        return Sessions.login(mvc, username, ModuleFixtures.PASSWORD);
    }

    private ZhidaUser principal(String username) {
        return (ZhidaUser) context.getBean(UserDetailsService.class).loadUserByUsername(username);
    }
}
