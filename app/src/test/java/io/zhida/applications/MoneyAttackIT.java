package io.zhida.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The money attacks: a reviewer approving far above the item's cap, an amount written as "1e2", a changed
 * amount without a second person, and an approval the pool cannot carry. Every one is refused with nothing
 * written; a changed amount waits for the department head, who must be another person.
 */
@ZhidaIntegrationTest
class MoneyAttackIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    UserAdministration users;
    @Autowired
    Organisations organisations;

    @BeforeEach
    void items() {
        if (jdbc.sql("SELECT count(*) FROM policy_item WHERE code = 'T-MONEY-1'").query(Long.class).single() == 0) {
            exchange.importYaml("""
                    documents: []
                    items:
                      - code: T-MONEY-1
                        name: 测试按人数补贴
                        departments: [C-JXJ]
                        mode: 承诺即享
                        condition: e.employees >= 2 // 从业人员2人以上
                        benefit_type: 资金补贴
                        amount: "double(e.employees) * 100.0"
                        cap: 100000
                        annual_budget: 10000000
                      - code: T-MONEY-2
                        name: 测试小额资金池补贴
                        departments: [C-JXJ]
                        mode: 承诺即享
                        condition: e.employees >= 2 // 从业人员2人以上
                        benefit_type: 资金补贴
                        amount: "1000"
                        annual_budget: 500
                    """, true);
        }
    }

    @Test
    void anApprovalCannotExceedTheRulesAndAChangedAmountWaitsForTheHead() throws Exception {
        long id = dispatchedApplication("enterprise", "T-MONEY-1");
        BigDecimal estimate = jdbc.sql("SELECT estimate FROM application WHERE id = ?").param(id).query(BigDecimal.class).single();
        int employees = jdbc.sql("SELECT employees FROM enterprise e JOIN application a ON a.uscc = e.uscc WHERE a.id = ?").param(id)
                .query(Integer.class).single();
        BigDecimal ceiling = BigDecimal.valueOf(Math.min(employees * 100L, 100000L));
        assertThat(estimate).isEqualByComparingTo(ceiling);
        Cookie reviewer = Sessions.login(mvc, "reviewer");
        BigDecimal reservedBefore = reserved("T-MONEY-1");

        // 50× the cap, with the reason "x": refused, nothing reserved
        decide(reviewer, id, "5000000", "x", "x")
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("超过政策规则允许")));
        // an exponent is not an amount; nor are three decimals or a sign
        for (String bad : new String[] {"1e2", "100.001", "-5", "１００", "100 000", "0x10"}) {
            decide(reviewer, id, bad, "同意", "x").andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("核定金额")));
        }
        // a lower amount without a reason: refused
        BigDecimal lower = estimate.subtract(BigDecimal.ONE);
        decide(reviewer, id, lower.toPlainString(), "同意", null)
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("须说明理由")));
        assertThat(statusOf(id)).isEqualTo("DISPATCHED");
        assertThat(grants(id)).isZero();
        assertThat(reserved("T-MONEY-1")).isEqualByComparingTo(reservedBefore);

        // with a reason it is only a proposal: no grant until the head confirms
        decide(reviewer, id, lower.toPlainString(), "同意", "企业自报人数有误，按社保参保人数核减");
        assertThat(statusOf(id)).isEqualTo("DISPATCHED");
        assertThat(grants(id)).isZero();
        assertThat(mvc.perform(get("/review").cookie(Sessions.login(mvc, "head"))).andReturn().getResponse().getContentAsString())
                .contains("待您确认的核定金额");
        // the reviewer cannot confirm (not a head), another department's head cannot, the proposer cannot
        mvc.perform(post("/applications/" + id + "/confirm-amount").param("accept", "true").cookie(reviewer).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/applications/" + id + "/confirm-amount").param("accept", "true").cookie(Sessions.login(mvc, "county")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(grants(id)).isZero();

        // the head returns it, the reviewer proposes again, the head confirms: the grant records both people
        Cookie head = Sessions.login(mvc, "head");
        confirm(head, id, false, "请附参保证明");
        assertThat(jdbc.sql("SELECT count(*) FROM application_review WHERE application_id = ? AND proposed_amount IS NOT NULL")
                .param(id).query(Long.class).single()).isZero();
        decide(reviewer, id, lower.toPlainString(), "同意", "按社保参保人数核减");
        confirm(head, id, true, null);
        assertThat(statusOf(id)).isEqualTo("APPROVED");
        var grant = jdbc.sql("SELECT amount, created_by, confirmed_by FROM fund_grant WHERE application_id = ?").param(id)
                .query((rs, n) -> new Object[] {rs.getBigDecimal(1), rs.getString(2), rs.getString(3)}).single();
        assertThat((BigDecimal) grant[0]).isEqualByComparingTo(lower);
        assertThat(grant[1]).isEqualTo("reviewer");
        assertThat(grant[2]).isEqualTo("head");
        assertThat(reserved("T-MONEY-1")).isEqualByComparingTo(reservedBefore.add(lower));
        assertThat(jdbc.sql("SELECT step FROM application_event WHERE application_id = ? ORDER BY at, id").param(id).query(String.class).list())
                .containsSubsequence("AMOUNT_PROPOSED", "AMOUNT_RETURNED", "AMOUNT_PROPOSED", "AMOUNT_CONFIRMED", "APPROVED");
    }

    @Test
    void aReviewerWhoIsAlsoHeadCannotConfirmTheirOwnChange() throws Exception {
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'reviewhead'").query(Long.class).single() == 0) {
            long jxj = jdbc.sql("SELECT id FROM department WHERE code = 'C-JXJ'").query(Long.class).single();
            users.create(new UserAdministration.UserForm("reviewhead", "既审又管", Sessions.DEMO_PASSWORD,
                    Set.of(Role.REVIEWER, Role.DEPT_HEAD), null, jxj, null, null));
        }
        long id = dispatchedApplication("enterprise3", "T-MONEY-1");
        BigDecimal lower = jdbc.sql("SELECT estimate - 1 FROM application WHERE id = ?").param(id).query(BigDecimal.class).single();
        Cookie both = Sessions.login(mvc, "reviewhead");
        decide(both, id, lower.toPlainString(), "同意", "核减");
        confirm(both, id, true, null).andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("提出人以外")));
        assertThat(statusOf(id)).isEqualTo("DISPATCHED");
        assertThat(grants(id)).isZero();
        confirm(Sessions.login(mvc, "head"), id, true, null);
        assertThat(statusOf(id)).isEqualTo("APPROVED");
    }

    @Test
    void anApprovalThePoolCannotCarryIsRefused() throws Exception {
        long id = dispatchedApplication("enterprise4", "T-MONEY-2");
        decide(Sessions.login(mvc, "reviewer"), id, "1000", "同意", null)
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("资金池可用余额")));
        assertThat(statusOf(id)).isEqualTo("DISPATCHED");
        assertThat(grants(id)).isZero();
    }

    /** An application of the given enterprise user (created if needed), accepted and dispatched to 经信局, signed for. */
    private long dispatchedApplication(String username, String item) throws Exception {
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?").param(username).query(Long.class).single() == 0) {
            String uscc = jdbc.sql("""
                    SELECT uscc FROM enterprise WHERE employees BETWEEN 5 AND 500
                      AND uscc NOT IN (SELECT enterprise_uscc FROM app_user WHERE enterprise_uscc IS NOT NULL) ORDER BY uscc LIMIT 1""")
                    .query(String.class).single();
            users.create(new UserAdministration.UserForm(username, "测试企业用户", Sessions.DEMO_PASSWORD, Set.of(Role.ENTERPRISE),
                    null, null, uscc, null));
        }
        Cookie enterprise = Sessions.login(mvc, username);
        mvc.perform(multipart("/applications").param("item", item).param("commitment", "true").cookie(enterprise).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("""
                SELECT a.id FROM application a JOIN app_user u ON u.enterprise_uscc = a.uscc
                WHERE u.username = ? AND a.item_code = ? ORDER BY a.id DESC LIMIT 1""").params(username, item).query(Long.class).single();
        Cookie clerk = Sessions.login(mvc, "clerk");
        mvc.perform(post("/applications/" + id + "/accept").cookie(clerk).with(csrf()));
        mvc.perform(post("/applications/" + id + "/dispatch").cookie(clerk).with(csrf()));
        assertThat(statusOf(id)).isEqualTo("DISPATCHED");
        return id;
    }

    private org.springframework.test.web.servlet.ResultActions decide(Cookie who, long id, String amount, String reason, String amountReason)
            throws Exception {
        var request = post("/applications/" + id + "/decide").param("approve", "true").param("amount", amount).param("reason", reason)
                .cookie(who).with(csrf());
        if (amountReason != null) {
            request.param("amountReason", amountReason);
        }
        return mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private org.springframework.test.web.servlet.ResultActions confirm(Cookie who, long id, boolean accept, String note) throws Exception {
        var request = post("/applications/" + id + "/confirm-amount").param("accept", String.valueOf(accept)).cookie(who).with(csrf());
        if (note != null) {
            request.param("note", note);
        }
        return mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private String statusOf(long id) {
        return jdbc.sql("SELECT status FROM application WHERE id = ?").param(id).query(String.class).single();
    }

    private long grants(long id) {
        return jdbc.sql("SELECT count(*) FROM fund_grant WHERE application_id = ?").param(id).query(Long.class).single();
    }

    private BigDecimal reserved(String item) {
        return jdbc.sql("SELECT COALESCE(sum(reserved), 0) FROM fund_pool WHERE item_code = ?").param(item).query(BigDecimal.class).single();
    }
}
