package io.zhida.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.rectification.Ledger;
import io.zhida.rectification.Problem;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The lists that grow come a page at a time: at most the page size, page 2 holds other rows than page 1, all pages
 * together hold every row once, the pager's total is the SQL count of the same filters and data scope, bad paging
 * parameters are a 400, links keep the filters, and the exports still carry the whole list.
 * Its rows (marked T-PAGE) are inserted into the owning modules' tables and removed afterwards, so that the lists
 * other tests read look as before.
 */
@ZhidaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagingIT {

    private static final int PAGE = PageQuery.DEFAULT_SIZE;
    private static final String COUNTY = "519921";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    UserAdministration users;

    @BeforeAll
    void rowsEnoughForSeveralPages() {
        removeTestRows();
        // 25 enterprises of one county and 20 of others: grants, appeals and applications of both
        List<String> usccs = new ArrayList<>(jdbc.sql("SELECT uscc FROM enterprise WHERE region = ? ORDER BY uscc LIMIT 25").param(COUNTY)
                .query(String.class).list());
        usccs.addAll(jdbc.sql("SELECT uscc FROM enterprise WHERE region <> ? ORDER BY uscc LIMIT 20").param(COUNTY).query(String.class).list());
        assertThat(usccs).hasSize(45);
        for (int i = 0; i < usccs.size(); i++) {
            String uscc = usccs.get(i);
            String n = String.format("%02d", i);
            // 公示 since three days (the newest grants of other tests stay first), until ten days on
            jdbc.sql("""
                    INSERT INTO fund_grant (uscc, enterprise_name, region, item_code, item_name, period, year, amount, route, status,
                        disclosure_from, disclosure_until, created_by)
                    SELECT uscc, name, region, 'T-PAGE-G', '分页测试补贴', '2026', 2026, 1000 + ?, 'NO_APPLICATION', 'DISCLOSING',
                        current_date - 3, current_date + 10, 'paging-test' FROM enterprise WHERE uscc = ?""").params(i, uscc).update();
            jdbc.sql("""
                    INSERT INTO appeal (number, uscc, enterprise_name, region, kind, department_code, content, status, due_at)
                    SELECT ?, uscc, name, region, 'REQUEST', 'C-JXJ', '分页测试诉求 ' || ?, 'DISPATCHED', now() + interval '5 days'
                    FROM enterprise WHERE uscc = ?""").params("T-PAGE-A-" + n, n, uscc).update();
            application("T-PAGE-W-" + n, uscc, "SUBMITTED", false); // the window's queue
            application("T-PAGE-D-" + n, uscc, "APPROVED", true); // the 经信局's 已办
            jdbc.sql("""
                    INSERT INTO outbound_message (channel, address, text, delivered_at, attempts)
                    VALUES ('SMS', ?, ?, now(), 1)""").params("T-PAGE-" + n, "分页测试短信 " + n).update();
            ledger.open(new Problem.New(Problem.Category.MANUAL, null, "T-PAGE 分页测试问题 " + n, "分页测试", "DEPARTMENT", "C-JXJ",
                    List.of(), null, null, null, 10), "paging-test");
        }
        for (int i = 0; i < 25; i++) {
            String n = String.format("%02d", i);
            jdbc.sql("""
                    INSERT INTO no_application_run (item_code, item_name, trigger, actor, finished_at, granted, status)
                    VALUES ('T-PAGE-RUN', '分页测试免申即享', 'SCHEDULED', 'system', now(), ?, 'DONE')""").param(i).update();
            // an escalated step of the 经信局, due later than any real overdue one, so it sorts last in 督办
            long app = application("T-PAGE-R-" + n, usccs.get(i), "DISPATCHED", true);
            jdbc.sql("""
                    INSERT INTO application_task (application_id, kind, department_code, started_at, due_at, escalated_at)
                    VALUES (?, 'DECIDE', 'C-JXJ', now(), now() + interval '1 year', now())""").param(app).update();
        }
    }

    private long application(String number, String uscc, String status, boolean dispatched) {
        return jdbc.sql("""
                INSERT INTO application (number, uscc, enterprise_name, region, item_code, item_version, item_name, mode, departments,
                    period, status, dispatched_at)
                SELECT ?, uscc, name, region, ?, 1, '分页测试事项', 'COMMITMENT', '{C-JXJ}', '2026', ?,
                    CASE WHEN ? THEN now() END FROM enterprise WHERE uscc = ? RETURNING id""")
                .params(number, number.substring(0, number.lastIndexOf('-')), status, dispatched, uscc) // one live application per item
                .query(Long.class).single();
    }

    @AfterAll
    void removeTestRows() {
        jdbc.sql("DELETE FROM application_task WHERE application_id IN (SELECT id FROM application WHERE number LIKE 'T-PAGE-%')").update();
        jdbc.sql("DELETE FROM application WHERE number LIKE 'T-PAGE-%'").update();
        jdbc.sql("DELETE FROM fund_grant WHERE item_code = 'T-PAGE-G'").update();
        jdbc.sql("DELETE FROM appeal WHERE number LIKE 'T-PAGE-%'").update();
        jdbc.sql("DELETE FROM outbound_message WHERE address LIKE 'T-PAGE-%'").update();
        jdbc.sql("DELETE FROM no_application_run WHERE item_code = 'T-PAGE-RUN'").update();
        jdbc.sql("DELETE FROM problem_event WHERE problem_id IN (SELECT id FROM problem WHERE title LIKE 'T-PAGE %')").update();
        jdbc.sql("DELETE FROM problem WHERE title LIKE 'T-PAGE %'").update();
    }

    @Test
    void disclosuresAndGrantDetailsComeAPageAtATimeAndExportWhole() throws Exception {
        pages(null, "/portal/disclosures", "disclosures", 45, "item", "T-PAGE-G");
        pages(null, "/portal/disclosures", "disclosures", () -> jdbc.sql("""
                SELECT count(*) FROM fund_grant WHERE status <> 'CANCELLED' AND disclosure_from <= ? AND disclosure_until >= ?""")
                .params(Today.date(), Today.date().minusDays(30)).query(Long.class).single());
        pages(null, "/portal/disclosures", "disclosures", 45, "q", "分页测试补贴");
        assertThat(exportRows(null, "/portal/disclosures/export.xlsx", "item", "T-PAGE-G")).as("the export is the whole list").isEqualTo(45);
        refusesBadPaging(null, "/portal/disclosures");

        Cookie leader = Sessions.login(mvc, "leader");
        pages(leader, "/funds/grants", "grant-records", 45, "item", "T-PAGE-G");
        pages(leader, "/funds/grants", "grant-records", () -> count("SELECT count(*) FROM fund_grant WHERE status = 'DISCLOSING'"),
                "status", "DISCLOSING");
        assertThat(exportRows(leader, "/funds/grants/list.xlsx", "item", "T-PAGE-G")).isEqualTo(45);
        // a county's finance officer sees the county's grants only, whichever region he asks for
        Cookie countyFinance = countyFinance();
        Listed county = pages(countyFinance, "/funds/grants", "grant-records", 25, "item", "T-PAGE-G", "region", "519922");
        assertThat(county.nextHref()).as("the pager keeps the filters").contains("item=T-PAGE-G").contains("page=2");
        assertThat(exportRows(countyFinance, "/funds/grants/list.xlsx", "item", "T-PAGE-G", "region", "519922")).isEqualTo(25);
        refusesBadPaging(leader, "/funds/grants");
    }

    @Test
    void theOutboxAndTheRunsComeAPageAtATime() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        pages(admin, "/notify/outbox", "outbox", () -> count("SELECT count(*) FROM outbound_message"));
        pages(admin, "/notify/outbox", "outbox", () -> count("SELECT count(*) FROM outbound_message WHERE channel = 'SMS' AND delivered_at IS NOT NULL"),
                "channel", "SMS", "state", "DELIVERED");
        refusesBadPaging(admin, "/notify/outbox");

        Cookie finance = Sessions.login(mvc, "finance");
        Listed runs = pages(finance, "/funds/runs", "runs", 25, "item", "T-PAGE-RUN");
        assertThat(runs.nextHref()).contains("item=T-PAGE-RUN");
        pages(finance, "/funds/runs", "runs", () -> count("SELECT count(*) FROM no_application_run"));
        assertThat(exportRows(finance, "/funds/runs/export.xlsx", "item", "T-PAGE-RUN")).isEqualTo(25);
        refusesBadPaging(finance, "/funds/runs");
    }

    @Test
    void theLedgerAndTheAppealsComeAPageAtATimeInTheirUnitsScope() throws Exception {
        Cookie reviewer = Sessions.login(mvc, "reviewer"); // 经信局: its own problems and appeals
        String unitScope = "unit_kind = 'DEPARTMENT' AND (unit_code = 'C-JXJ' OR 'C-JXJ' = ANY(co_units))";
        String region = jdbc.sql("SELECT region_code FROM app_user WHERE username = 'reviewer'").query(String.class).optional().orElse(null);
        String scope = region == null ? unitScope
                : "(" + unitScope + " OR (unit_kind = 'COUNTY' AND (unit_code = '" + region + "' OR '" + region + "' = ANY(co_units))))";
        pages(reviewer, "/rectification", "problems", () -> count("SELECT count(*) FROM problem WHERE " + scope));
        pages(reviewer, "/rectification", "problems", () -> count("SELECT count(*) FROM problem WHERE category = 'MANUAL' AND " + scope),
                "category", "MANUAL", "unit", "COUNTY:" + COUNTY); // the unit asked for is not his to choose
        assertThat(exportRows(reviewer, "/rectification/export.xlsx")).isEqualTo(count("SELECT count(*) FROM problem WHERE " + scope));
        Cookie evaluator = Sessions.login(mvc, "evaluator");
        pages(evaluator, "/rectification", "problems", () -> count("SELECT count(*) FROM problem"));
        refusesBadPaging(evaluator, "/rectification");

        pages(reviewer, "/appeals", "appeals", () -> count("SELECT count(*) FROM appeal WHERE department_code = 'C-JXJ'"));
        pages(evaluator, "/appeals", "appeals", () -> count("SELECT count(*) FROM appeal WHERE status = 'DISPATCHED' AND kind = 'REQUEST'"),
                "status", "DISPATCHED", "kind", "REQUEST");
        assertThat(exportRows(reviewer, "/appeals/export.xlsx")).isEqualTo(count("SELECT count(*) FROM appeal WHERE department_code = 'C-JXJ'"));
        refusesBadPaging(reviewer, "/appeals");
    }

    @Test
    void theWorkQueuesAndSupervisionComeAPageAtATime() throws Exception {
        Cookie clerk = Sessions.login(mvc, "clerk"); // the city's window
        pages(clerk, "/window", "queue", () -> count("SELECT count(*) FROM application WHERE status IN ('SUBMITTED', 'ACCEPTED', 'RETURNED')"));
        pages(clerk, "/window", "queue", () -> count("SELECT count(*) FROM application WHERE status = 'SUBMITTED'"), "status", "SUBMITTED");
        refusesBadPaging(clerk, "/window");

        Cookie reviewer = Sessions.login(mvc, "reviewer");
        String department = "'C-JXJ' = ANY (departments) AND dispatched_at IS NOT NULL";
        Listed done = pages(reviewer, "/review", "queue", () -> count("SELECT count(*) FROM application WHERE " + department
                + " AND status <> 'DISPATCHED'"), "open", "false");
        assertThat(done.nextHref()).as("已办 stays 已办 on the next page").contains("open=false");
        assertThat(exportRows(reviewer, "/review/export.xlsx", "open", "false"))
                .isEqualTo(count("SELECT count(*) FROM application WHERE " + department + " AND status <> 'DISPATCHED'"));
        pages(reviewer, "/review", "queue", () -> count("SELECT count(*) FROM application WHERE " + department + " AND status = 'DISPATCHED'"));
        refusesBadPaging(reviewer, "/review");

        String overdue = "SELECT count(*) FROM application_task WHERE done_at IS NULL AND (due_at < now() OR escalated_at IS NOT NULL)";
        Cookie head = Sessions.login(mvc, "head"); // 经信局: its own overdue steps, whatever department he asks for
        pages(head, "/supervision", "overdue", () -> count(overdue + " AND department_code = 'C-JXJ'"), "department", "C-CZJ");
        Cookie evaluator = Sessions.login(mvc, "evaluator");
        pages(evaluator, "/supervision", "overdue", () -> count(overdue + " AND kind = 'DECIDE'"), "kind", "DECIDE");
        assertThat(exportRows(evaluator, "/supervision/export.xlsx", "kind", "DECIDE")).isEqualTo(count(overdue + " AND kind = 'DECIDE'"));
        refusesBadPaging(evaluator, "/supervision");
    }

    /** One page as the browser gets it: the rows of the list's table and the pager's figures. */
    private record Listed(List<String> rows, long total, int pages, String pagerText, Document page) {

        String nextHref() {
            Element next = page.selectFirst("nav.zd-pager a[rel=next]");
            return next == null ? "" : next.attr("href");
        }
    }

    private Listed pages(Cookie who, String path, String table, long expected, String... filters) throws Exception {
        return pages(who, path, table, () -> expected, filters);
    }

    /**
     * Walks the list page by page and checks it against the SQL count of the same scope (read before and after, for a
     * list something else may be adding to).
     */
    private Listed pages(Cookie who, String path, String table, Supplier<Long> sqlCount, String... filters) throws Exception {
        long before = sqlCount.get();
        Listed first = fetch(who, path, table, 1, PAGE, filters);
        long after = sqlCount.get();
        assertThat(first.total()).as(path + ": the pager's total is the SQL count").isBetween(before, after);
        assertThat(after).as(path + ": enough rows for two pages").isGreaterThan(PAGE);
        assertThat(first.rows()).as(path + ": page 1 is full, and no more").hasSize(PAGE);
        assertThat(first.pagerText()).contains("第 1 / " + first.pages() + " 页，共 " + String.format("%,d", first.total()) + " 条");
        assertThat(first.pages()).isEqualTo((int) ((first.total() + PAGE - 1) / PAGE));

        Listed second = fetch(who, path, table, 2, PAGE, filters);
        assertThat(second.rows()).as(path + ": page 2").isNotEmpty().hasSizeLessThanOrEqualTo(PAGE).doesNotContainAnyElementsOf(first.rows());
        assertThat(second.page().selectFirst("nav.zd-pager a[rel=prev]")).as("page 2 links back").isNotNull();

        if (first.total() <= 5 * PAGE) { // every row once, on exactly one page
            Set<String> seen = new LinkedHashSet<>();
            int rows = 0;
            for (int p = 1; p <= first.pages(); p++) {
                List<String> page = p == 1 ? first.rows() : fetch(who, path, table, p, PAGE, filters).rows();
                rows += page.size();
                seen.addAll(page);
            }
            assertThat(rows).as(path + ": all pages together").isEqualTo(first.total());
            assertThat(seen).as(path + ": no row on two pages").hasSize(rows);
        }
        assertThat(fetch(who, path, table, 1, 50, filters).rows()).hasSize((int) Math.min(50, first.total()));
        assertThat(fetch(who, path, table, first.pages() + 1, PAGE, filters).rows()).as("past the end: nothing, and no error").isEmpty();
        return first;
    }

    private Listed fetch(Cookie who, String path, String table, int page, int size, String... filters) throws Exception {
        MockHttpServletResponse response = mvc.perform(request(who, path, filters).param("page", String.valueOf(page))
                .param("size", String.valueOf(size))).andExpect(status().isOk()).andReturn().getResponse();
        Document doc = Jsoup.parse(response.getContentAsString());
        Element list = doc.getElementById(table);
        assertThat(list).as(path + " has the table #" + table).isNotNull();
        List<String> rows = list.select("tbody > tr").stream()
                .filter(tr -> !(tr.children().size() == 1 && tr.child(0).hasAttr("colspan"))) // the "nothing here" row
                .map(Element::text).toList();
        Element pager = doc.selectFirst("nav.zd-pager");
        assertThat(pager).as(path + " has a pager").isNotNull();
        return new Listed(rows, Long.parseLong(pager.attr("data-total")), Integer.parseInt(pager.attr("data-pages")), pager.text(), doc);
    }

    private void refusesBadPaging(Cookie who, String path) throws Exception {
        for (String[] bad : new String[][] {{"page", "0"}, {"page", "abc"}, {"page", "-1"}, {"size", "100000"}, {"size", "7"}, {"page", "99999999999"}}) {
            String body = mvc.perform(request(who, path).param(bad[0], bad[1])).andExpect(status().isBadRequest())
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).as(path + "?" + bad[0] + "=" + bad[1]).contains(bad[0].equals("page") ? "页码" : "每页条数");
        }
    }

    private MockHttpServletRequestBuilder request(Cookie who, String path, String... params) {
        MockHttpServletRequestBuilder request = get(path);
        if (who != null) {
            request = request.cookie(who);
        }
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request;
    }

    /** Data rows of a downloaded spreadsheet (below its header row). */
    private int exportRows(Cookie who, String path, String... params) throws Exception {
        byte[] bytes = mvc.perform(request(who, path, params)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            return book.getSheetAt(0).getPhysicalNumberOfRows() - 1;
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private Cookie countyFinance() throws Exception {
        if (count("SELECT count(*) FROM app_user WHERE username = 'county-finance'") == 0) {
            long department = count("SELECT id FROM department WHERE code = '519921-JXJ'");
            users.create(new UserAdministration.UserForm("county-finance", "青山县兑付专员", Sessions.DEMO_PASSWORD, Set.of(Role.FINANCE),
                    COUNTY, department, null, null));
        }
        return Sessions.login(mvc, "county-finance");
    }
}
