package io.zhida.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.funds.FundPool;
import io.zhida.funds.FundPools;
import io.zhida.funds.Grant;
import io.zhida.funds.GrantRoute;
import io.zhida.funds.Grants;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.ModuleTest;
import io.zhida.support.Sessions;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 申报 → 受理 → 交办 → 审核 on its own, with funds and the modules below it: an enterprise applies with its own data, the
 * window accepts and dispatches, the responsible department decides — never above what the item's rules allow — and the
 * approval makes the grant; a second submission, a step out of order and another enterprise's reach are refused.
 */
@ModuleTest
class ApplicationsModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "applications");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    Applications applications;
    @Autowired
    Grants grants;
    @Autowired
    FundPools pools;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    TimeLimits limits;
    @Autowired
    io.zhida.platform.BusinessClock clock;

    ModuleFixtures fixtures;

    @BeforeEach
    void city() {
        fixtures = new ModuleFixtures(context).city();
    }

    @Test
    void anApplicationIsAcceptedDispatchedAndApprovedWithinTheRulesAndTheApprovalMakesTheGrant() throws Exception {
        assertThat(context.getBeanProvider(io.zhida.cockpit.Cockpit.class).getIfAvailable()).as("the cockpit follows applications").isNull();
        assertThat(context.getBeanProvider(io.zhida.rectification.Ledger.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(io.zhida.rates.ThreeRates.class).getIfAvailable()).isNull();

        String uscc = fixtures.enterprise(801, Map.of("employees", 40));
        fixtures.user("ap-owner", Role.ENTERPRISE, null, null, uscc);
        fixtures.user("ap-clerk", Role.CLERK, null, ModuleFixtures.SERVICE_CENTER, null);
        fixtures.user("ap-reviewer", Role.REVIEWER, null, "C-JXJ", null);
        fixtures.user("ap-other-reviewer", Role.REVIEWER, null, "C-KJJ", null);
        publish(ModuleFixtures.library("AP-ITEM-1", "C-JXJ", "承诺即享", "e.employees >= 10", "double(e.employees) * 100.0", 5000));
        Cookie owner = Sessions.login(mvc, "ap-owner", ModuleFixtures.PASSWORD);

        String form = mvc.perform(get("/applications/new").param("item", "AP-ITEM-1").cookie(owner)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).as("the platform's own figures, shown not asked").contains("测试企业801有限公司").contains("从业人员").contains("承诺书");
        submit(owner, "AP-ITEM-1", false).andExpect(flash().attribute("error", Matchers.containsString("请阅读并签署承诺书")));
        assertThat(applicationsOf(uscc)).as("nothing written without the commitment").isZero();
        long id = applied(submit(owner, "AP-ITEM-1", true));
        submit(owner, "AP-ITEM-1", true).andExpect(flash().attribute("error", Matchers.containsString("本年度已申报本事项")));
        assertThat(applicationsOf(uscc)).as("a double submission is refused").isEqualTo(1);
        Application submitted = applications.get(id, admin());
        assertThat(submitted.status()).isEqualTo(Application.Status.SUBMITTED);
        assertThat(submitted.estimate()).as("40 employees × 100 yuan").isEqualByComparingTo("4000");
        assertThat(submitted.figures()).containsEntry("企业名称", "测试企业801有限公司");

        Cookie clerk = Sessions.login(mvc, "ap-clerk", ModuleFixtures.PASSWORD);
        act(clerk, id, "dispatch").andExpect(flash().attribute("error", "请先受理再交办"));
        assertThat(statusOf(id)).isEqualTo(Application.Status.SUBMITTED);
        act(clerk, id, "accept").andExpect(flash().attribute("message", "已受理"));
        act(clerk, id, "dispatch").andExpect(flash().attribute("message", Matchers.startsWith("已交办")));
        assertThat(statusOf(id)).isEqualTo(Application.Status.DISPATCHED);

        Cookie otherDepartment = Sessions.login(mvc, "ap-other-reviewer", ModuleFixtures.PASSWORD);
        mvc.perform(post("/applications/" + id + "/decide").param("approve", "true").param("reason", "同意").cookie(otherDepartment).with(csrf()))
                .andExpect(status().isForbidden());
        Cookie reviewer = Sessions.login(mvc, "ap-reviewer", ModuleFixtures.PASSWORD);
        act(reviewer, id, "respond").andExpect(flash().attribute("message", "已签收"));
        decide(reviewer, id, "6000", "同意").andExpect(flash().attribute("error",
                Matchers.containsString("核定金额 6,000.00 元超过政策规则允许的 4,000.00 元")));
        assertThat(statusOf(id)).isEqualTo(Application.Status.DISPATCHED);
        assertThat(grants.forEnterprise(uscc)).as("no grant for a refused amount").isEmpty();
        assertThat(pools.find("AP-ITEM-1", 2026).map(FundPool::reserved).orElse(BigDecimal.ZERO)).isEqualByComparingTo("0");

        decide(reviewer, id, "4000", "经审核，符合条件").andExpect(flash().attribute("message", "审核意见已提交"));
        Application approved = applications.get(id, admin());
        assertThat(approved.status()).isEqualTo(Application.Status.APPROVED);
        assertThat(approved.approvedAmount()).isEqualByComparingTo("4000");
        Grant grant = grants.get(approved.grantId());
        assertThat(grant.uscc()).isEqualTo(uscc);
        assertThat(grant.applicationId()).isEqualTo(id);
        assertThat(grant.route()).isEqualTo(GrantRoute.APPLICATION);
        assertThat(grant.status()).isEqualTo(Grant.Status.DISCLOSING);
        assertThat(grant.amount()).isEqualByComparingTo("4000");
        assertThat(pools.find("AP-ITEM-1", 2026).orElseThrow().reserved()).isEqualByComparingTo("4000");
        assertThat(applications.timeline(id)).extracting(Application.Event::step)
                .containsSubsequence("SUBMITTED", "ACCEPTED", "DISPATCHED", "RESPONDED", "REVIEWED", "APPROVED");

        decide(reviewer, id, "4000", "再次核准").andExpect(flash().attribute("error", Matchers.containsString("不在审核中")));
        assertThat(grants.forEnterprise(uscc)).as("decided once, granted once").hasSize(1);
    }

    @Test
    void anEnterpriseNeitherReadsNorActsOnAnotherEnterprisesApplication() throws Exception {
        String first = fixtures.enterprise(802, Map.of("employees", 15));
        String second = fixtures.enterprise(803, Map.of("employees", 16));
        fixtures.user("ap-first", Role.ENTERPRISE, null, null, first);
        fixtures.user("ap-second", Role.ENTERPRISE, null, null, second);
        fixtures.user("ap-window", Role.CLERK, null, ModuleFixtures.SERVICE_CENTER, null);
        publish(ModuleFixtures.library("AP-ITEM-2", "C-KJJ", "承诺即享", "e.employees >= 1", "2000", 2000));
        Cookie firstSession = Sessions.login(mvc, "ap-first", ModuleFixtures.PASSWORD);
        long id = applied(submit(firstSession, "AP-ITEM-2", true));
        String number = applications.get(id, admin()).number();

        Cookie secondSession = Sessions.login(mvc, "ap-second", ModuleFixtures.PASSWORD);
        mvc.perform(get("/applications/" + id).cookie(secondSession)).andExpect(status().isForbidden());
        mvc.perform(get("/applications/" + id + "/dispatch-notice.pdf").cookie(secondSession)).andExpect(status().isForbidden());
        mvc.perform(multipart("/applications/" + id + "/resubmit").param("note", "冒名补正").cookie(secondSession).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/applications/" + id + "/accept").cookie(secondSession).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/applications/" + id + "/accept").cookie(firstSession).with(csrf())).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/my/applications").cookie(secondSession)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).doesNotContain(number);
        mvc.perform(get("/applications/999999").cookie(secondSession)).andExpect(status().isNotFound());

        // the window refuses only with a reason; the enterprise sees its own application as it stands
        Cookie window = Sessions.login(mvc, "ap-window", ModuleFixtures.PASSWORD);
        act(window, id, "refuse").andExpect(flash().attribute("error", "不予受理须写明理由"));
        assertThat(statusOf(id)).isEqualTo(Application.Status.SUBMITTED);
        assertThat(mvc.perform(get("/applications/" + id).cookie(firstSession)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains(number).contains("待受理");
        assertThat(applications.timeline(id)).extracting(Application.Event::step).containsExactly("SUBMITTED");
    }

    /** Past the millionth application the number grows a digit instead of being cut to six and colliding. */
    @Test
    void theMillionthApplicationHasItsOwnNumber() throws Exception {
        String uscc = fixtures.enterprise(804, Map.of("employees", 30));
        fixtures.user("ap-million-owner", Role.ENTERPRISE, null, null, uscc);
        publish(ModuleFixtures.library("AP-ITEM-4", "C-JXJ", "承诺即享", "e.employees >= 10", "1000.0", 5000));
        jdbc.sql("SELECT setval('application_id_seq', 1234566)").query().singleRow();
        long id = applied(submit(Sessions.login(mvc, "ap-million-owner", ModuleFixtures.PASSWORD), "AP-ITEM-4", true));
        assertThat(id).isEqualTo(1234567);
        assertThat(applications.get(id, admin()).number()).endsWith("-1234567");
    }

    /** Time limits run on the business clock: moved a month on, the window's untouched step is late and escalated once. */
    @Test
    void aStepLeftPastItsTimeLimitOnTheBusinessClockIsEscalatedOnce() throws Exception {
        String uscc = fixtures.enterprise(803, Map.of("employees", 30));
        fixtures.user("ap-late-owner", Role.ENTERPRISE, null, null, uscc);
        publish(ModuleFixtures.library("AP-ITEM-3", "C-JXJ", "承诺即享", "e.employees >= 10", "1000.0", 5000));
        long id = applied(submit(Sessions.login(mvc, "ap-late-owner", ModuleFixtures.PASSWORD), "AP-ITEM-3", true));
        TimeLimitTask window = limits.forApplication(id).get(0);
        assertThat(limits.countdown(window).colour()).as("just submitted").isNotEqualTo("red");
        assertThat(limits.escalateOverdue()).as("nothing is late yet").isZero();

        clock.moveTo(window.dueAt().plus(java.time.Duration.ofDays(30)));
        try {
            assertThat(limits.countdown(window).text()).as("a month on, on the business clock").startsWith("已超时");
            assertThat(limits.escalateOverdue()).as("this one, and any other test's left waiting").isGreaterThanOrEqualTo(1);
            assertThat(limits.escalateOverdue()).as("escalated once").isZero();
        } finally {
            clock.reset();
        }
        assertThat(applications.timeline(id)).extracting(Application.Event::step).containsExactly("SUBMITTED", "ESCALATED");
    }

    private ResultActions submit(Cookie session, String item, boolean commitment) throws Exception {
        var request = multipart("/applications").param("item", item).cookie(session).with(csrf());
        if (commitment) {
            request.param("commitment", "true");
        }
        return mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private static long applied(ResultActions submitted) {
        String location = submitted.andReturn().getResponse().getRedirectedUrl();
        assertThat(location).as("redirected to the new application").matches("/applications/\\d+");
        return Long.parseLong(location.substring("/applications/".length()));
    }

    private ResultActions act(Cookie session, long id, String action) throws Exception {
        return mvc.perform(post("/applications/" + id + "/" + action).cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
    }

    private ResultActions decide(Cookie reviewer, long id, String amount, String reason) throws Exception {
        return mvc.perform(post("/applications/" + id + "/decide").param("approve", "true").param("amount", amount).param("reason", reason)
                .cookie(reviewer).with(csrf())).andExpect(status().is3xxRedirection());
    }

    /** The first administrator a fresh platform creates, as the principal the services take. */
    private ZhidaUser admin() {
        return (ZhidaUser) context.getBean(UserDetailsService.class).loadUserByUsername("admin");
    }

    private Application.Status statusOf(long id) {
        return applications.get(id, admin()).status();
    }

    private long applicationsOf(String uscc) {
        return jdbc.sql("SELECT count(*) FROM application WHERE uscc = ?").param(uscc).query(Long.class).single();
    }

    /** Publishes a one-item library; a refused file fails the test naming its problems. */
    private void publish(String yaml) {
        try {
            fixtures.publish(yaml);
        } catch (io.zhida.catalog.ImportRejectedException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }
}
