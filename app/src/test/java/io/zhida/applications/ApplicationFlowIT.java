package io.zhida.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.funds.Disclosure;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** 申报 → 受理 → 交办 → 审核 → 公示 → 拨付 → 评价, through the pages people use, and the ways it must refuse. */
@ZhidaIntegrationTest
class ApplicationFlowIT {

    static final byte[] PDF = "%PDF-1.4\n% test material\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    Disclosure disclosure;
    @Autowired
    TimeLimits limits;
    @Autowired
    UserAdministration users;
    @Autowired
    io.zhida.applications.internal.ApplicationRows rows;

    String uscc;

    @BeforeEach
    void items() {
        uscc = jdbc.sql("SELECT enterprise_uscc FROM app_user WHERE username = 'enterprise'").query(String.class).single();
        if (jdbc.sql("SELECT count(*) FROM policy_item WHERE code = 'T-APPLY-1'").query(Long.class).single() == 0) {
            exchange.importYaml("""
                    documents: []
                    items:
                      - code: T-APPLY-1
                        name: 测试技改承诺补贴
                        departments: [C-JXJ]
                        mode: 承诺即享
                        condition: e.employees >= 1 // 有从业人员
                        materials:
                          - {name: 项目申报书, shared: false}
                          - {name: 营业执照, shared: true}
                        benefit_type: 资金补贴
                        amount: "10000"
                        time_limit_days: 10
                        annual_budget: 100000
                      - code: T-APPLY-2
                        name: 测试时限督办补贴
                        departments: [C-JXJ]
                        mode: 综合评审
                        condition: e.employees >= 1 // 有从业人员
                        benefit_type: 资金补贴
                        amount: "20000"
                        annual_budget: 100000
                    """, true);
        }
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'enterprise2'").query(Long.class).single() == 0) {
            String other = jdbc.sql("SELECT uscc FROM enterprise WHERE uscc <> ? AND employees >= 1 ORDER BY uscc LIMIT 1").param(uscc).query(String.class).single();
            users.create(new UserAdministration.UserForm("enterprise2", "另一家企业", Sessions.DEMO_PASSWORD, Set.of(Role.ENTERPRISE),
                    null, null, other, null));
        }
    }

    @Test
    void anEnterpriseAppliesTheWindowDispatchesTheDepartmentApprovesFinancePaysAndTheEnterpriseRates() throws Exception {
        Cookie enterprise = Sessions.login(mvc, "enterprise");
        String form = mvc.perform(get("/applications/new").param("item", "T-APPLY-1").cookie(enterprise))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("平台已掌握的数据").contains("从业人员").contains("承诺书").contains("营业执照");

        // refused: no commitment, wrong file type, a PDF that is not one — nothing is written
        submit(enterprise, "项目申报书.pdf", PDF, false);
        submit(enterprise, "项目申报书.exe", PDF, true);
        submit(enterprise, "项目申报书.pdf", "MZ not a pdf".getBytes(StandardCharsets.UTF_8), true);
        assertThat(count("SELECT count(*) FROM application WHERE item_code = 'T-APPLY-1'")).isZero();

        long id = submit(enterprise, "项目申报书.pdf", PDF, true);
        assertThat(id).isPositive();
        submit(enterprise, "项目申报书.pdf", PDF, true); // double submission
        assertThat(count("SELECT count(*) FROM application WHERE item_code = 'T-APPLY-1'")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT estimate FROM application WHERE id = ?").param(id).query(BigDecimal.class).single()).isEqualByComparingTo("10000");
        assertThat(count("SELECT count(*) FROM application_task WHERE application_id = " + id + " AND kind = 'WINDOW'")).isEqualTo(1);

        // another enterprise and another department may neither see nor act
        Cookie stranger = Sessions.login(mvc, "enterprise2");
        mvc.perform(get("/applications/" + id).cookie(stranger)).andExpect(status().isForbidden());
        mvc.perform(get("/applications/" + id + "/files/1").cookie(stranger)).andExpect(status().isForbidden());
        mvc.perform(post("/applications/" + id + "/rate").param("stars", "1").param("comment", "x").cookie(stranger).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/applications/" + id + "/accept").cookie(enterprise).with(csrf())).andExpect(status().isForbidden());

        Cookie clerk = Sessions.login(mvc, "clerk");
        String number = jdbc.sql("SELECT number FROM application WHERE id = ?").param(id).query(String.class).single();
        assertThat(sheetText(mvc.perform(get("/window/export.xlsx").cookie(clerk)).andExpect(status().isOk()).andReturn()))
                .contains(number).contains("测试技改承诺补贴").contains("待受理");
        mvc.perform(get("/window/export.xlsx").cookie(enterprise)).andExpect(status().isForbidden());
        action(clerk, id, "dispatch"); // must accept first: refused with a message, nothing changes
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        action(clerk, id, "accept");
        action(clerk, id, "dispatch");
        assertThat(statusOf(id)).isEqualTo("DISPATCHED");
        MvcResult pdf = mvc.perform(get("/applications/" + id + "/dispatch-notice.pdf").cookie(clerk)).andExpect(status().isOk()).andReturn();
        try (var document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("交办通知书").contains("测试技改承诺补贴");
        }

        Cookie county = Sessions.login(mvc, "county");
        mvc.perform(post("/applications/" + id + "/decide").param("approve", "true").param("reason", "同意").cookie(county).with(csrf()))
                .andExpect(status().isForbidden());

        Cookie reviewer = Sessions.login(mvc, "reviewer");
        action(reviewer, id, "respond");
        mvc.perform(post("/applications/" + id + "/decide").param("approve", "true").param("amount", "9000").param("reason", "同意")
                .cookie(reviewer).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).as("a changed amount needs a reason").isEqualTo("DISPATCHED");
        mvc.perform(post("/applications/" + id + "/decide").param("approve", "true").param("amount", "10000")
                .param("reason", "经审核，符合条件").cookie(reviewer).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("APPROVED");
        assertThat(pool("T-APPLY-1", "reserved")).isEqualByComparingTo("10000");

        long grant = jdbc.sql("SELECT grant_id FROM application WHERE id = ?").param(id).query(Long.class).single();
        assertThat(mvc.perform(get("/portal/disclosures")).andReturn().getResponse().getContentAsString()).contains("测试技改承诺补贴");
        assertThat(sheetText(mvc.perform(get("/portal/disclosures/export.xlsx").param("q", "测试技改承诺补贴")).andExpect(status().isOk()).andReturn()))
                .contains("测试技改承诺补贴").contains(uscc.substring(0, 6) + "********").doesNotContain(uscc);
        assertThat(sheetText(mvc.perform(get("/admin/audit/export.xlsx").param("action", "grant.create").cookie(Sessions.login(mvc, "admin")))
                .andExpect(status().isOk()).andReturn())).contains("grant.create").contains("核定资金").contains("测试技改承诺补贴");
        assertThat(mvc.perform(get("/admin/audit").param("action", "grant.create").cookie(Sessions.login(mvc, "admin"))).andReturn().getResponse()
                .getContentAsString()).as("actions in words on the page").contains("核定资金").contains(">资金 ");
        jdbc.sql("UPDATE fund_grant SET disclosure_until = current_date - 1 WHERE id = ?").param(grant).update(); // 公示 over
        assertThat(disclosure.endDisclosures()).isGreaterThanOrEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM application_task WHERE application_id = " + id + " AND kind = 'PAY'") == 1);

        Cookie finance = Sessions.login(mvc, "finance");
        mvc.perform(post("/funds/batches").cookie(finance).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(count("SELECT count(*) FROM payout_line WHERE grant_id = " + grant)).as("no confirmed account, not in a batch").isZero();
        mvc.perform(post("/my/bank-account").param("accountName", "测试企业").param("bankName", "示范银行").param("accountNo", "62220200001234")
                .cookie(enterprise).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/funds/batches").cookie(finance).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(count("SELECT count(*) FROM payout_line WHERE grant_id = " + grant)).as("an account in another name is not paid").isZero();
        assertThat(mvc.perform(get("/funds/batches").cookie(finance)).andReturn().getResponse().getContentAsString())
                .contains("收款户名与登记名称不一致").contains("测试企业");
        String registered = jdbc.sql("SELECT name FROM enterprise WHERE uscc = ?").param(uscc).query(String.class).single();
        mvc.perform(post("/my/bank-account").param("accountName", registered).param("bankName", "示范银行").param("accountNo", "62220200001234")
                .cookie(enterprise).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/funds/batches").cookie(finance).with(csrf())).andExpect(status().is3xxRedirection());
        long batch = jdbc.sql("SELECT batch_id FROM payout_line WHERE grant_id = ?").param(grant).query(Long.class).single();
        long line = jdbc.sql("SELECT id FROM payout_line WHERE grant_id = ?").param(grant).query(Long.class).single();
        String csv = mvc.perform(get("/funds/batches/" + batch + "/payment.csv").cookie(finance)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("明细号").contains("62220200001234").contains("10000.00");
        mvc.perform(get("/funds/batches/" + batch + "/payment.xlsx").cookie(finance)).andExpect(status().isOk());

        bankResult(finance, batch, "明细号,结果,失败原因\n99999999,成功,\n"); // not in this batch: refused whole
        assertThat(jdbc.sql("SELECT status FROM fund_grant WHERE id = ?").param(grant).query(String.class).single()).isEqualTo("IN_BATCH");
        bankResult(finance, batch, "明细号,结果,失败原因\n" + line + ",成功,\n");
        bankResult(finance, batch, "明细号,结果,失败原因\n" + line + ",成功,\n"); // the same file again pays nothing twice
        assertThat(pool("T-APPLY-1", "paid")).isEqualByComparingTo("10000");
        assertThat(sheetText(mvc.perform(get("/funds/grants/export.xlsx").cookie(finance)).andExpect(status().isOk()).andReturn()))
                .contains("测试技改承诺补贴").contains("已拨付").contains(uscc);
        assertThat(mvc.perform(get("/portal/items/T-APPLY-1")).andReturn().getResponse().getContentAsString())
                .contains("已拨付").contains("10,000.00 元（1 户）");
        assertThat(pool("T-APPLY-1", "reserved")).isEqualByComparingTo("0");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(statusOf(id)));

        mvc.perform(post("/applications/" + id + "/rate").param("stars", "5").param("comment", "很快").cookie(enterprise).with(csrf()));
        mvc.perform(post("/applications/" + id + "/rate").param("stars", "1").param("comment", "再评").cookie(enterprise).with(csrf()));
        assertThat(jdbc.sql("SELECT stars FROM service_rating WHERE application_id = ?").param(id).query(Integer.class).list()).containsExactly(5);

        assertThat(jdbc.sql("SELECT step FROM application_event WHERE application_id = ? ORDER BY at, id").param(id).query(String.class).list())
                .containsSubsequence("SUBMITTED", "ACCEPTED", "DISPATCHED", "RESPONDED", "REVIEWED", "APPROVED", "PAYABLE", "PAID", "RATED");
        assertThat(jdbc.sql("SELECT title FROM inbox_message WHERE uscc = ?").param(uscc).query(String.class).list())
                .anyMatch(t -> t.startsWith("申报已受理")).anyMatch(t -> t.startsWith("申报已核准")).anyMatch(t -> t.startsWith("资金已拨付"));
        String page = mvc.perform(get("/applications/" + id).cookie(enterprise)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("资金已拨付").contains("已兑付").contains("★★★★★");
        // the workflow refuses a step it does not have, before anything is written
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.move(id, Application.Status.PAID, Application.Status.SUBMITTED))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.reject(id, Application.Status.PAID, "再次驳回"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(statusOf(id)).isEqualTo("PAID");
    }

    @Test
    void anOverdueStepIsEscalatedOnceAndSeenByTheEvaluationOfficerWhileACorrectionStopsTheClock() throws Exception {
        Cookie enterprise2 = Sessions.login(mvc, "enterprise2");
        mvc.perform(multipart("/applications").param("item", "T-APPLY-2").cookie(enterprise2).with(csrf())).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM application WHERE item_code = 'T-APPLY-2' ORDER BY id DESC LIMIT 1").query(Long.class).single();
        String number = jdbc.sql("SELECT number FROM application WHERE id = ?").param(id).query(String.class).single();

        Cookie clerk = Sessions.login(mvc, "clerk");
        mvc.perform(post("/applications/" + id + "/return").param("note", "请补充项目申报书").cookie(clerk).with(csrf()));
        jdbc.sql("UPDATE application_task SET due_at = now() - interval '1 day' WHERE application_id = ?").param(id).update();
        limits.escalateOverdue();
        assertThat(count("SELECT count(*) FROM application_task WHERE escalated_at IS NOT NULL AND application_id = " + id))
                .as("a paused clock is not overdue").isZero();

        mvc.perform(multipart("/applications/" + id + "/resubmit").param("note", "已补充").cookie(enterprise2).with(csrf()));
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        jdbc.sql("UPDATE application_task SET due_at = now() - interval '1 hour' WHERE application_id = ?").param(id).update();
        assertThat(limits.escalateOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(limits.escalateOverdue()).as("escalated once only").isZero();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM problem p JOIN application_task t "
                + "ON p.source_ref = 'TASK-' || t.id WHERE p.category = 'OVERDUE' AND t.application_id = " + id) == 1); // on the ledger, once
        assertThat(jdbc.sql("SELECT step FROM application_event WHERE application_id = ?").param(id).query(String.class).list())
                .contains("RETURNED", "RESUBMITTED", "ESCALATED");

        Cookie evaluator = Sessions.login(mvc, "evaluator");
        assertThat(mvc.perform(get("/supervision").cookie(evaluator)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(number).contains("已超时");
        assertThat(sheetText(mvc.perform(get("/supervision/export.xlsx").cookie(evaluator)).andExpect(status().isOk()).andReturn()))
                .contains(number).contains("测试时限督办补贴");
        String enterpriseName = jdbc.sql("SELECT name FROM enterprise WHERE uscc = ?").param(uscc).query(String.class).single();
        assertThat(sheetText(mvc.perform(get("/enterprises/export.xlsx").param("q", enterpriseName).cookie(evaluator)).andExpect(status().isOk()).andReturn()))
                .contains(uscc).contains("统一社会信用代码");
        Cookie head = Sessions.login(mvc, "head"); // the window's task is not the 经信局's
        assertThat(mvc.perform(get("/supervision").cookie(head)).andReturn().getResponse().getContentAsString()).doesNotContain(number);
        long task = jdbc.sql("SELECT id FROM application_task WHERE application_id = ? AND kind = 'WINDOW'").param(id).query(Long.class).single();
        mvc.perform(post("/applications/" + id + "/tasks/" + task + "/remind").param("note", "请今日办结").cookie(evaluator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("SELECT reminders FROM application_task WHERE id = " + task)).isEqualTo(1);
        mvc.perform(post("/applications/" + id + "/tasks/" + task + "/remind").cookie(enterprise2).with(csrf())).andExpect(status().isForbidden());
    }

    private long submit(Cookie session, String fileName, byte[] content, boolean commitment) throws Exception {
        var request = multipart("/applications").file(new MockMultipartFile("material-0", fileName, "application/octet-stream", content))
                .param("item", "T-APPLY-1").cookie(session).with(csrf());
        if (commitment) {
            request.param("commitment", "true");
        }
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return location != null && location.matches("/applications/\\d+") ? Long.parseLong(location.substring("/applications/".length())) : -1;
    }

    private void action(Cookie session, long id, String action) throws Exception {
        mvc.perform(post("/applications/" + id + "/" + action).cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
    }

    private void bankResult(Cookie finance, long batch, String csv) throws Exception {
        mvc.perform(multipart("/funds/batches/" + batch + "/result").file(new MockMultipartFile("file", "回单.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).cookie(finance).with(csrf())).andExpect(status().is3xxRedirection());
    }

    /** Every cell of the first sheet, so that assertions read what a spreadsheet program would show. */
    static String sheetText(MvcResult result) throws Exception {
        assertThat(result.getResponse().getContentType()).isEqualTo(io.zhida.platform.Spreadsheet.MEDIA_TYPE);
        try (var book = WorkbookFactory.create(new java.io.ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            StringBuilder text = new StringBuilder();
            DataFormatter format = new DataFormatter();
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(format.formatCellValue(cell)).append('\t')));
            return text.toString();
        }
    }

    private String statusOf(long id) {
        return jdbc.sql("SELECT status FROM application WHERE id = ?").param(id).query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private BigDecimal pool(String item, String column) {
        return jdbc.sql("SELECT " + column + " FROM fund_pool WHERE item_code = ?").param(item).query(BigDecimal.class).single();
    }
}
