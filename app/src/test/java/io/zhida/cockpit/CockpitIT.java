package io.zhida.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.platform.Today;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The cockpit's figures against counts made directly on the records, after a rebuild and after live events. */
@ZhidaIntegrationTest
class CockpitIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Cockpit cockpit;
    @Autowired
    PolicyLibraryExchange exchange;

    @Test
    void figuresMatchAHandCountOnTheRecordsAndFollowNewApplications() throws Exception {
        // the read model's own listeners have caught up with what other tests did, so the rebuild is not counted twice
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM event_publication "
                + "WHERE completion_date IS NULL AND listener_id LIKE 'io.zhida.cockpit.%'").query(Long.class).single() == 0);
        cockpit.rebuild();
        LocalDate to = Today.date();
        LocalDate from = to.minusYears(1).plusDays(1);
        for (String region : new String[] {null, "519921"}) {
            CockpitSummary s = cockpit.summary(new CockpitFilter(from, to, region, null, null, null, null));
            String where = region == null ? "" : " AND e.region = '" + region + "'";
            assertThat(s.submitted()).isEqualTo(count("SELECT count(*) FROM application a JOIN enterprise e ON e.uscc = a.uscc WHERE "
                    + "(a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '" + from + "' AND '" + to + "'" + where));
            assertThat(s.grantedAmount()).isEqualByComparingTo(sum("SELECT coalesce(sum(g.amount), 0) FROM fund_grant g JOIN enterprise e ON e.uscc = g.uscc "
                    + "WHERE g.status <> 'CANCELLED' AND (g.created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '" + from + "' AND '" + to + "'" + where));
            assertThat(s.paidAmount()).isEqualByComparingTo(sum("SELECT coalesce(sum(g.amount), 0) FROM fund_grant g JOIN enterprise e ON e.uscc = g.uscc "
                    + "WHERE g.status = 'PAID' AND (g.paid_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '" + from + "' AND '" + to + "'" + where));
            assertThat(s.matched()).isEqualTo(count("SELECT count(*) FROM announced_pair n "
                    + "JOIN enterprise e ON e.uscc = n.uscc WHERE (n.created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '" + from + "' AND '" + to + "'" + where));
            assertThat(s.stages().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(count("SELECT count(*) FROM application a JOIN enterprise e ON e.uscc = a.uscc WHERE TRUE" + where));
            assertThat(s.enterprises()).isEqualTo(count("SELECT count(*) FROM enterprise e WHERE TRUE" + where));
        }

        // a new application moves the figures through the events, without a rebuild
        exchange.importYaml("""
                documents: []
                items:
                  - code: T-COCKPIT-1
                    name: 驾驶舱测试补贴
                    departments: [C-KJJ]
                    mode: 综合评审
                    condition: e.employees >= 1 // 有从业人员
                    benefit_type: 资金补贴
                    amount: "5000"
                    annual_budget: 100000
                """, true);
        CockpitFilter science = new CockpitFilter(from, to, null, "C-KJJ", null, null, null);
        long before = cockpit.summary(science).submitted();
        long stageBefore = cockpit.summary(science).stages().getOrDefault("SUBMITTED", 0L);
        mvc.perform(multipart("/applications").param("item", "T-COCKPIT-1").cookie(Sessions.login(mvc, "enterprise")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> cockpit.summary(science).submitted() == before + 1);
        assertThat(cockpit.summary(science).stages().getOrDefault("SUBMITTED", 0L)).isEqualTo(stageBefore + 1);
        assertThat(cockpit.breakdown(science).departments()).extracting(CockpitSummary.Slice::key).containsOnly("C-KJJ");
        // the charts and the headline read the same cells: by month, by county and by industry they add up to the summary
        for (CockpitFilter f : List.of(science, new CockpitFilter(from, to, null, null, null, null, null),
                new CockpitFilter(from, to, "519921", null, null, null, null))) {
            CockpitSummary s = cockpit.summary(f);
            CockpitSummary.Breakdown b = cockpit.breakdown(f);
            assertThat(b.months().stream().mapToLong(CockpitSummary.Month::submitted).sum()).as("submitted by month, %s", f).isEqualTo(s.submitted());
            assertThat(b.months().stream().mapToLong(CockpitSummary.Month::matched).sum()).as("matched by month, %s", f).isEqualTo(s.matched());
            assertThat(b.months().stream().map(CockpitSummary.Month::paidAmount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                    .as("paid by month, %s", f).isEqualByComparingTo(s.paidAmount());
            assertThat(b.regions().stream().map(CockpitSummary.Slice::amount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                    .as("granted by county, %s", f).isEqualByComparingTo(s.grantedAmount());
            assertThat(b.industries().stream().mapToLong(CockpitSummary.Slice::count).sum()).as("granted by industry, %s", f).isEqualTo(s.granted());
        }
    }

    @Test
    void aFilterThatNamesNothingOfThisCityIsA400NotAnEmptyCockpit() throws Exception {
        var leader = Sessions.login(mvc, "leader");
        mvc.perform(get("/cockpit").param("region", "519921").param("industry", "C").param("size", "小型").cookie(leader)).andExpect(status().isOk());
        for (String[] bad : new String[][] {{"region", "999999"}, {"department", "NO-SUCH"}, {"industry", "ZZ"}, {"size", "巨型"},
                {"from", "1900-01-01"}, {"from", "2026-13-01"}}) {
            mvc.perform(get("/cockpit").param(bad[0], bad[1]).cookie(leader)).andExpect(status().isBadRequest());
        }
        mvc.perform(get("/api/v1/cockpit/summary").param("region", "999999").header("Authorization", "Bearer " + Sessions.token(mvc, "leader")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").exists());
    }

    @Test
    void theApiGivesTheHeadlineToLeadersAndScopesOrRefusesOthers() throws Exception {
        String leader = "Bearer " + Sessions.token(mvc, "leader");
        mvc.perform(get("/api/v1/cockpit/summary").header("Authorization", leader)).andExpect(status().isOk())
                .andExpect(jsonPath("$.enterprises").isNumber()).andExpect(jsonPath("$.grantedAmount").isNumber())
                .andExpect(jsonPath("$.stages").isMap());
        mvc.perform(get("/api/v1/cockpit/summary").param("from", "2026-05-01").param("to", "2026-04-01").header("Authorization", leader))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/cockpit/summary").param("region", "abc").header("Authorization", leader)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/cockpit/summary").header("Authorization", "Bearer " + Sessions.token(mvc, "enterprise"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cockpit/summary").header("Authorization", "Bearer " + Sessions.token(mvc, "county"))).andExpect(status().isForbidden());
        // the head of 经信局 sees 经信局 only, whatever is asked
        String head = "Bearer " + Sessions.token(mvc, "head");
        String all = mvc.perform(get("/api/v1/cockpit/summary").header("Authorization", leader)).andReturn().getResponse().getContentAsString();
        String own = mvc.perform(get("/api/v1/cockpit/summary").param("department", "C-CZJ").header("Authorization", head))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        BigDecimal jxj = cockpit.summary(new CockpitFilter(Today.date().minusYears(1).plusDays(1), Today.date(), null, "C-JXJ", null, null, null)).grantedAmount();
        assertThat(new BigDecimal(com.jayway.jsonpath.JsonPath.read(own, "$.grantedAmount").toString())).isEqualByComparingTo(jxj);
        assertThat(all).isNotEqualTo(own);
        mvc.perform(get("/cockpit").cookie(Sessions.login(mvc, "leader"))).andExpect(status().isOk());
        mvc.perform(get("/cockpit").param("region", "519921").param("industry", "C").cookie(Sessions.login(mvc, "leader"))).andExpect(status().isOk());
    }

    /** A call-back answered today shows in the cockpit's 营商环境监督 card, in the county it belongs to and not in another. */
    @Test
    void supervisionFiguresFollowTheRecordsOfTheirModules() throws Exception {
        java.util.List<String> counties = jdbc.sql("SELECT code FROM region WHERE level = 'COUNTY' ORDER BY code LIMIT 2").query(String.class).list();
        io.zhida.cockpit.internal.SupervisionFigures figures = context.getBean(io.zhida.cockpit.internal.SupervisionFigures.class);
        CockpitFilter here = new CockpitFilter(Today.date(), Today.date(), counties.get(0), null, null, null, null);
        CockpitFilter there = new CockpitFilter(Today.date(), Today.date(), counties.get(1), null, null, null, null);
        long before = figures.of(here).calls();
        long elsewhere = figures.of(there).calls();
        String uscc = jdbc.sql("SELECT uscc FROM enterprise WHERE region = ? LIMIT 1").param(counties.get(0)).query(String.class).single();
        jdbc.sql("""
                INSERT INTO callback_sample (day, source, ref_id, uscc, enterprise_name, region, status, stars, resolved, answered_at)
                VALUES (CURRENT_DATE, 'CONTACT', -424242, ?, '驾驶舱测试企业', ?, 'REACHED', 5, true, now())""").params(uscc, counties.get(0)).update();
        assertThat(figures.of(here).calls()).isEqualTo(before + 1);
        assertThat(figures.of(here).callsSatisfied()).isPositive();
        assertThat(figures.of(there).calls()).isEqualTo(elsewhere);
        assertThat(mvc.perform(get("/cockpit").cookie(Sessions.login(mvc, "leader"))).andReturn().getResponse().getContentAsString())
                .contains("营商环境监督").contains("帮办代办").contains("三级帮包诉求");
    }

    @Test
    void monthlyAndQuarterlyReportsAreGeneratedAsPdfWithChineseAndAsSpreadsheets() throws Exception {
        var leader = Sessions.login(mvc, "leader");
        String month = java.time.YearMonth.from(Today.date()).minusMonths(1).toString();
        mvc.perform(post("/cockpit/reports").param("kind", "MONTHLY").param("period", month).cookie(leader).with(csrf()))
                .andExpect(flash().attributeExists("message"));
        mvc.perform(post("/cockpit/reports").param("kind", "MONTHLY").param("period", "2026-13").cookie(leader).with(csrf()))
                .andExpect(flash().attribute("error", "期间应为 2026-10（月报）或 2026Q3（季报）"));
        mvc.perform(post("/cockpit/reports").param("kind", "MONTHLY").param("period", "2099-01").cookie(leader).with(csrf()))
                .andExpect(flash().attribute("error", "不能为尚未开始的期间生成报告"));
        mvc.perform(post("/cockpit/reports").param("kind", "QUARTERLY").param("period", Today.date().getYear() + "Q1").cookie(leader).with(csrf()))
                .andExpect(flash().attributeExists("message"));
        long id = jdbc.sql("SELECT id FROM cockpit_report WHERE kind = 'MONTHLY' AND period = ?").param(month).query(Long.class).single();
        byte[] pdf = mvc.perform(get("/cockpit/reports/" + id + ".pdf").cookie(leader)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("惠企政策兑现情况").contains("各县（区）兑现情况")
                    .contains("青山县");
        }
        byte[] xlsx = mvc.perform(get("/cockpit/reports/" + id + ".xlsx").cookie(leader)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(xlsx))) {
            StringBuilder text = new StringBuilder();
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell)).append('|')));
            assertThat(text).contains("已拨付金额（元）").contains("青山县").contains("按时拨付率");
        }
        mvc.perform(get("/cockpit/reports").cookie(leader)).andExpect(status().isOk());
        mvc.perform(get("/cockpit/reports").cookie(Sessions.login(mvc, "enterprise"))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/")).andReturn().getResponse().getContentAsString()).contains("已兑付资金").contains("免申即享");
    }

    @Test
    void matchesOfEnterprisesTheModelHasNotHeardOfAreCountedAndABulkImportLoadsThemAll() {
        String uscc = jdbc.sql("SELECT uscc FROM enterprise WHERE region IS NOT NULL ORDER BY uscc DESC OFFSET 7 LIMIT 1").query(String.class).single();
        String region = jdbc.sql("SELECT region FROM enterprise WHERE uscc = ?").param(uscc).query(String.class).single();
        LocalDate today = Today.date();
        CockpitFilter county = new CockpitFilter(today, today, region, null, null, null, null);
        // the enterprise's change has not reached the cockpit yet (a bulk import, or its event still on its way)
        jdbc.sql("DELETE FROM cockpit_enterprise WHERE uscc = ?").param(uscc).update();
        long before = cockpit.summary(county).matched();
        exchange.importYaml("""
                documents: []
                items:
                  - code: T-COCKPIT-NEW
                    name: 驾驶舱新企业测试补贴
                    departments: [C-KJJ]
                    mode: 免申即享
                    condition: e.uscc == "%s" // 本企业
                    benefit_type: 资金补贴
                    amount: "100"
                """.formatted(uscc), true);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> cockpit.summary(county).matched() == before + 1);

        // a bulk import: the model's enterprises are all loaded again
        jdbc.sql("DELETE FROM cockpit_enterprise WHERE uscc IN (SELECT uscc FROM enterprise ORDER BY uscc LIMIT 10)").update();
        transaction.executeWithoutResult(s -> events.publishEvent(new io.zhida.enterprise.EnterprisesChanged(java.util.List.of(), true)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM cockpit_enterprise")
                == count("SELECT count(*) FROM enterprise"));
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private BigDecimal sum(String sql) {
        return jdbc.sql(sql).query(BigDecimal.class).single();
    }
}
