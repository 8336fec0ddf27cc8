package io.zhida.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.calendar.WorkingCalendar;
import io.zhida.identity.Role;
import io.zhida.platform.Today;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.ModuleTest;
import io.zhida.support.Sessions;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Funds on their own: a grant is reserved from the item's pool and published (公示) for five working days; a second
 * grant for the period, one the pool cannot carry and a zero amount are refused with nothing written; after 公示 only
 * a finance officer puts the money into a bank batch, and the bank's result file marks it paid, once.
 */
@ModuleTest
@TestPropertySource(properties = "zhida.funds.disclosure-working-days=5")
class FundsModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "funds");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    Grants grants;
    @Autowired
    FundPools pools;
    @Autowired
    PayoutBatches batches;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    MockMvc mvc;

    ModuleFixtures fixtures;

    @BeforeEach
    void city() {
        fixtures = new ModuleFixtures(context).city();
    }

    @Test
    void aGrantIsReservedAndDisclosedAndASecondOneOrOneThePoolCannotCarryIsRefused() throws Exception {
        assertThat(context.getBeanProvider(io.zhida.applications.Applications.class).getIfAvailable())
                .as("applications depend on funds, not the other way round").isNull();
        assertThat(context.getBeanProvider(io.zhida.cockpit.Cockpit.class).getIfAvailable()).isNull();
        String first = fixtures.enterprise(601, Map.of());
        String second = fixtures.enterprise(602, Map.of());
        String third = fixtures.enterprise(603, Map.of());

        Grant grant = grants.grant(request(first, 601, "FD-ITEM-1", "3000", "5000", "10000"));
        assertThat(grant.status()).isEqualTo(Grant.Status.DISCLOSING);
        assertThat(grant.amount()).isEqualByComparingTo("3000");
        assertThat(grant.basis()).isNull();
        assertThat(grant.period()).isEqualTo("2026");
        assertThat(grant.disclosureFrom()).isEqualTo(Today.date());
        assertThat(grant.disclosureUntil()).isEqualTo(calendar.addWorkingDays(Today.date(), 5));
        assertPool("FD-ITEM-1", "3000", "0", "7000");
        String published = mvc.perform(get("/portal/disclosures").param("q", "测试企业601")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(published).as("公示, with the credit code masked").contains("测试企业601有限公司").contains(grant.maskedUscc())
                .doesNotContain(first);

        assertThatThrownBy(() -> grants.grant(request(first, 601, "FD-ITEM-1", "1000", "5000", "10000")))
                .isInstanceOf(GrantRefusedException.class).hasMessageContaining("2026 年度已享受本事项，不重复享受");
        assertThatThrownBy(() -> grants.grant(request(second, 602, "FD-ITEM-1", "8000", "10000", "10000")))
                .isInstanceOf(GrantRefusedException.class).hasMessageContaining("资金池余额不足").hasMessageContaining("7,000.00");
        assertThatThrownBy(() -> grants.grant(request(second, 602, "FD-ITEM-1", "0", "5000", "10000")))
                .isInstanceOf(GrantRefusedException.class).hasMessageContaining("核定金额应大于 0");
        assertThat(grants.forEnterprise(first)).extracting(Grant::id).containsExactly(grant.id());
        assertThat(grants.forEnterprise(second)).as("nothing half-written").isEmpty();
        assertPool("FD-ITEM-1", "3000", "0", "7000");

        // over the per-enterprise cap the amount is cut to the cap, with the reason recorded
        Grant capped = grants.grant(request(third, 603, "FD-ITEM-1", "6000", "5000", "10000"));
        assertThat(capped.amount()).isEqualByComparingTo("5000");
        assertThat(capped.basis()).contains("按每户年度上限 5,000.00 元核减");
        assertPool("FD-ITEM-1", "8000", "0", "2000");
    }

    @Test
    void onlyAFinanceOfficerPaysAndTheBanksResultMarksTheGrantPaidOnce() throws Exception {
        String uscc = fixtures.enterprise(701, Map.of());
        fixtures.user("fd-owner", Role.ENTERPRISE, null, null, uscc);
        fixtures.user("fd-finance", Role.FINANCE, null, "C-CZJ", null);
        fixtures.user("fd-reviewer", Role.REVIEWER, null, "C-JXJ", null);
        fixtures.user("fd-leader", Role.LEADER, null, null, null);
        Grant grant = grants.grant(request(uscc, 701, "FD-ITEM-2", "4200", null, "100000"));
        Cookie finance = Sessions.login(mvc, "fd-finance", ModuleFixtures.PASSWORD);
        Cookie reviewer = Sessions.login(mvc, "fd-reviewer", ModuleFixtures.PASSWORD);
        Cookie leader = Sessions.login(mvc, "fd-leader", ModuleFixtures.PASSWORD);
        Cookie owner = Sessions.login(mvc, "fd-owner", ModuleFixtures.PASSWORD);

        // 公示 is over the day after its last day; only finance closes it
        Today.useClock(Clock.fixed(grant.disclosureUntil().plusDays(1).atTime(10, 0).atZone(Today.ZONE).toInstant(), Today.ZONE));
        try {
            mvc.perform(post("/funds/disclosures/close").cookie(reviewer).with(csrf())).andExpect(status().isForbidden());
            assertThat(grants.get(grant.id()).status()).isEqualTo(Grant.Status.DISCLOSING);
            mvc.perform(post("/funds/disclosures/close").cookie(finance).with(csrf())).andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("message", Matchers.matchesPattern("公示期满转入待拨付 [1-9]\\d* 笔")));
        } finally {
            Today.reset();
        }
        assertThat(grants.get(grant.id()).status()).isEqualTo(Grant.Status.PAYABLE);

        mvc.perform(post("/my/bank-account").param("accountName", "测试企业701有限公司").param("bankName", "测试银行青山支行")
                .param("accountNo", "6222 0200 0070 1701").cookie(owner).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/funds/batches").cookie(leader).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/funds/batches").cookie(owner).with(csrf())).andExpect(status().isForbidden());
        assertThat(batches.all().count()).isZero();
        assertThat(grants.get(grant.id()).status()).isEqualTo(Grant.Status.PAYABLE);

        String location = mvc.perform(post("/funds/batches").cookie(finance).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/funds/batches/\\d+");
        long batch = Long.parseLong(location.substring("/funds/batches/".length()));
        assertThat(grants.get(grant.id()).status()).isEqualTo(Grant.Status.IN_BATCH);
        PayoutBatch.Line line = batches.lines(batch).get(0);
        assertThat(batches.lines(batch)).hasSize(1);
        assertThat(line.grantId()).isEqualTo(grant.id());
        assertThat(line.amount()).isEqualByComparingTo("4200");
        assertThat(line.accountNo()).isEqualTo("6222020000701701");
        String payment = mvc.perform(get("/funds/batches/" + batch + "/payment.csv").cookie(finance)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(payment).contains(line.id() + ",测试企业701有限公司,6222020000701701,测试银行青山支行,4200.00");
        mvc.perform(get("/funds/batches/" + batch + "/payment.csv").cookie(leader)).andExpect(status().isForbidden());

        bankResult(finance, batch, "明细号,结果,失败原因\n99999999,成功,\n")
                .andExpect(flash().attribute("error", Matchers.containsString("不属于本批次")));
        assertThat(grants.get(grant.id()).status()).as("a file with a stranger line is refused whole").isEqualTo(Grant.Status.IN_BATCH);

        bankResult(finance, batch, "明细号,结果,失败原因\n" + line.id() + ",成功,\n")
                .andExpect(flash().attribute("message", Matchers.containsString("到账 1 笔")));
        bankResult(finance, batch, "明细号,结果,失败原因\n" + line.id() + ",成功,\n")
                .andExpect(flash().attribute("message", Matchers.containsString("1 笔此前已处理")));
        Grant paid = grants.get(grant.id());
        assertThat(paid.status()).isEqualTo(Grant.Status.PAID);
        assertThat(paid.paidAt()).isNotNull();
        assertPool("FD-ITEM-2", "0", "4200", "95800");
        assertThat(batches.get(batch).paid()).isEqualTo(1);
        assertThat(batches.get(batch).settledAt()).isNotNull();
    }

    private static GrantRequest request(String uscc, int seed, String item, String amount, String cap, String budget) {
        return new GrantRequest(uscc, "测试企业" + seed + "有限公司", ModuleFixtures.COUNTY, item, "测试事项" + item, 2026,
                new BigDecimal(amount), new BigDecimal(amount), null, cap == null ? null : new BigDecimal(cap), new BigDecimal(budget),
                GrantRoute.APPLICATION, null, null, "fd-reviewer", null);
    }

    private void assertPool(String item, String reserved, String paid, String available) {
        FundPool pool = pools.find(item, 2026).orElseThrow();
        assertThat(pool.reserved()).as("reserved").isEqualByComparingTo(reserved);
        assertThat(pool.paid()).as("paid").isEqualByComparingTo(paid);
        assertThat(pool.available()).as("available").isEqualByComparingTo(available);
    }

    private org.springframework.test.web.servlet.ResultActions bankResult(Cookie finance, long batch, String csv) throws Exception {
        return mvc.perform(multipart("/funds/batches/" + batch + "/result").file(new MockMultipartFile("file", "回单.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).cookie(finance).with(csrf())).andExpect(status().is3xxRedirection());
    }
}
