package io.zhida.experience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * An experience task from the officer's recruitment to a re-checked ledger problem: applied on the public page, selected
 * for a term, sent to test a service with a questionnaire drawn from its 办事指南, a finding with a photo, verified onto the
 * ledger with the responsible unit, fixed by the unit, re-checked by the officer, closed by the evaluation office.
 */
@ZhidaIntegrationTest
class ExperienceIT {

    private static final byte[] PNG = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange library;

    @Test
    void anExperienceTaskEndsInARecheckedLedgerProblem() throws Exception {
        library.importYaml("""
                documents: []
                items:
                  - code: EX-ONE
                    name: 体验测试补贴
                    departments: [C-JXJ]
                    mode: 承诺即享
                    condition: e.employees >= 1 // 有从业人员
                    materials:
                      - {name: 项目申报书, shared: false}
                      - {name: 营业执照, shared: true}
                    benefit_type: 资金补贴
                    amount: "5000"
                    time_limit_days: 7
                    contact: 0000-12345678
                """, true);
        mvc.perform(post("/portal/officers/apply").param("kind", "OFFICER").param("name", "孔文").param("phone", "139").param("background", "ENTREPRENEUR")
                .param("expertise", "企业开办").with(csrf())).andExpect(flash().attribute("error", Matchers.containsString("手机号")));
        mvc.perform(post("/portal/officers/apply").param("kind", "OFFICER").param("name", "孔文").param("phone", "13900000001")
                        .param("background", "ENTREPRENEUR").param("organisation", "青山宏图食品有限公司").param("expertise", "企业开办、惠企政策申报")
                        .with(csrf()))
                .andExpect(flash().attribute("message", Matchers.containsString("报名已提交")));
        long member = jdbc.sql("SELECT max(id) FROM experience_member WHERE phone = '13900000001'").query(Long.class).single();

        Cookie evaluator = Sessions.login(mvc, "evaluator");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        mvc.perform(post("/experience/members/" + member + "/decide").param("select", "true").param("username", "enterprise")
                        .param("from", today.toString()).param("until", today.plusYears(1).toString()).cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("体验官角色的账号")));
        mvc.perform(post("/experience/members/" + member + "/decide").param("select", "true").param("username", "officer")
                        .param("from", today.toString()).param("until", today.plusYears(1).toString()).cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("message", "已聘任"));

        mvc.perform(post("/experience/tasks").param("item", "EX-ONE").param("channel", "ONLINE").param("officer", "agent")
                .param("due", today.plusDays(7).toString()).cookie(evaluator).with(csrf())).andExpect(flash().attribute("error", Matchers.containsString("在聘体验官")));
        mvc.perform(post("/experience/tasks").param("item", "EX-ONE").param("channel", "ONLINE").param("officer", "officer")
                .param("due", today.plusDays(7).toString()).cookie(evaluator).with(csrf())).andExpect(flash().attribute("message", "已派发体验任务"));
        long task = jdbc.sql("SELECT max(id) FROM experience_task WHERE item_code = 'EX-ONE'").query(Long.class).single();
        String questions = jdbc.sql("SELECT questions::text FROM experience_task WHERE id = ?").param(task).query(String.class).single();
        assertThat(questions).contains("项目申报书").contains("营业执照").contains("7 个工作日").contains("0000-12345678").contains("网上申报入口");
        int count = jdbc.sql("SELECT jsonb_array_length(questions) FROM experience_task WHERE id = ?").param(task).query(Integer.class).single();

        Cookie officer = Sessions.login(mvc, "officer");
        mvc.perform(get("/experience/tasks/" + task).cookie(Sessions.login(mvc, "agent"))).andExpect(status().isForbidden());
        mvc.perform(answers(task, count, "").cookie(officer).with(csrf())).andExpect(flash().attribute("error", Matchers.containsString("请写明看到的问题")));
        mvc.perform(answers(task, count, "要求另行提交营业执照复印件").cookie(Sessions.login(mvc, "evaluator")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(answers(task, count, "要求另行提交营业执照复印件").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("message", "体验结果已提交，待组织核查"));
        long finding = jdbc.sql("SELECT id FROM experience_finding WHERE task_id = ?").param(task).query(Long.class).single();
        mvc.perform(get("/experience/findings/" + finding + "/evidence").cookie(evaluator)).andExpect(status().isOk());

        mvc.perform(post("/experience/findings/" + finding + "/verify").param("task", String.valueOf(task)).param("confirm", "true")
                .param("department", "C-JXJ").param("workingDays", "10").cookie(officer).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/experience/findings/" + finding + "/verify").param("task", String.valueOf(task)).param("confirm", "true")
                        .param("department", "C-JXJ").param("workingDays", "10").param("note", "经核查属实").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("message", "已核查属实并纳入整改台账"));
        long problem = jdbc.sql("SELECT problem_id FROM experience_finding WHERE id = ?").param(finding).query(Long.class).single();
        assertThat(jdbc.sql("SELECT category || ':' || unit_code || ':' || status FROM problem WHERE id = ?").param(problem).query(String.class).single())
                .isEqualTo("EXPERIENCE:C-JXJ:OPEN");
        assertThat(jdbc.sql("SELECT status FROM experience_task WHERE id = ?").param(task).query(String.class).single()).isEqualTo("VERIFIED");

        mvc.perform(post("/experience/findings/" + finding + "/recheck").param("passed", "true").param("note", "已整改").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", "责任单位尚未报告整改完成，暂不能复查"));
        Cookie head = Sessions.login(mvc, "head");
        mvc.perform(post("/rectification/" + problem + "/complete").param("text", "已通过数据共享获取营业执照，不再要求企业提交").cookie(head).with(csrf()))
                .andExpect(flash().attribute("message", "已保存"));
        assertThat(mvc.perform(get("/experience/my").cookie(officer)).andReturn().getResponse().getContentAsString())
                .contains("recheck-pass-" + finding);
        mvc.perform(post("/experience/findings/" + finding + "/recheck").param("passed", "true").param("note", "再次体验未被要求提交营业执照")
                .cookie(officer).with(csrf())).andExpect(flash().attribute("message", "复查通过，已反馈督查部门"));
        assertThat(mvc.perform(get("/experience/my").cookie(officer)).andReturn().getResponse().getContentAsString())
                .doesNotContain("recheck-pass-" + finding); // re-checked: due again only after the period
        mvc.perform(post("/rectification/" + problem + "/check").param("passed", "true").param("text", "体验官复查通过，销号").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("message", "已保存"));
        assertThat(jdbc.sql("SELECT status FROM problem WHERE id = ?").param(problem).query(String.class).single()).isEqualTo("CHECKED");
        assertThat(mvc.perform(get("/experience").cookie(evaluator)).andReturn().getResponse().getContentAsString()).contains("复查确认整改");
    }

    /** Every answer 符合 except the second (不符合, with the note and a photo). */
    private static MockMultipartHttpServletRequestBuilder answers(long task, int count, String note) {
        MockMultipartHttpServletRequestBuilder request = multipart("/experience/tasks/" + task + "/submit");
        for (int i = 0; i < count; i++) {
            request.param("answer-" + i, i == 1 ? "NOT_OK" : "OK").param("note-" + i, i == 1 ? note : "");
        }
        request.file(new MockMultipartFile("evidence-1", "现场.png", "image/png", PNG));
        return request;
    }
}
