package io.zhida.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.Sessions;
import io.zhida.support.SystemClientsFixture;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 撤回申报: the enterprise withdraws an application before it is decided, on its page or through a system it authorized;
 * every clock on it stops and it may apply again; a decided one, another enterprise's, or an unauthorized system's
 * withdrawal is refused with nothing changed.
 */
@ZhidaIntegrationTest
class WithdrawalIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange library;
    @Autowired
    UserAdministration users;

    @Test
    void theEnterpriseWithdrawsOnItsPageTheClocksStopAndItMayApplyAgain() throws Exception {
        library.importYaml(ModuleFixtures.library("WD-PAGE", "C-JXJ", "承诺即享", "e.employees >= 1", "1000.0", 5000), true);
        Cookie enterprise = Sessions.login(mvc, "enterprise");
        long id = apply(enterprise, "WD-PAGE");
        assertThat(mvc.perform(get("/applications/" + id).cookie(enterprise)).andReturn().getResponse().getContentAsString())
                .contains("撤回申报").contains("id=\"withdraw-form\"");

        mvc.perform(post("/applications/" + id + "/withdraw").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("error", "请写明撤回原因"));
        mvc.perform(post("/applications/" + id + "/withdraw").param("reason", "x\u0000y").cookie(enterprise).with(csrf()))
                .andExpect(status().isBadRequest()); // the platform's input filter
        mvc.perform(post("/applications/" + id + "/withdraw").param("reason", "长".repeat(501)).cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("不超过 500 字")));
        mvc.perform(post("/applications/" + id + "/withdraw").param("reason", "不是我的").cookie(otherEnterprise()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/applications/" + id + "/withdraw").param("reason", "专窗替企业撤回").cookie(Sessions.login(mvc, "clerk")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");

        mvc.perform(post("/applications/" + id + "/withdraw").param("reason", "材料准备不全，下月重新申报").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("message", "申报已撤回，如仍符合条件可重新申报"));
        assertThat(statusOf(id)).isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("SELECT count(*) FROM application_task WHERE application_id = ? AND done_at IS NULL").param(id)
                .query(Long.class).single()).as("every clock stops").isZero();
        assertThat(jdbc.sql("SELECT note FROM application_event WHERE application_id = ? AND step = 'WITHDRAWN'").param(id)
                .query(String.class).single()).isEqualTo("撤回原因：材料准备不全，下月重新申报");
        assertThat(mvc.perform(get("/applications/" + id).cookie(enterprise)).andReturn().getResponse().getContentAsString())
                .contains("已撤回").doesNotContain("id=\"withdraw-form\"");
        mvc.perform(post("/applications/" + id + "/withdraw").param("reason", "再撤一次").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("已不能撤回")));

        long again = apply(enterprise, "WD-PAGE");
        assertThat(again).isNotEqualTo(id);
        assertThat(statusOf(again)).isEqualTo("SUBMITTED");
    }

    @Test
    void aSystemWithdrawsOnlyWithTheEnterprisesAuthorizationAndOnlyBeforeTheDecision() throws Exception {
        library.importYaml(ModuleFixtures.library("WD-API", "C-JXJ", "承诺即享", "e.employees >= 1", "1000.0", 5000), true);
        library.importYaml(ModuleFixtures.library("WD-INSTANT", "C-JXJ", "即申即享", "e.employees >= 1", "1000.0", 5000), true);
        Cookie enterprise = Sessions.login(mvc, "enterprise");
        String number = numberOf(apply(enterprise, "WD-API"));
        String decided = numberOf(apply(enterprise, "WD-INSTANT"));
        assertThat(jdbc.sql("SELECT status FROM application WHERE number = ?").param(decided).query(String.class).single()).isEqualTo("APPROVED");

        String admin = "Bearer " + Sessions.token(mvc, "admin");
        SystemClientsFixture.Registered helper = SystemClientsFixture.register(mvc, admin, "撤回测试帮办系统", "applications:write");
        String bearer = SystemClientsFixture.bearer(mvc, helper, null);
        String body = "{\"reason\":\"企业决定暂不申报\"}";
        mvc.perform(withdraw(number, bearer, body)).andExpect(status().isForbidden()); // not authorized yet

        mvc.perform(post("/my/agents/systems").param("client", String.valueOf(helper.id())).cookie(enterprise).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(withdraw(number, bearer, "{}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(withdraw("SQ-1", bearer, body)).andExpect(status().isBadRequest());
        mvc.perform(withdraw("SQ20990101-999999", bearer, body)).andExpect(status().isNotFound());
        mvc.perform(withdraw(decided, bearer, body)).andExpect(status().isBadRequest()); // decided: too late
        mvc.perform(withdraw(number, SystemClientsFixture.bearer(mvc, SystemClientsFixture.register(mvc, admin, "只读", "applications:read"), null),
                body)).andExpect(status().isForbidden()); // the scope
        assertThat(jdbc.sql("SELECT status FROM application WHERE number = ?").param(number).query(String.class).single()).isEqualTo("SUBMITTED");

        mvc.perform(withdraw(number, bearer, body)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.timeline[-1:].note").value(org.hamcrest.Matchers.hasItem(
                        "经企业授权，由「撤回测试帮办系统」代为撤回；撤回原因：企业决定暂不申报")));
        mvc.perform(withdraw(number, bearer, body)).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'application.withdraw' AND subject_id = ? AND actor LIKE 'client:%'")
                .param(number).query(Long.class).single()).isEqualTo(1);
    }

    private long apply(Cookie enterprise, String item) throws Exception {
        mvc.perform(multipart("/applications").param("item", item).param("commitment", "true").cookie(enterprise).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("SELECT max(id) FROM application WHERE item_code = ?").param(item).query(Long.class).single();
    }

    private org.springframework.test.web.servlet.RequestBuilder withdraw(String number, String bearer, String body) {
        return post("/api/v1/applications/" + number + "/withdraw").header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String statusOf(long id) {
        return jdbc.sql("SELECT status FROM application WHERE id = ?").param(id).query(String.class).single();
    }

    private String numberOf(long id) {
        return jdbc.sql("SELECT number FROM application WHERE id = ?").param(id).query(String.class).single();
    }

    private Cookie otherEnterprise() throws Exception {
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'withdraw-other'").query(Long.class).single() == 0) {
            String other = jdbc.sql("SELECT uscc FROM enterprise WHERE uscc <> (SELECT enterprise_uscc FROM app_user WHERE username = 'enterprise') "
                    + "ORDER BY uscc LIMIT 1 OFFSET 3").query(String.class).single();
            users.create(new UserAdministration.UserForm("withdraw-other", "另一家企业", Sessions.DEMO_PASSWORD, Set.of(Role.ENTERPRISE),
                    null, null, other, null));
        }
        return Sessions.login(mvc, "withdraw-other");
    }
}
