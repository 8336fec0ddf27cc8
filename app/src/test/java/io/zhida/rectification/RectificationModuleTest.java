package io.zhida.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.calendar.WorkingCalendar;
import io.zhida.demo.DemoAccounts;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.identity.ZhidaUser;
import io.zhida.notify.Inbox;
import io.zhida.notify.InboxMessage;
import io.zhida.platform.Today;
import io.zhida.rectification.internal.ProblemRows;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.ModuleTest;
import io.zhida.support.Sessions;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The rectification module on its own (with notify, catalog, enterprise, calendar and what they stand on, but no
 * applications, funds, evaluation, cockpit, portal or demo city): an enterprise's appeal dispatched, answered and rated; a ledger problem
 * that moves only along {@link Problem.Status#next()}; one department kept away from another's problem.
 */
@ModuleTest
class RectificationModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "rectification");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    Appeals appeals;
    @Autowired
    Ledger ledger;
    @Autowired
    Inbox inbox;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    UserAdministration users;

    ModuleFixtures fixtures;

    @BeforeEach
    void city() {
        fixtures = new ModuleFixtures(context).city();
    }

    @Test
    void anAppealIsDispatchedToADepartmentAnsweredThereAndWhenUnresolvedGoesOnTheLedger() throws Exception {
        String uscc = fixtures.enterprise(101, Map.of());
        fixtures.user("rect-firm-101", Role.ENTERPRISE, null, null, uscc);
        fixtures.user("rect-officer-1", Role.EVALUATOR, null, null, null);
        fixtures.user("rect-jxj-1", Role.REVIEWER, null, "C-JXJ", null);
        fixtures.user("rect-czj-1", Role.REVIEWER, null, "C-CZJ", null);
        Cookie firm = login("rect-firm-101");
        Cookie officer = login("rect-officer-1");
        Cookie jxj = login("rect-jxj-1");
        Cookie czj = login("rect-czj-1");

        mvc.perform(post("/my/appeals").param("kind", "COMPLAINT").param("departmentCode", "C-JXJ")
                        .param("content", "技改补贴申报后两个月无人联系").cookie(firm).with(csrf()))
                .andExpect(flash().attribute("message", "诉求已提交，我们将尽快交办并在时限内答复"));
        // refused in words, and nothing written
        mvc.perform(post("/my/appeals").param("kind", "COMPLAINT").param("content", "").cookie(firm).with(csrf()))
                .andExpect(flash().attributeExists("error"));
        mvc.perform(post("/my/appeals").param("kind", "REQUEST").param("departmentCode", "NO-SUCH")
                        .param("content", "希望增加线上申报渠道").cookie(firm).with(csrf()))
                .andExpect(flash().attribute("error", "部门不存在"));
        List<Appeal> mine = appeals.mine(principal("rect-firm-101"));
        assertThat(mine).hasSize(1);
        Appeal submitted = mine.get(0);
        assertThat(submitted.status()).isEqualTo(Appeal.Status.SUBMITTED);
        assertThat(submitted.number()).matches("SU-" + Today.date().getYear() + "-\\d{4}");
        assertThat(submitted.enterpriseName()).isEqualTo("测试企业101有限公司");
        assertThat(submitted.region()).isEqualTo(ModuleFixtures.COUNTY);
        long id = submitted.id();

        // a department does not dispatch; the evaluation officer does, once
        mvc.perform(post("/appeals/" + id + "/dispatch").param("departmentCode", "C-JXJ").cookie(jxj).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(appeals.get(id).status()).isEqualTo(Appeal.Status.SUBMITTED);
        mvc.perform(post("/appeals/" + id + "/dispatch").param("departmentCode", "C-JXJ").param("workingDays", "5").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("message", "已保存"));
        Appeal dispatched = appeals.get(id);
        assertThat(dispatched.status()).isEqualTo(Appeal.Status.DISPATCHED);
        assertThat(dispatched.departmentCode()).isEqualTo("C-JXJ");
        assertThat(dispatched.dueAt()).isAfter(Instant.now());
        mvc.perform(post("/appeals/" + id + "/dispatch").param("departmentCode", "C-CZJ").param("workingDays", "5").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", "该诉求当前为“办理中”，不能交办"));
        assertThat(appeals.get(id).departmentCode()).isEqualTo("C-JXJ");

        // another department neither sees nor answers it
        mvc.perform(get("/appeals/" + id).cookie(czj)).andExpect(status().isForbidden());
        mvc.perform(post("/appeals/" + id + "/answer").param("answer", "已联系企业，正在办理").cookie(czj).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(appeals.get(id).answer()).isNull();

        // the department it was dispatched to answers, with something to say
        mvc.perform(post("/appeals/" + id + "/answer").param("answer", "好").cookie(jxj).with(csrf()))
                .andExpect(flash().attribute("error", "请写明办理结果"));
        mvc.perform(post("/appeals/" + id + "/answer").param("answer", "已联系企业，材料审核中，预计下周办结").cookie(jxj).with(csrf()))
                .andExpect(flash().attribute("message", "已保存"));
        Appeal answered = appeals.get(id);
        assertThat(answered.status()).isEqualTo(Appeal.Status.ANSWERED);
        assertThat(answered.answer()).isEqualTo("已联系企业，材料审核中，预计下周办结");
        assertThat(answered.answeredBy()).isEqualTo("rect-jxj-1");
        assertThat(inbox.messages(uscc).all()).extracting(InboxMessage::title)
                .contains("诉求已交办：" + answered.number(), "诉求已答复：" + answered.number());

        // only the enterprise rates it; two stars and not resolved put it on the ledger, against the department
        mvc.perform(post("/appeals/" + id + "/rate").param("stars", "2").param("resolved", "false").cookie(jxj).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/appeals/" + id + "/rate").param("stars", "2").param("resolved", "false").cookie(firm).with(csrf()))
                .andExpect(flash().attribute("message", "已保存"));
        Appeal closed = appeals.get(id);
        assertThat(closed.status()).isEqualTo(Appeal.Status.CLOSED);
        assertThat(closed.stars()).isEqualTo(2);
        assertThat(closed.problemId()).isNotNull();
        Problem problem = ledger.get(closed.problemId());
        assertThat(problem.category()).isEqualTo(Problem.Category.APPEAL);
        assertThat(problem.unitKind()).isEqualTo("DEPARTMENT");
        assertThat(problem.unitCode()).isEqualTo("C-JXJ");
        assertThat(problem.status()).isEqualTo(Problem.Status.OPEN);
        assertThat(problem.title()).contains(closed.number());
        mvc.perform(post("/appeals/" + id + "/rate").param("stars", "5").param("resolved", "true").cookie(firm).with(csrf()))
                .andExpect(flash().attribute("error", "该诉求当前为“已评价办结”，不能评价"));
        assertThat(appeals.get(id).stars()).isEqualTo(2);
    }

    @Test
    void aLedgerProblemMovesOnlyAlongItsWorkflowAndASkippedStepIsRefused() throws Exception {
        fixtures.user("rect-officer-2", Role.EVALUATOR, null, null, null);
        fixtures.user("rect-jxj-2", Role.REVIEWER, null, "C-JXJ", null);
        Cookie officer = login("rect-officer-2");
        Cookie jxj = login("rect-jxj-2");
        String title = "窗口一次告知不到位（台账流程测试）";

        int before = ledger.list(null, "DEPARTMENT", "C-JXJ", "MANUAL", false).size();
        mvc.perform(post("/rectification").param("category", "MANUAL").param("title", "无主问题").param("description", "责任单位不存在")
                        .param("unit", "DEPARTMENT:NO-SUCH").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", "责任单位不存在"));
        mvc.perform(post("/rectification").param("category", "MANUAL").param("title", title).param("description", "体验官申报时被要求补充两次材料")
                        .param("unit", "DEPARTMENT:C-JXJ").param("workingDays", "5").param("target", "一次性告知").cookie(officer).with(csrf()))
                .andExpect(redirectedUrlPattern("/rectification/*"));
        List<Problem> listed = ledger.list(null, "DEPARTMENT", "C-JXJ", "MANUAL", false);
        assertThat(listed).as("the refused one wrote nothing").hasSize(before + 1);
        Problem p = listed.stream().filter(x -> x.title().equals(title)).findFirst().orElseThrow();
        assertThat(p.status()).isEqualTo(Problem.Status.OPEN);
        assertThat(p.number()).matches("SG-" + Today.date().getYear() + "-\\d{4}");
        assertThat(p.deadline()).isEqualTo(calendar.addWorkingDays(Today.date(), 5));
        String base = "/rectification/" + p.id();

        // OPEN → CHECKED skips the work: not in the table, refused in words, nothing written
        assertThat(Problem.Status.OPEN.canMoveTo(Problem.Status.CHECKED)).isFalse();
        mvc.perform(post(base + "/check").param("passed", "true").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", "只有已整改或已销号的问题可以复查"));
        assertThat(ledger.get(p.id()).status()).isEqualTo(Problem.Status.OPEN);
        assertThat(ledger.events(p.id())).extracting(ProblemRows.Event::step).containsExactly("OPENED");

        mvc.perform(post(base + "/start").param("text", "").cookie(jxj).with(csrf())).andExpect(flash().attribute("error", "请填写整改措施"));
        mvc.perform(post(base + "/start").param("text", "制定一次性告知清单").cookie(jxj).with(csrf())).andExpect(flash().attribute("message", "已保存"));
        assertThat(ledger.get(p.id()).status()).isEqualTo(Problem.Status.IN_PROGRESS);
        assertThat(ledger.get(p.id()).measures()).isEqualTo("制定一次性告知清单");
        mvc.perform(post(base + "/complete").param("text", "已印发告知清单并培训窗口人员").cookie(jxj).with(csrf()))
                .andExpect(flash().attribute("message", "已保存"));
        assertThat(ledger.get(p.id()).status()).isEqualTo(Problem.Status.DONE);
        mvc.perform(post(base + "/check").param("passed", "true").cookie(jxj).with(csrf())).andExpect(status().isForbidden());
        assertThat(ledger.get(p.id()).status()).as("the unit does not close its own problem").isEqualTo(Problem.Status.DONE);
        mvc.perform(post(base + "/check").param("passed", "true").param("text", "回访企业确认").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("message", "已保存"));
        Problem checked = ledger.get(p.id());
        assertThat(checked.status()).isEqualTo(Problem.Status.CHECKED);
        assertThat(checked.checkedAt()).isNotNull();
        mvc.perform(post(base + "/start").param("text", "再次整改").cookie(jxj).with(csrf()))
                .andExpect(flash().attribute("error", "该问题当前为“已复查销号”，不能执行此操作"));
        assertThat(ledger.get(p.id()).status()).isEqualTo(Problem.Status.CHECKED);

        // the path it took is the workflow's table, step by step
        assertThat(ledger.events(p.id())).extracting(ProblemRows.Event::step).containsExactly("OPENED", "STARTED", "DONE", "CHECKED");
        List<Problem.Status> path = List.of(Problem.Status.OPEN, Problem.Status.IN_PROGRESS, Problem.Status.DONE, Problem.Status.CHECKED);
        for (int i = 1; i < path.size(); i++) {
            assertThat(path.get(i - 1).canMoveTo(path.get(i))).as("%s → %s", path.get(i - 1), path.get(i)).isTrue();
        }
    }

    @Test
    void aDepartmentCannotSeeOrMoveAnotherDepartmentsProblem() throws Exception {
        fixtures.user("rect-jxj-3", Role.REVIEWER, null, "C-JXJ", null);
        fixtures.user("rect-czj-3", Role.REVIEWER, null, "C-CZJ", null);
        String title = "技改项目验收超期（跨部门测试）";
        Problem p = ledger.open(new Problem.New(Problem.Category.MANUAL, null, title, "验收超过承诺时限 20 个工作日", "DEPARTMENT", "C-JXJ",
                List.of(), "张三", "按期验收", null, 10), "rect-test").orElseThrow();
        Cookie jxj = login("rect-jxj-3");
        Cookie czj = login("rect-czj-3");
        String base = "/rectification/" + p.id();

        mvc.perform(get(base).cookie(czj)).andExpect(status().isForbidden());
        mvc.perform(post(base + "/start").param("text", "代为整改").cookie(czj).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(base + "/complete").param("text", "已经整改完毕，请复查").cookie(czj).with(csrf())).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/rectification").cookie(czj)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .doesNotContain(title);
        ZhidaUser finance = principal("rect-czj-3");
        assertThatThrownBy(() -> ledger.view(p.id(), finance)).isInstanceOf(AccessDeniedException.class);
        assertThat(ledger.listFor(finance, null, "DEPARTMENT:C-JXJ", null, false).all()).as("the unit asked for is ignored")
                .extracting(Problem::id).doesNotContain(p.id());
        Problem untouched = ledger.get(p.id());
        assertThat(untouched.status()).isEqualTo(Problem.Status.OPEN);
        assertThat(untouched.measures()).isNull();
        assertThat(ledger.events(p.id())).extracting(ProblemRows.Event::step).containsExactly("OPENED");

        // its own department sees and moves it
        assertThat(mvc.perform(get("/rectification").cookie(jxj)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(title);
        mvc.perform(get(base).cookie(jxj)).andExpect(status().isOk());
        mvc.perform(post(base + "/start").param("text", "倒排验收计划").cookie(jxj).with(csrf())).andExpect(flash().attribute("message", "已保存"));
        assertThat(ledger.get(p.id()).status()).isEqualTo(Problem.Status.IN_PROGRESS);
    }

    @Test
    void theModuleStartsWithoutTheDemoCityAndWithoutTheModulesThatDependOnIt() {
        // applications only reaches rectification through an event (TaskEscalated), so it is not started either
        assertThat(ModuleFixtures.modulesIn(context)).contains("rectification", "notify", "catalog", "enterprise", "calendar", "identity", "platform")
                .doesNotContain("demo", "evaluation", "cockpit", "portal", "applications", "funds");
        Set<String> demoAccounts = DemoAccounts.ALL.stream().map(DemoAccounts.Account::username).filter(u -> !u.equals("admin"))
                .collect(Collectors.toSet());
        assertThat(users.list(null)).extracting(UserAdministration.UserSummary::username).doesNotContainAnyElementsOf(demoAccounts)
                .contains("admin");
    }

    private Cookie login(String username) throws Exception {
        return Sessions.login(mvc, username, ModuleFixtures.PASSWORD);
    }

    private ZhidaUser principal(String username) {
        return (ZhidaUser) context.getBean(UserDetailsService.class).loadUserByUsername(username);
    }
}
