package io.zhida.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * 公示 objections cannot be used to stop payouts: each needs a contact, each contact and client
 * address has a small allowance, and only an objection staff accepted for review holds the money.
 */
@ZhidaIntegrationTest
class ObjectionAttackIT {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Grants grants;
    @Autowired
    Disclosure disclosure;
    @Autowired
    PolicyCatalog catalog;
    @Autowired
    JdbcClient jdbc;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A grant in 公示 on a real item of the city's 经信局 (the demo reviewer's department), for an enterprise no other test uses. */
    private Grant grantInDisclosure() {
        PolicyItem item = catalog.onlineItems().stream().filter(i -> i.content().departments().contains("C-JXJ")).findFirst().orElseThrow();
        String uscc = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc LIMIT 1 OFFSET ?").param(1200 + NEXT.getAndIncrement())
                .query(String.class).single();
        Grant grant = grants.grant(new GrantRequest(uscc, "异议测试企业" + uscc.substring(12), "519921", item.code(), item.content().name(), 2031,
                new BigDecimal("8000"), new BigDecimal("8000"), null, null, new BigDecimal("100000000"), GrantRoute.APPLICATION, null, null, "reviewer", null));
        assertThat(grant.status()).isEqualTo(Grant.Status.DISCLOSING);
        return grant;
    }

    private ResultActions object(long grantId, String address, String name, String contact, String reason) throws Exception {
        var request = post("/portal/disclosures/" + grantId + "/objections").with(csrf()).with(from(address));
        if (name != null) {
            request.param("name", name);
        }
        if (contact != null) {
            request.param("contact", contact);
        }
        if (reason != null) {
            request.param("reason", reason);
        }
        return mvc.perform(request);
    }

    private long objectionOf(long grantId, String contact) {
        return jdbc.sql("SELECT id FROM disclosure_objection WHERE grant_id = ? AND contact = ? ORDER BY id DESC LIMIT 1")
                .params(grantId, contact).query(Long.class).single();
    }

    private long count(long grantId) {
        return jdbc.sql("SELECT count(*) FROM disclosure_objection WHERE grant_id = ?").param(grantId).query(Long.class).single();
    }

    /** 公示 has run its course: its last day is yesterday. */
    private Grant.Status afterDisclosureEnds(Grant grant) {
        jdbc.sql("UPDATE fund_grant SET disclosure_until = current_date - 1 WHERE id = ?").param(grant.id()).update();
        disclosure.endDisclosures();
        return grants.get(grant.id()).status();
    }

    private static final String REASON = "该企业申报的研发投入与实际不符，请核查其财务报表。";

    @Test
    void anObjectionNeedsANameAContactAndAReason() throws Exception {
        Grant grant = grantInDisclosure();
        String address = "203.0.113.101";
        object(grant.id(), address, "张三", null, REASON).andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("手机号或电子邮箱")));
        object(grant.id(), address, "张三", "12345", REASON).andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("手机号或电子邮箱")));
        object(grant.id(), address, "张三", "not-an-email@", REASON).andExpect(flash().attributeExists("error"));
        object(grant.id(), address, null, "13800000001", REASON).andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("姓名")));
        object(grant.id(), address, "张三", "13800000001", "不对").andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("至少 10 个字")));
        object(grant.id(), address, "张三", "13800000001", "理".repeat(2001)).andExpect(flash().attributeExists("error"));
        assertThat(count(grant.id())).isZero();

        object(grant.id(), address, "张三", "138-0000-0001", REASON).andExpect(flash().attributeExists("message"));
        object(grant.id(), address, "李四", "Li.Si@Example.org", REASON).andExpect(flash().attributeExists("message"));
        assertThat(jdbc.sql("SELECT contact_key FROM disclosure_objection WHERE grant_id = ? ORDER BY id").param(grant.id()).query(String.class).list())
                .containsExactly("13800000001", "li.si@example.org");
    }

    @Test
    void eachContactAndEachAddressHasALimit() throws Exception {
        Grant grant = grantInDisclosure();
        for (int i = 0; i < 3; i++) {
            object(grant.id(), "203.0.113.111", "王五", "13900000002", REASON + i).andExpect(flash().attributeExists("message"));
        }
        MockHttpServletResponse fourth = object(grant.id(), "203.0.113.112", "王五", "139 0000 0002", REASON)
                .andExpect(status().isTooManyRequests()).andReturn().getResponse();
        assertThat(fourth.getContentAsString()).contains("最多提出 3 次异议");
        assertThat(fourth.getHeader("Retry-After")).isNotNull();

        Grant other = grantInDisclosure();
        String address = "203.0.113.113";
        for (int i = 0; i < 10; i++) {
            object(other.id(), address, "赵六" + i, "1370000" + String.format("%04d", i), REASON).andExpect(flash().attributeExists("message"));
        }
        MockHttpServletResponse eleventh = object(other.id(), address, "赵六十", "13700009999", REASON)
                .andExpect(status().isTooManyRequests()).andReturn().getResponse();
        assertThat(eleventh.getContentAsString()).contains("提交异议过于频繁，请 ").contains("后再试");
        assertThat(count(grant.id())).isEqualTo(3);
        assertThat(count(other.id())).isEqualTo(10);
        // another address is not affected
        object(other.id(), "203.0.113.114", "钱七", "13700008888", REASON).andExpect(flash().attributeExists("message"));
    }

    @Test
    void aReceivedObjectionHoldsNothingAnAcceptedOneHoldsThePayoutUntilAnswered() throws Exception {
        Cookie finance = Sessions.login(mvc, "finance");
        Grant received = grantInDisclosure();
        object(received.id(), "203.0.113.121", "孙八", "13600000003", REASON).andExpect(flash().attributeExists("message"));
        assertThat(afterDisclosureEnds(received)).as("a received objection does not stop the payout").isEqualTo(Grant.Status.PAYABLE);

        Grant accepted = grantInDisclosure();
        object(accepted.id(), "203.0.113.122", "周九", "13600000004", REASON).andExpect(flash().attributeExists("message"));
        long objection = objectionOf(accepted.id(), "13600000004");
        mvc.perform(post("/funds/objections/" + objection).param("upheld", "true").param("answer", "未受理不可答复").cookie(finance).with(csrf()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("尚未受理")));
        mvc.perform(post("/funds/objections/" + objection + "/accept").param("note", "转经信局核查").cookie(finance).with(csrf()))
                .andExpect(flash().attributeExists("message"));
        assertThat(afterDisclosureEnds(accepted)).as("an accepted objection holds the payout").isEqualTo(Grant.Status.DISCLOSING);
        String publicPage = mvc.perform(get("/portal/disclosures").param("q", accepted.enterpriseName())).andReturn().getResponse().getContentAsString();
        assertThat(publicPage).contains("已受理核查，暂停拨付").doesNotContain("13600000004").doesNotContain("周九");

        mvc.perform(post("/funds/objections/" + objection).param("upheld", "false").param("answer", "经核查，研发投入属实").cookie(finance).with(csrf()))
                .andExpect(flash().attributeExists("message"));
        assertThat(afterDisclosureEnds(accepted)).as("dismissed: the payout goes ahead").isEqualTo(Grant.Status.PAYABLE);
        assertThat(jdbc.sql("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE subject_type = 'grant' AND subject_id = ? AND action LIKE 'objection.%'")
                .param(String.valueOf(accepted.id())).query(String.class).single()).isEqualTo("objection.create,objection.accept,objection.answer");
    }

    @Test
    void staffTurnDownAnUnfoundedObjectionWithAReasonTheyPublish() throws Exception {
        Grant grant = grantInDisclosure();
        object(grant.id(), "203.0.113.131", "吴十", "wu@example.org", "我就是不想让他们拿到这笔钱。").andExpect(flash().attributeExists("message"));
        long objection = objectionOf(grant.id(), "wu@example.org");
        Cookie reviewer = Sessions.login(mvc, "reviewer");
        assertThat(mvc.perform(get("/funds/objections").cookie(reviewer)).andReturn().getResponse().getContentAsString())
                .as("the item's department sees it").contains("wu@example.org");
        mvc.perform(post("/funds/objections/" + objection + "/unfounded").param("answer", "").cookie(reviewer).with(csrf()))
                .andExpect(flash().attributeExists("error"));
        mvc.perform(post("/funds/objections/" + objection + "/unfounded").param("answer", "未提出任何事实依据").cookie(reviewer).with(csrf()))
                .andExpect(flash().attributeExists("message"));
        assertThat(disclosure.publicStates(java.util.List.of(grant.id())).get(grant.id()))
                .singleElement().satisfies(o -> {
                    assertThat(o.status()).isEqualTo(Objection.Status.UNFOUNDED);
                    assertThat(o.answer()).isEqualTo("未提出任何事实依据");
                });
        assertThat(mvc.perform(get("/portal/disclosures").param("q", grant.enterpriseName())).andReturn().getResponse().getContentAsString())
                .contains("不予受理").contains("未提出任何事实依据").doesNotContain("wu@example.org");
        assertThat(afterDisclosureEnds(grant)).isEqualTo(Grant.Status.PAYABLE);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'objection.unfounded' AND subject_id = ?").param(String.valueOf(grant.id()))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyFinanceAndTheItemsDepartmentReviewAndOnlyFinanceAnswers() throws Exception {
        Grant grant = grantInDisclosure();
        object(grant.id(), "203.0.113.141", "郑十一", "13500000005", REASON).andExpect(flash().attributeExists("message"));
        long objection = objectionOf(grant.id(), "13500000005");
        Cookie county = Sessions.login(mvc, "county");
        assertThat(mvc.perform(get("/funds/objections").cookie(county)).andReturn().getResponse().getContentAsString())
                .as("another department does not see it").doesNotContain("13500000005");
        mvc.perform(post("/funds/objections/" + objection + "/accept").cookie(county).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/funds/objections/" + objection + "/accept").cookie(Sessions.login(mvc, "enterprise")).with(csrf()))
                .andExpect(status().isForbidden());
        Cookie reviewer = Sessions.login(mvc, "reviewer");
        mvc.perform(post("/funds/objections/" + objection + "/accept").cookie(reviewer).with(csrf())).andExpect(flash().attributeExists("message"));
        mvc.perform(post("/funds/objections/" + objection).param("upheld", "true").param("answer", "属实").cookie(reviewer).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/funds/objections/" + objection).param("upheld", "true").param("answer", "经核查属实，撤销").cookie(Sessions.login(mvc, "finance"))
                .with(csrf())).andExpect(flash().attributeExists("message"));
        assertThat(grants.get(grant.id()).status()).isEqualTo(Grant.Status.CANCELLED);
    }
}
