package io.zhida.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 帮办代办's bad paths: each person acts only on what is theirs and only in its turn; nothing is submitted without the
 * enterprise's own confirmation and 承诺书; a rating comes once and only after submission; the request follows its
 * application to the end; an offer goes only to an enterprise that may apply.
 */
@ZhidaIntegrationTest
class AssistanceIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange library;
    @Autowired
    UserAdministration users;

    @Test
    void eachPersonActsOnlyOnTheirOwnInItsTurnAndTheRequestFollowsItsApplication() throws Exception {
        library.importYaml(item("AS-ONE"), true);
        Cookie enterprise = Sessions.login(mvc, "enterprise");
        mvc.perform(post("/my/assistance").param("item", "AS-ONE").param("phone", "13800000000").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("message", Matchers.containsString("已提交帮办申请")));
        long id = jdbc.sql("SELECT max(id) FROM assistance_request WHERE item_code = 'AS-ONE'").query(Long.class).single();
        mvc.perform(post("/my/assistance").param("item", "AS-ONE").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("请勿重复提交")));
        mvc.perform(post("/my/assistance").param("item", "AS-ONE").param("phone", "abc").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("联系电话")));

        Cookie stranger = otherEnterprise();
        mvc.perform(get("/assistance/" + id).cookie(stranger)).andExpect(status().isForbidden());
        mvc.perform(post("/my/assistance/" + id + "/cancel").param("reason", "x").cookie(stranger).with(csrf())).andExpect(status().isForbidden());
        Cookie agent = Sessions.login(mvc, "agent");
        Cookie agent2 = Sessions.login(mvc, "agent2");
        mvc.perform(get("/assistance/" + id).cookie(agent)).andExpect(status().isForbidden()); // not given to them yet
        mvc.perform(post("/assistance/" + id + "/dispatch").param("agent", "agent").cookie(agent).with(csrf())).andExpect(status().isForbidden());

        Cookie clerk = Sessions.login(mvc, "clerk");
        mvc.perform(post("/assistance/" + id + "/dispatch").param("agent", "reviewer").cookie(clerk).with(csrf()))
                .andExpect(flash().attribute("error", "请选择一位政策专员"));
        mvc.perform(post("/assistance/" + id + "/dispatch").param("agent", "agent").cookie(clerk).with(csrf()))
                .andExpect(flash().attribute("message", "已派单"));
        mvc.perform(post("/assistance/" + id + "/dispatch").param("agent", "agent2").cookie(clerk).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("不能进行此操作")));
        mvc.perform(post("/assistance/" + id + "/accept").cookie(agent2).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/assistance/" + id + "/accept").cookie(agent).with(csrf())).andExpect(flash().attribute("message", Matchers.containsString("已接单")));

        mvc.perform(post("/my/assistance/" + id + "/confirm").param("commitment", "true").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("不能进行此操作"))); // not prepared yet
        mvc.perform(post("/assistance/" + id + "/ready").cookie(agent).with(csrf()))
                .andExpect(flash().attribute("error", "还缺少材料：项目申报书"));
        mvc.perform(multipart("/assistance/" + id + "/files").file(new MockMultipartFile("file", "申报书.pdf", "application/pdf",
                        "not a pdf".getBytes(StandardCharsets.UTF_8))).param("material", "项目申报书").cookie(agent).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("内容与扩展名不符")));
        mvc.perform(multipart("/assistance/" + id + "/files").file(pdf()).param("material", "营业执照副本").cookie(agent).with(csrf()))
                .andExpect(flash().attribute("error", "请选择本事项要求的申报材料"));
        mvc.perform(multipart("/assistance/" + id + "/files").file(pdf()).param("material", "项目申报书").cookie(agent2).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/assistance/" + id + "/files").file(pdf()).param("material", "项目申报书").cookie(agent).with(csrf()))
                .andExpect(flash().attribute("message", "材料已收取"));
        mvc.perform(post("/my/assistance/" + id + "/rate").param("stars", "5").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("error", "提交申报后才能评价帮办服务"));
        mvc.perform(post("/assistance/" + id + "/ready").cookie(agent).with(csrf())).andExpect(flash().attribute("message", "已请企业确认提交"));

        mvc.perform(post("/my/assistance/" + id + "/confirm").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("承诺书")));
        assertThat(jdbc.sql("SELECT count(*) FROM application WHERE item_code = 'AS-ONE'").query(Long.class).single()).isZero();
        mvc.perform(post("/my/assistance/" + id + "/confirm").param("commitment", "true").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("message", Matchers.containsString("已确认并提交申报")));
        long application = jdbc.sql("SELECT id FROM application WHERE item_code = 'AS-ONE'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT note FROM application_event WHERE application_id = ? AND step = 'SUBMITTED'").param(application)
                .query(String.class).single()).startsWith("由政策专员「钱进（惠企政策专员）」帮办，企业确认后提交");
        assertThat(jdbc.sql("SELECT count(*) FROM application_file WHERE application_id = ? AND material = '项目申报书'").param(application)
                .query(Long.class).single()).isEqualTo(1);

        mvc.perform(post("/my/assistance/" + id + "/rate").param("stars", "2").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("不满意请写明原因")));
        mvc.perform(post("/my/assistance/" + id + "/rate").param("stars", "5").param("comment", "专员很专业").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("message", "感谢您对帮办服务的评价"));
        mvc.perform(post("/my/assistance/" + id + "/rate").param("stars", "4").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("已评价")));

        // the enterprise withdraws the application: the request follows it to its end
        mvc.perform(post("/applications/" + application + "/withdraw").param("reason", "暂缓申报").cookie(enterprise).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "DONE".equals(jdbc.sql("SELECT status FROM assistance_request WHERE id = ?")
                .param(id).query(String.class).single()));
        String page = mvc.perform(get("/assistance/centre").cookie(clerk)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("钱进（惠企政策专员）").contains("5.0 星（1 条）");
    }

    @Test
    void aSpecialistOffersHelpOnlyToAnEnterpriseThatMayApplyAndItMayDecline() throws Exception {
        library.importYaml(item("AS-OFFER"), true);
        String uscc = jdbc.sql("SELECT enterprise_uscc FROM app_user WHERE username = 'enterprise'").query(String.class).single();
        Cookie agent = Sessions.login(mvc, "agent");
        assertThat(mvc.perform(get("/assistance/agent").param("item", "AS-OFFER").cookie(agent)).andReturn().getResponse().getContentAsString())
                .contains("家企业符合条件");
        mvc.perform(post("/assistance/offers").param("uscc", uscc).param("item", "NO-SUCH-ITEM").cookie(agent).with(csrf()))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/assistance/offers").param("uscc", uscc).param("item", "AS-OFFER").cookie(Sessions.login(mvc, "clerk")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/assistance/offers").param("uscc", uscc).param("item", "AS-OFFER").cookie(agent).with(csrf()))
                .andExpect(flash().attribute("message", Matchers.containsString("已向企业发出帮办服务邀请")));
        long id = jdbc.sql("SELECT id FROM assistance_request WHERE item_code = 'AS-OFFER' AND status = 'OFFERED'").query(Long.class).single();
        Cookie enterprise = Sessions.login(mvc, "enterprise");
        mvc.perform(post("/my/assistance/" + id + "/answer").param("accept", "false").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("message", "已谢绝本次帮办"));
        mvc.perform(post("/my/assistance/" + id + "/answer").param("accept", "true").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("不能进行此操作")));
        assertThat(jdbc.sql("SELECT status FROM assistance_request WHERE id = ?").param(id).query(String.class).single()).isEqualTo("DECLINED");
    }

    private static MockMultipartFile pdf() {
        return new MockMultipartFile("file", "申报书.pdf", "application/pdf", "%PDF-1.4\n% assisted\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String item(String code) {
        return """
                documents: []
                items:
                  - code: %s
                    name: 帮办测试补贴%s
                    departments: [C-JXJ]
                    mode: 承诺即享
                    condition: e.employees >= 1 // 有从业人员
                    materials:
                      - {name: 项目申报书, shared: false}
                    benefit_type: 资金补贴
                    amount: "8000"
                    time_limit_days: 10
                    annual_budget: 500000
                """.formatted(code, code);
    }

    private Cookie otherEnterprise() throws Exception {
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'assist-other'").query(Long.class).single() == 0) {
            String other = jdbc.sql("SELECT uscc FROM enterprise WHERE uscc <> (SELECT enterprise_uscc FROM app_user WHERE username = 'enterprise') "
                    + "ORDER BY uscc LIMIT 1 OFFSET 5").query(String.class).single();
            users.create(new UserAdministration.UserForm("assist-other", "另一家企业", Sessions.DEMO_PASSWORD, Set.of(Role.ENTERPRISE),
                    null, null, other, null));
        }
        return Sessions.login(mvc, "assist-other");
    }
}
