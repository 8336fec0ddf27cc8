package io.zhida.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyAuthoring;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.platform.Today;
import io.zhida.rectification.Ledger;
import io.zhida.rectification.Problem;
import io.zhida.support.Sessions;
import io.zhida.support.Sheets;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The attacks of issue 14 on access, replayed: each must be refused or harmless, and each has a
 * control showing the right person still can.
 */
@ZhidaIntegrationTest
class AccessAttackIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    PolicyAuthoring authoring;
    @Autowired
    PolicyCatalog catalog;
    @Autowired
    Ledger ledger;
    @Autowired
    UserAdministration users;

    private void library(String yaml, boolean publish) {
        exchange.importYaml("documents: []\nitems:\n" + yaml, publish);
    }

    private static String item(String code, String name, String department, String mode) {
        return """
                  - code: %s
                    name: %s
                    departments: [%s]
                    mode: %s
                    condition: e.employees >= 1 // 有从业人员
                    benefit_type: 资金补贴
                    amount: "10000"
                    annual_budget: 500000
                """.formatted(code, name, department, mode);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    // --- 标准化审查 ---------------------------------------------------------------------------

    @Test
    void aCountyReviewerCannotReviewApproveOrReturnACityDepartmentsItem() throws Exception {
        library(item("T-ATK-CITY", "攻击测试：市级部门事项", "C-JXJ", "综合评审") + item("T-ATK-COUNTY", "攻击测试：县级部门事项", "519921-JXJ", "综合评审"), false);
        authoring.submitForReview("T-ATK-CITY");
        authoring.submitForReview("T-ATK-COUNTY");
        Cookie county = Sessions.login(mvc, "county");
        String[] all = IntStream.range(0, PolicyAuthoring.CHECKLIST.size()).mapToObj(String::valueOf).toArray(String[]::new);

        assertThat(mvc.perform(get("/catalog/review").cookie(county)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .doesNotContain("攻击测试：市级部门事项").contains("攻击测试：县级部门事项");
        assertThat(Sheets.text(mvc.perform(get("/catalog/review/export.xlsx").cookie(county)).andReturn()))
                .doesNotContain("T-ATK-CITY").contains("T-ATK-COUNTY");
        mvc.perform(get("/catalog/review/T-ATK-CITY").cookie(county)).andExpect(status().isForbidden());
        mvc.perform(post("/catalog/review/T-ATK-CITY/approve").param("checklist", all).cookie(county).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/catalog/review/T-ATK-CITY/return").param("reason", "县级退回市级事项").cookie(county).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(catalog.onlineItem("T-ATK-CITY")).as("still unpublished").isEmpty();
        assertThat(catalog.published("T-ATK-CITY")).isEmpty();
        assertThat(catalog.workingView().stream().filter(i -> i.code().equals("T-ATK-CITY")).map(PolicyItem::state))
                .containsExactly(PolicyItem.State.IN_REVIEW);
        assertThat(count("SELECT count(*) FROM audit_log WHERE subject_id LIKE 'T-ATK-CITY%' AND actor = 'county'"))
                .isZero();

        // a city reviewer of another department's county item is refused the same way
        Cookie reviewer = Sessions.login(mvc, "reviewer");
        mvc.perform(get("/catalog/review/T-ATK-COUNTY").cookie(reviewer)).andExpect(status().isForbidden());
        mvc.perform(post("/catalog/review/T-ATK-COUNTY/approve").param("checklist", all).cookie(reviewer).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(catalog.onlineItem("T-ATK-COUNTY")).isEmpty();

        // controls: each item's own department reviews it
        mvc.perform(get("/catalog/review/T-ATK-CITY").cookie(reviewer)).andExpect(status().isOk());
        mvc.perform(post("/catalog/review/T-ATK-CITY/approve").param("checklist", all).cookie(reviewer).with(csrf()))
                .andExpect(flash().attribute("message", "审查通过，已发布 T-ATK-CITY"));
        assertThat(catalog.onlineItem("T-ATK-CITY")).isPresent();
        mvc.perform(post("/catalog/review/T-ATK-COUNTY/approve").param("checklist", all).cookie(county).with(csrf()))
                .andExpect(flash().attribute("message", "审查通过，已发布 T-ATK-COUNTY"));
        assertThat(catalog.onlineItem("T-ATK-COUNTY")).isPresent();
    }

    @Test
    void anAdministratorIsNoLongerAReviewer() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        mvc.perform(get("/catalog/review").cookie(admin)).andExpect(status().isForbidden());
    }

    // --- 整改台账 -----------------------------------------------------------------------------

    @Test
    void aCountyReviewerCannotReadAnotherDepartmentsLedgerProblem() throws Exception {
        Problem city = ledger.open(new Problem.New(Problem.Category.MANUAL, null, "攻击测试：经信局的问题", "只应由经信局和督查员看到",
                "DEPARTMENT", "C-JXJ", List.of(), null, null, null, 5), "evaluator").orElseThrow();
        Problem county = ledger.open(new Problem.New(Problem.Category.MANUAL, null, "攻击测试：青山县的问题", "只应由青山县看到",
                "COUNTY", "519921", List.of(), null, null, null, 5), "evaluator").orElseThrow();
        Cookie countyReviewer = Sessions.login(mvc, "county");

        mvc.perform(get("/rectification/" + city.id()).cookie(countyReviewer)).andExpect(status().isForbidden());
        String sheet = Sheets.text(mvc.perform(get("/rectification/export.xlsx").param("unit", "DEPARTMENT:C-JXJ").cookie(countyReviewer))
                .andExpect(status().isOk()).andReturn());
        assertThat(sheet).doesNotContain(city.number()).doesNotContain("攻击测试：经信局的问题");
        assertThat(mvc.perform(get("/rectification").param("unit", "DEPARTMENT:C-JXJ").cookie(countyReviewer)).andReturn().getResponse()
                .getContentAsString()).doesNotContain("攻击测试：经信局的问题");
        mvc.perform(post("/rectification/" + city.id() + "/start").param("text", "越权").cookie(countyReviewer).with(csrf()))
                .andExpect(status().isForbidden());

        // the list and the detail agree: the county's own problem is in both, the city department's in neither
        String ledgerPage = mvc.perform(get("/rectification").cookie(countyReviewer)).andReturn().getResponse().getContentAsString();
        assertThat(ledgerPage).contains("攻击测试：青山县的问题");
        assertThat(ledgerPage.substring(ledgerPage.indexOf("id=\"summary\""), ledgerPage.indexOf("</table>", ledgerPage.indexOf("id=\"summary\""))))
                .as("周调度 counts of the county's own units only").contains("青山县").doesNotContain("市经济和信息化局");
        mvc.perform(get("/rectification/" + county.id()).cookie(countyReviewer)).andExpect(status().isOk());
        Cookie reviewer = Sessions.login(mvc, "reviewer");
        mvc.perform(get("/rectification/" + city.id()).cookie(reviewer)).andExpect(status().isOk());
        mvc.perform(get("/rectification/" + county.id()).cookie(reviewer)).andExpect(status().isForbidden());
        mvc.perform(get("/rectification/" + city.id()).cookie(Sessions.login(mvc, "leader"))).andExpect(status().isOk());
    }

    // --- 催办 ---------------------------------------------------------------------------------

    @Test
    void aHeadCannotRemindOnAnApplicationHeCannotSee() throws Exception {
        library(item("T-ATK-KJJ", "攻击测试：科技局事项", "C-KJJ", "综合评审") + item("T-ATK-JXJ", "攻击测试：经信局事项", "C-JXJ", "综合评审"), true);
        long foreign = dispatched("T-ATK-KJJ");
        long own = dispatched("T-ATK-JXJ");
        long foreignTask = openTask(foreign);
        long ownTask = openTask(own);
        Cookie head = Sessions.login(mvc, "head");

        mvc.perform(get("/applications/" + foreign).cookie(head)).andExpect(status().isForbidden());
        mvc.perform(post("/applications/" + foreign + "/tasks/" + foreignTask + "/remind").param("note", "越权催办").cookie(head).with(csrf()))
                .andExpect(status().isForbidden());
        // the same task through an application he may see
        mvc.perform(post("/applications/" + own + "/tasks/" + foreignTask + "/remind").param("note", "越权催办").cookie(head).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(count("SELECT count(*) FROM task_reminder WHERE task_id = ?", foreignTask)).isZero();
        assertThat(count("SELECT reminders FROM application_task WHERE id = ?", foreignTask)).isZero();
        assertThat(count("SELECT count(*) FROM application_event WHERE application_id = ? AND step = 'REMINDED'", foreign)).isZero();

        // control: his own department's application
        mvc.perform(post("/applications/" + own + "/tasks/" + ownTask + "/remind").param("note", "请抓紧").cookie(head).with(csrf()))
                .andExpect(flash().attribute("message", "已催办"));
        assertThat(count("SELECT count(*) FROM task_reminder WHERE task_id = ?", ownTask)).isEqualTo(1);
    }

    private long dispatched(String item) throws Exception {
        Cookie enterprise = Sessions.login(mvc, "enterprise");
        mvc.perform(multipart("/applications").param("item", item).param("commitment", "true").cookie(enterprise).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String uscc = jdbc.sql("SELECT enterprise_uscc FROM app_user WHERE username = 'enterprise'").query(String.class).single();
        long id = count("SELECT id FROM application WHERE item_code = ? AND uscc = ?", item, uscc);
        Cookie clerk = Sessions.login(mvc, "clerk");
        mvc.perform(post("/applications/" + id + "/accept").cookie(clerk).with(csrf())).andExpect(flash().attribute("message", "已受理"));
        mvc.perform(post("/applications/" + id + "/dispatch").cookie(clerk).with(csrf())).andExpect(status().is3xxRedirection());
        return id;
    }

    private long openTask(long application) {
        return count("SELECT id FROM application_task WHERE application_id = ? AND done_at IS NULL ORDER BY id LIMIT 1", application);
    }

    // --- reads never write -----------------------------------------------------------------------

    @Test
    void theLeadersLookAtThePoolsPageLeavesThePoolTableAsItWas() throws Exception {
        library(item("T-ATK-POOL", "攻击测试：尚无资金池的事项", "C-JXJ", "综合评审"), true);
        int year = Today.date().getYear();
        long before = count("SELECT count(*) FROM fund_pool");
        String hash = jdbc.sql("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY item_code, year), '')) FROM fund_pool t").query(String.class).single();

        String page = mvc.perform(get("/funds/pools").cookie(Sessions.login(mvc, "leader"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/funds/pools").param("year", String.valueOf(year + 3)).cookie(Sessions.login(mvc, "finance"))).andExpect(status().isOk());

        assertThat(page).contains("攻击测试：尚无资金池的事项").contains("未设立");
        assertThat(count("SELECT count(*) FROM fund_pool")).isEqualTo(before);
        assertThat(jdbc.sql("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY item_code, year), '')) FROM fund_pool t").query(String.class).single())
                .isEqualTo(hash);

        // a pool is set up by finance, explicitly
        mvc.perform(post("/funds/pools").param("item", "T-ATK-POOL").param("year", String.valueOf(year)).param("budget", "500000")
                .cookie(Sessions.login(mvc, "leader")).with(csrf())).andExpect(status().isForbidden());
        assertThat(count("SELECT count(*) FROM fund_pool")).isEqualTo(before);
        mvc.perform(post("/funds/pools").param("item", "T-ATK-POOL").param("year", String.valueOf(year)).param("budget", "500000")
                .cookie(Sessions.login(mvc, "finance")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(count("SELECT count(*) FROM fund_pool WHERE item_code = 'T-ATK-POOL' AND year = ?", year)).isEqualTo(1);
    }

    // --- details follow their lists --------------------------------------------------------------

    @Test
    void aCountyFinanceOfficerDoesNotSeeTheWholeCitysMoney() throws Exception {
        if (count("SELECT count(*) FROM app_user WHERE username = 'county-finance'") == 0) {
            long department = count("SELECT id FROM department WHERE code = '519921-JXJ'");
            users.create(new UserAdministration.UserForm("county-finance", "青山县兑付专员", Sessions.DEMO_PASSWORD, Set.of(Role.FINANCE),
                    "519921", department, null, null));
        }
        Cookie countyFinance = Sessions.login(mvc, "county-finance");
        mvc.perform(get("/funds/pools").cookie(countyFinance)).andExpect(status().isForbidden());
        mvc.perform(get("/funds/grants/export.xlsx").cookie(countyFinance)).andExpect(status().isForbidden());
        mvc.perform(get("/funds/batches").cookie(countyFinance)).andExpect(status().isForbidden());
        mvc.perform(get("/funds/grants").cookie(countyFinance)).andExpect(status().isOk()); // scoped to the county by the page itself

        // an application is seen by a finance officer of its own county only (the city's finance officer sees all)
        library(item("T-ATK-FIN", "攻击测试：财政范围事项", "C-KJJ", "综合评审"), true);
        long application = dispatched("T-ATK-FIN");
        boolean inCounty = "519921".equals(jdbc.sql("SELECT region FROM application WHERE id = ?").param(application).query(String.class).single());
        mvc.perform(get("/applications/" + application).cookie(countyFinance)).andExpect(status().is(inCounty ? 200 : 403));
        mvc.perform(get("/applications/" + application).cookie(Sessions.login(mvc, "finance"))).andExpect(status().isOk());
    }

    @Test
    void aCountyReviewerSeesNoCityApplicationAndNoOtherDepartmentsSelfEvaluation() throws Exception {
        Cookie county = Sessions.login(mvc, "county");
        Long cityApplication = jdbc.sql("SELECT id FROM application WHERE NOT ('519921-JXJ' = ANY(departments)) ORDER BY id LIMIT 1")
                .query(Long.class).optional().orElse(null);
        if (cityApplication != null) {
            mvc.perform(get("/applications/" + cityApplication).cookie(county)).andExpect(status().isForbidden());
            mvc.perform(get("/applications/" + cityApplication + "/dispatch-notice.pdf").cookie(county)).andExpect(status().isForbidden());
        }
        Long campaign = jdbc.sql("SELECT id FROM eval_campaign ORDER BY id LIMIT 1").query(Long.class).optional().orElse(null);
        if (campaign != null) {
            mvc.perform(get("/evaluation/campaigns/" + campaign + "/self/C-JXJ").cookie(county)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/matching/sandbox").cookie(Sessions.login(mvc, "enterprise"))).andExpect(status().isForbidden());
        mvc.perform(get("/enterprises/corrections").cookie(county)).andExpect(status().isOk());
    }
}
