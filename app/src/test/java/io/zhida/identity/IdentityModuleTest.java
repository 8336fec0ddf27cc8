package io.zhida.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.ModuleTest;
import io.zhida.support.Sessions;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Identity on its own (with the platform only): the first administrator of a fresh platform creates people, they sign
 * in with the form and the token endpoint, bad input and wrong passwords are refused, administration stays the
 * administrator's, and the audit log records who did what.
 */
@ModuleTest
class IdentityModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "identity");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAdministration users;
    @Autowired
    Organisations organisations;
    @Autowired
    AuditLog audit;
    @Autowired
    ApplicationContext context;

    ModuleFixtures fixtures;

    @BeforeEach
    void city() {
        fixtures = new ModuleFixtures(context).city();
    }

    @Test
    void identityStartsWithThePlatformOnly() {
        assertThat(context.getBeanProvider(UserAdministration.class).getIfAvailable()).isNotNull();
        assertThat(context.getBeanProvider(io.zhida.platform.Nodes.class).getIfAvailable()).as("a dependency").isNotNull();
        assertThat(context.getBeanProvider(io.zhida.enterprise.EnterpriseProfiles.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(io.zhida.catalog.PolicyCatalog.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(io.zhida.cockpit.Cockpit.class).getIfAvailable()).isNull();
        assertThat(organisations.region(ModuleFixtures.CITY)).get().extracting(Organisations.Region::name).isEqualTo("测试市");
        assertThat(users.list("admin")).extracting(UserAdministration.UserSummary::username).contains("admin");
    }

    @Test
    void anAdministratorCreatesAUserWhoSignsInAndTheAuditLogSaysSo() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin", ModuleDatabase.ADMIN_PASSWORD);
        long department = organisations.departmentByCode("C-JXJ").orElseThrow().id();
        mvc.perform(post("/admin/users").cookie(admin).with(csrf())
                        .param("username", "idm-reviewer").param("displayName", "审核测试员").param("password", "reviewer-pass-1")
                        .param("roles", "REVIEWER").param("departmentId", Long.toString(department)).param("phone", "13800000001"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/users"));

        UserAdministration.UserSummary created = users.list("idm-reviewer").stream()
                .filter(u -> u.username().equals("idm-reviewer")).findFirst().orElseThrow();
        assertThat(created.roles()).containsExactly(Role.REVIEWER);
        assertThat(created.departmentName()).isEqualTo("市经济和信息化局");
        assertThat(created.regionCode()).as("the department fixes the region").isEqualTo(ModuleFixtures.CITY);
        assertThat(created.enabled()).isTrue();

        Sessions.login(mvc, "idm-reviewer", "reviewer-pass-1");
        String token = token("idm-reviewer", "reviewer-pass-1");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("idm-reviewer"))
                .andExpect(jsonPath("$.displayName").value("审核测试员"))
                .andExpect(jsonPath("$.roles").value(Matchers.contains("REVIEWER")))
                .andExpect(jsonPath("$.department").value("市经济和信息化局"));

        AuditLog.Page entries = audit.search(new AuditLog.Query("admin", "user.create", null, "idm-reviewer", null, null, 0, 10));
        assertThat(entries.entries()).singleElement().satisfies(e -> {
            assertThat(e.subjectId()).isEqualTo("idm-reviewer");
            assertThat(e.summary()).isEqualTo("新增用户 审核测试员（部门审核员）");
            assertThat(e.after()).contains("\"username\": \"idm-reviewer\"", "市经济和信息化局").doesNotContain("reviewer-pass-1");
        });
        mvc.perform(get("/api/v1/admin/audit").header("Authorization", "Bearer " + token("admin", ModuleDatabase.ADMIN_PASSWORD))
                        .param("action", "user.create").param("text", "idm-reviewer"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.entries[0].actor").value("admin"));
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin", ModuleDatabase.ADMIN_PASSWORD);
        long usersBefore = users.count();
        long auditedBefore = everyAuditEntry();
        String valid = ModuleFixtures.uscc(101);
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == 'A' ? 'B' : 'A');
        mvc.perform(post("/admin/users").cookie(admin).with(csrf())
                        .param("username", "x").param("displayName", "").param("password", "short")
                        .param("roles", "ENTERPRISE", "REVIEWER").param("enterpriseUscc", wrongCheck))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(
                        Matchers.containsString("统一社会信用代码校验位不正确"),
                        Matchers.containsString("密码至少8位"),
                        Matchers.containsString("姓名不能为空"),
                        Matchers.containsString("该角色须选择所属部门"))));
        mvc.perform(post("/admin/users").cookie(admin).with(csrf())
                        .param("username", "admin").param("displayName", "重名").param("password", "long-enough-1").param("roles", "LEADER"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("用户名已存在")));
        mvc.perform(post("/admin/users").cookie(admin)
                        .param("username", "idm-nocsrf").param("displayName", "无令牌").param("password", "long-enough-1").param("roles", "LEADER"))
                .andExpect(status().isForbidden());

        assertThat(users.count()).isEqualTo(usersBefore);
        assertThat(users.list("idm-nocsrf")).isEmpty();
        assertThat(everyAuditEntry()).as("nothing half-written, nothing audited").isEqualTo(auditedBefore);
    }

    @Test
    void aWrongPasswordIsRefusedAndOnlyTheAdministratorAdministers() throws Exception {
        UserAdministration.UserSummary clerk = fixtures.user("idm-clerk", Role.CLERK, null, ModuleFixtures.SERVICE_CENTER, null);

        requestToken("idm-clerk", "not-the-password")
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("用户名或密码错误"));
        mvc.perform(formLogin("/login").user("idm-clerk").password("not-the-password")).andExpect(redirectedUrl("/login?error=bad"));

        Cookie session = Sessions.login(mvc, "idm-clerk", ModuleFixtures.PASSWORD);
        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").cookie(session).with(csrf())
                        .param("username", "idm-sneaky").param("displayName", "越权新增").param("password", "long-enough-1")
                        .param("roles", "ADMIN"))
                .andExpect(status().isForbidden());
        assertThat(users.list("idm-sneaky")).isEmpty();

        String clerkToken = token("idm-clerk", ModuleFixtures.PASSWORD);
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + clerkToken))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        // the administrator disables the clerk: the clerk's token stops working and the password no longer signs in
        Cookie admin = Sessions.login(mvc, "admin", ModuleDatabase.ADMIN_PASSWORD);
        mvc.perform(post("/admin/users/" + clerk.id() + "/enabled").cookie(admin).with(csrf()).param("enabled", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(users.get(clerk.id()).enabled()).isFalse();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + clerkToken)).andExpect(status().isUnauthorized());
        requestToken("idm-clerk", ModuleFixtures.PASSWORD).andExpect(status().isUnauthorized());
        assertThat(audit.search(new AuditLog.Query("admin", "user.disable", null, "idm-clerk", null, null, 0, 10)).total()).isEqualTo(1);
    }

    private long everyAuditEntry() {
        return audit.search(new AuditLog.Query(null, null, null, null, null, null, 0, 1)).total();
    }

    private ResultActions requestToken(String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
    }

    private String token(String username, String password) throws Exception {
        String body = requestToken(username, password).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.token");
    }
}
