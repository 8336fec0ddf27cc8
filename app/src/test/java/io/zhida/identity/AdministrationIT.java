package io.zhida.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Administrator pages: people, regions, departments; every change audited; bad input rejected whole. */
@ZhidaIntegrationTest
class AdministrationIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void anAdministratorCreatesAnEnterpriseUserAndTheAuditLogSaysSo() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        String uscc = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc DESC LIMIT 1").query(String.class).single();
        mvc.perform(post("/admin/users").cookie(admin).with(csrf())
                        .param("username", "newcorp").param("displayName", "新企业办事员").param("password", "secret-123")
                        .param("roles", "ENTERPRISE").param("enterpriseUscc", uscc))
                .andExpect(status().is3xxRedirection());
        assertThat(count("SELECT count(*) FROM app_user WHERE username = 'newcorp' AND enterprise_uscc = '" + uscc + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'user.create' AND subject_id = 'newcorp' AND actor = 'admin'"
                + " AND after_state->>'enterpriseUscc' = '" + uscc + "'")).isEqualTo(1);
        mvc.perform(get("/admin/audit").cookie(admin).param("text", "newcorp"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("新增用户 新企业办事员")));
    }

    @Test
    void invalidInputIsNamedFieldByFieldAndNothingIsWritten() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        long before = count("SELECT count(*) FROM app_user");
        long audited = count("SELECT count(*) FROM audit_log");
        mvc.perform(post("/admin/users").cookie(admin).with(csrf())
                        .param("username", "x").param("displayName", "").param("password", "short")
                        .param("roles", "ENTERPRISE", "REVIEWER").param("enterpriseUscc", "91350100M000100Y44"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("统一社会信用代码校验位不正确"),
                        org.hamcrest.Matchers.containsString("密码至少8位"),
                        org.hamcrest.Matchers.containsString("姓名不能为空"),
                        org.hamcrest.Matchers.containsString("该角色须选择所属部门"))));
        mvc.perform(post("/admin/users").cookie(admin).with(csrf())
                        .param("username", "admin").param("displayName", "重复").param("password", "secret-123").param("roles", "LEADER"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名已存在")));
        assertThat(count("SELECT count(*) FROM app_user")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(audited);
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/admin/users").cookie(Sessions.login(mvc, "admin")).param("username", "nocsrf"))
                .andExpect(status().isForbidden());
        assertThat(count("SELECT count(*) FROM app_user WHERE username = 'nocsrf'")).isZero();
    }

    @Test
    void regionsAndDepartmentsAreValidatedAndAudited() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        mvc.perform(post("/admin/regions").cookie(admin).with(csrf())
                        .param("code", "51992X").param("name", "坏区划").param("level", "COUNTY").param("parentCode", "519900"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("区划代码应为6位数字")));
        mvc.perform(post("/admin/regions").cookie(admin).with(csrf())
                        .param("code", "519924").param("name", "新区").param("level", "COUNTY").param("parentCode", "519900"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/departments").cookie(admin).with(csrf())
                        .param("code", "519924-JXJ").param("name", "新区经济发展局").param("regionCode", "519924")
                        .param("kind", "GOVERNMENT").param("active", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/departments").cookie(admin).with(csrf())
                        .param("code", "519924-JXJ").param("name", "重复编码").param("regionCode", "519924").param("kind", "GOVERNMENT"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("部门编码已被“新区经济发展局”使用")));
        assertThat(count("SELECT count(*) FROM department WHERE code = '519924-JXJ'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action IN ('region.create', 'department.create') AND actor = 'admin'"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void theAuditLogIsAppendOnly() {
        assertThat(count("SELECT count(*) FROM audit_log")).isPositive();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'someone-else'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }
}
