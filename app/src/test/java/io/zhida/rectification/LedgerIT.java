package io.zhida.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.calendar.WorkingCalendar;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.platform.Today;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A problem followed to closure by its unit, re-checked and reopened; an appeal that was not resolved becomes one. */
@ZhidaIntegrationTest
class LedgerIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    Appeals appeals;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    UserAdministration users;

    @Test
    void aProblemGoesOpenInProgressDoneReopenedAndCheckedByTheRightPeople() throws Exception {
        Cookie evaluator = Sessions.login(mvc, "evaluator");
        mvc.perform(post("/rectification").param("category", "MANUAL").param("title", "体验官：窗口一次告知不到位").param("description", "体验官在政务大厅申报时被要求补充两次材料")
                .param("unit", "DEPARTMENT:C-JXJ").param("coUnits", "C-CZJ").param("workingDays", "5").param("target", "一次性告知")
                .cookie(evaluator).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/rectification").param("category", "MANUAL").param("title", "x").param("description", "y")
                .param("unit", "DEPARTMENT:NO-SUCH").cookie(evaluator).with(csrf())).andExpect(flash().attribute("error", "责任单位不存在"));
        Problem p = ledger.list(null, "DEPARTMENT", "C-JXJ", "MANUAL", false).get(0);
        assertThat(p.number()).matches("SG-" + Today.date().getYear() + "-\\d{4}");
        assertThat(p.deadline()).isEqualTo(calendar.addWorkingDays(Today.date(), 5));
        assertThat(p.coUnits()).containsExactly("C-CZJ");

        Cookie jxj = Sessions.login(mvc, "reviewer");
        Cookie other = Sessions.login(mvc, "county"); // 青山县经信局: not responsible
        String base = "/rectification/" + p.id();
        mvc.perform(post(base + "/start").param("text", "制定一次性告知清单").cookie(other).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(base + "/start").param("text", "制定一次性告知清单").cookie(jxj).with(csrf())).andExpect(flash().attribute("message", "已保存"));
        mvc.perform(post(base + "/complete").param("text", "").cookie(jxj).with(csrf())).andExpect(flash().attribute("error", "报结需写明整改成效和佐证材料"));
        mvc.perform(post(base + "/complete").param("text", "已印发告知清单并培训窗口人员").cookie(jxj).with(csrf())).andExpect(flash().attribute("message", "已保存"));
        mvc.perform(post(base + "/check").param("passed", "true").cookie(jxj).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(base + "/check").param("passed", "false").param("text", "").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("error", "重新打开需写明复查发现的问题"));
        mvc.perform(post(base + "/check").param("passed", "false").param("text", "回访发现仍要求重复提交").param("workingDays", "3").cookie(evaluator).with(csrf()));
        Problem reopened = ledger.get(p.id());
        assertThat(reopened.status()).isEqualTo(Problem.Status.IN_PROGRESS);
        assertThat(reopened.reopened()).isEqualTo(1);
        assertThat(reopened.deadline()).isEqualTo(calendar.addWorkingDays(Today.date(), 3));
        Cookie czj = Sessions.login(mvc, "finance"); // 财政局 co-operates on this problem and may report too
        mvc.perform(post(base + "/complete").param("text", "系统已增加材料共享，不再重复提交").cookie(czj).with(csrf())).andExpect(flash().attribute("message", "已保存"));
        mvc.perform(post(base + "/check").param("passed", "true").param("text", "回访企业确认").cookie(evaluator).with(csrf()));
        assertThat(ledger.get(p.id()).status()).isEqualTo(Problem.Status.CHECKED);
        assertThat(ledger.events(p.id())).extracting(e -> e.step()).containsExactly("OPENED", "STARTED", "DONE", "REOPENED", "DONE", "CHECKED");

        // overdue ones are escalated once
        mvc.perform(post("/rectification").param("category", "MANUAL").param("title", "逾期测试").param("description", "逾期测试")
                .param("unit", "COUNTY:519921").param("workingDays", "1").cookie(evaluator).with(csrf()));
        jdbc.sql("UPDATE problem SET deadline = current_date - 1 WHERE title = '逾期测试'").update();
        assertThat(ledger.escalateOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(ledger.escalateOverdue()).isZero();
        assertThat(mvc.perform(get("/rectification").param("overdue", "true").cookie(evaluator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("逾期测试").contains("督办");
        mvc.perform(get("/rectification").param("view", "month").cookie(evaluator)).andExpect(status().isOk());
        mvc.perform(get("/rectification/export.xlsx").cookie(evaluator)).andExpect(status().isOk());
        assertThat(mvc.perform(get("/rectification").cookie(other)).andReturn().getResponse().getContentAsString())
                .as("a unit sees its own problems").doesNotContain("体验官：窗口一次告知不到位");
        mvc.perform(get("/rectification").cookie(Sessions.login(mvc, "enterprise"))).andExpect(status().isForbidden());
    }

    @Test
    void anAppealIsDispatchedAnsweredRatedAndWhenUnresolvedGoesOnTheLedger() throws Exception {
        Cookie enterprise = Sessions.login(mvc, "enterprise");
        mvc.perform(post("/my/appeals").param("kind", "COMPLAINT").param("departmentCode", "C-JXJ").param("content", "技改补贴申报后两个月无人联系")
                .cookie(enterprise).with(csrf())).andExpect(flash().attributeExists("message"));
        mvc.perform(post("/my/appeals").param("kind", "COMPLAINT").param("content", "").cookie(enterprise).with(csrf())).andExpect(flash().attributeExists("error"));
        long id = jdbc.sql("SELECT id FROM appeal WHERE content = '技改补贴申报后两个月无人联系'").query(Long.class).single();
        Cookie evaluator = Sessions.login(mvc, "evaluator");
        Cookie jxj = Sessions.login(mvc, "reviewer");
        Cookie czj = Sessions.login(mvc, "finance");
        mvc.perform(post("/appeals/" + id + "/dispatch").param("departmentCode", "C-JXJ").cookie(jxj).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/appeals/" + id + "/dispatch").param("departmentCode", "C-JXJ").param("workingDays", "5").cookie(evaluator).with(csrf()));
        assertThat(appeals.get(id).status()).isEqualTo(Appeal.Status.DISPATCHED);
        mvc.perform(get("/appeals/" + id).cookie(czj)).andExpect(status().isForbidden());
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'appeal-other'").query(Long.class).single() == 0) {
            String otherUscc = jdbc.sql("SELECT uscc FROM enterprise WHERE uscc <> ? ORDER BY uscc LIMIT 1").param(appeals.get(id).uscc()).query(String.class).single();
            users.create(new UserAdministration.UserForm("appeal-other", "另一企业", Sessions.DEMO_PASSWORD, Set.of(Role.ENTERPRISE), null, null, otherUscc, null));
        }
        mvc.perform(get("/appeals/" + id).cookie(Sessions.login(mvc, "appeal-other"))).andExpect(status().isForbidden());
        mvc.perform(post("/appeals/" + id + "/answer").param("answer", "已联系企业").cookie(czj).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/appeals/" + id + "/answer").param("answer", "已联系企业，材料审核中，预计下周办结").cookie(jxj).with(csrf()));
        mvc.perform(post("/appeals/" + id + "/rate").param("stars", "2").param("resolved", "false").cookie(jxj).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/appeals/" + id + "/rate").param("stars", "2").param("resolved", "false").cookie(enterprise).with(csrf()));
        Appeal closed = appeals.get(id);
        assertThat(closed.status()).isEqualTo(Appeal.Status.CLOSED);
        assertThat(closed.problemId()).isNotNull();
        Problem problem = ledger.get(closed.problemId());
        assertThat(problem.category()).isEqualTo(Problem.Category.APPEAL);
        assertThat(problem.unitCode()).isEqualTo("C-JXJ");
        mvc.perform(post("/appeals/" + id + "/rate").param("stars", "5").param("resolved", "true").cookie(enterprise).with(csrf()))
                .andExpect(flash().attributeExists("error"));
        assertThat(jdbc.sql("SELECT title FROM inbox_message WHERE uscc = ? ORDER BY id DESC LIMIT 2").param(closed.uscc()).query(String.class).list())
                .anyMatch(t -> t.startsWith("诉求已答复"));

        // unanswered past the time limit: on the ledger once
        mvc.perform(post("/my/appeals").param("kind", "REQUEST").param("departmentCode", "C-JXJ").param("content", "希望增加线上申报渠道")
                .cookie(enterprise).with(csrf()));
        long late = jdbc.sql("SELECT id FROM appeal WHERE content = '希望增加线上申报渠道'").query(Long.class).single();
        mvc.perform(post("/appeals/" + late + "/dispatch").param("departmentCode", "C-JXJ").param("workingDays", "2").cookie(evaluator).with(csrf()));
        jdbc.sql("UPDATE appeal SET due_at = now() - interval '1 hour' WHERE id = ?").param(late).update();
        assertThat(appeals.escalateOverdue()).isEqualTo(1);
        assertThat(appeals.escalateOverdue()).isZero();
        assertThat(appeals.get(late).problemId()).isNotNull();
        mvc.perform(get("/appeals").cookie(evaluator)).andExpect(status().isOk());
        mvc.perform(get("/appeals").cookie(jxj)).andExpect(status().isOk());
        mvc.perform(get("/my/appeals").cookie(enterprise)).andExpect(status().isOk());
        mvc.perform(get("/appeals/export.xlsx").cookie(evaluator)).andExpect(status().isOk());
    }
}
