package io.zhida.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Each demo role logs in through the form and sees what it may, and nothing it may not. */
@ZhidaIntegrationTest
class RoleAccessIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private String ownEnterprise() {
        return jdbc.sql("SELECT enterprise_uscc FROM app_user WHERE username = 'enterprise'").query(String.class).single();
    }

    private String enterpriseOtherThan(String uscc, String region) {
        return jdbc.sql("SELECT uscc FROM enterprise WHERE uscc <> :u AND (:r = '' OR region = :r) ORDER BY uscc LIMIT 1")
                .param("u", uscc).param("r", region).query(String.class).single();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "enterprise", "clerk", "reviewer", "head", "finance", "author", "evaluator", "leader", "county"})
    void everyDemoAccountLogsInAndSeesItsWorkbench(String username) throws Exception {
        Cookie session = Sessions.login(mvc, username);
        String displayName = jdbc.sql("SELECT display_name FROM app_user WHERE username = :u").param("u", username)
                .query(String.class).single();
        mvc.perform(get("/workbench").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(displayName)));
        int adminStatus = "admin".equals(username) ? 200 : 403;
        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().is(adminStatus));
        mvc.perform(get("/admin/audit").cookie(session)).andExpect(status().is(adminStatus));
    }

    @Test
    void onlyTheAdministratorsMenuListsSystemAdministration() throws Exception {
        String admin = mvc.perform(get("/workbench").cookie(Sessions.login(mvc, "admin"))).andReturn().getResponse().getContentAsString();
        String clerk = mvc.perform(get("/workbench").cookie(Sessions.login(mvc, "clerk"))).andReturn().getResponse().getContentAsString();
        assertThat(admin).contains("用户与角色", "审计日志");
        assertThat(clerk).doesNotContain("用户与角色").contains("企业库");
    }

    @Test
    void anEnterpriseUserSeesItsOwnEnterpriseAndNoOther() throws Exception {
        Cookie session = Sessions.login(mvc, "enterprise");
        String own = ownEnterprise();
        String other = enterpriseOtherThan(own, "");
        mvc.perform(get("/enterprises/" + own).cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/enterprises/" + other).cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/enterprises/NOSUCHCODE").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/my/enterprise").cookie(session))
                .andExpect(status().is3xxRedirection());

        String token = Sessions.token(mvc, "enterprise");
        mvc.perform(get("/api/v1/enterprises/" + own).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.uscc").value(own));
        mvc.perform(get("/api/v1/enterprises/" + other).header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/enterprises").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aCountyDepartmentSeesItsCountyOnly() throws Exception {
        String token = Sessions.token(mvc, "county");
        String inCounty = enterpriseOtherThan("", "519921");
        String elsewhere = enterpriseOtherThan("", "519902");
        mvc.perform(get("/api/v1/enterprises/" + inCounty).header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/enterprises/" + elsewhere).header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
        // Asking for another county's list still yields only the user's own county.
        mvc.perform(get("/api/v1/enterprises?region=519902&size=200").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].region", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("519921"))))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(0)));
    }

    @Test
    void cityStaffSeeEveryCountyAndUnknownCodesAre404() throws Exception {
        String token = Sessions.token(mvc, "reviewer");
        mvc.perform(get("/api/v1/enterprises/" + enterpriseOtherThan("", "519902")).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/enterprises/" + enterpriseOtherThan("", "519921")).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/enterprises/91519902XXXXXXXX00").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/enterprises?region=519921").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.items[*].region", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("519921"))));
    }

    @Test
    void anonymousVisitorsSeeThePortalButNotTheWorkbench() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("惠企政策")));
        mvc.perform(get("/workbench")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }
}
