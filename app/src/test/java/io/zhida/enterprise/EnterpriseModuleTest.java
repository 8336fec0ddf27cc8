package io.zhida.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.zhida.enterprise.internal.EnterpriseRows;
import io.zhida.identity.Role;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.ModuleTest;
import io.zhida.support.Sessions;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Enterprise profiles on their own (with identity and the platform): the API upsert with its provenance, an import
 * whose bad rows are reported in Chinese, tag rules, and a correction request that goes to the department owning the
 * value, while an enterprise user never reaches another enterprise's profile. Enterprises and people are the test's own.
 */
@ModuleTest
class EnterpriseModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "enterprise");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EnterpriseProfiles profiles;
    @Autowired
    TagRules tagRules;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    ModuleFixtures fixtures;

    @BeforeEach
    void city() {
        fixtures = new ModuleFixtures(context).city();
    }

    @Test
    void theApiCreatesAndUpdatesAProfileWithItsSourceAndRefusesBadFieldsAndOtherRoles() throws Exception {
        assertThat(context.getBeanProvider(io.zhida.catalog.PolicyCatalog.class).getIfAvailable()).as("not a dependency").isNull();
        assertThat(context.getBeanProvider(io.zhida.matching.MatchingService.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(io.zhida.cockpit.Cockpit.class).getIfAvailable()).isNull();

        String admin = "Bearer " + token("admin", ModuleDatabase.ADMIN_PASSWORD);
        String code = ModuleFixtures.uscc(201);
        mvc.perform(post("/api/v1/enterprises").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uscc\":\"" + code + "\",\"name\":\"青山接口测试有限公司\",\"region\":\"519921\",\"industry\":\"C3911\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.uscc").value(code))
                .andExpect(jsonPath("$.name").value("青山接口测试有限公司"));
        mvc.perform(post("/api/v1/enterprises").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uscc\":\"" + code + "\",\"revenue\": 12500000.5, \"employees\": 80}")
                        .param("source", "统计联网直报平台").param("asOf", "2026-06-30"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revenue").value(12500000.5))
                .andExpect(jsonPath("$.employees").value(80))
                .andExpect(jsonPath("$.name").value("青山接口测试有限公司"));
        Map<String, EnterpriseRows.Source> provenance = profiles.provenance(code);
        assertThat(provenance.get("revenue")).isEqualTo(new EnterpriseRows.Source("统计联网直报平台", LocalDate.of(2026, 6, 30)));
        assertThat(provenance.get("name").system()).isEqualTo("接口报送");

        mvc.perform(post("/api/v1/enterprises").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uscc\":\"" + code + "\",\"employees\":\"很多\",\"region\":\"110101\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("employees", "region")))
                .andExpect(jsonPath("$.errors[?(@.field == 'employees')].message").value(Matchers.contains("“很多”不是数字")));
        assertThat(profiles.find(code).orElseThrow().value("employees")).as("nothing half-written").isEqualTo(80);
        assertThat(profiles.find(code).orElseThrow().region()).isEqualTo("519921");

        fixtures.user("ent-api-clerk", Role.CLERK, null, ModuleFixtures.SERVICE_CENTER, null);
        mvc.perform(post("/api/v1/enterprises").header("Authorization", "Bearer " + token("ent-api-clerk", ModuleFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"uscc\":\"" + code + "\",\"employees\":1}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(profiles.find(code).orElseThrow().value("employees")).isEqualTo(80);
    }

    @Test
    void aCsvImportTakesTheGoodRowsAndReportsEachBadRowInChinese() throws Exception {
        String admin = "Bearer " + token("admin", ModuleDatabase.ADMIN_PASSWORD);
        String good = ModuleFixtures.uscc(211);
        String badCheck = ModuleFixtures.uscc(212).substring(0, 17) + (ModuleFixtures.uscc(212).charAt(17) == 'A' ? 'B' : 'A');
        String csv = "uscc,name,region,industry,revenue,employees\n"
                + good + ",青山导入一号有限公司,519921,C3911,3000000,25\n"
                + badCheck + ",校验位错误公司,519921,C3911,1,1\n"
                + ModuleFixtures.uscc(213) + ",区划错误公司,999999,C3911,1,1\n"
                + ModuleFixtures.uscc(214) + ",类型错误公司,519921,C3911,很多,1\n";

        String started = mvc.perform(multipart("/api/v1/enterprises/imports")
                        .file(new MockMultipartFile("file", "exchange.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("source", "市场监管局企业登记系统").param("asOf", "2026-06-30").header("Authorization", admin))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(started, "$.id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !"RUNNING".equals(JsonPath.read(importStatus(admin, id), "$.status.state")));
        String status = importStatus(admin, id);
        assertThat((String) JsonPath.read(status, "$.status.state")).isEqualTo("DONE");
        assertThat((Integer) JsonPath.read(status, "$.status.created")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(status, "$.status.rejected")).isEqualTo(3);
        List<Map<String, Object>> errors = JsonPath.read(status, "$.errors");
        assertThat(errors).extracting(e -> e.get("rowNo") + ":" + e.get("field") + ":" + e.get("reason")).containsExactlyInAnyOrder(
                "3:uscc:统一社会信用代码“" + badCheck + "”校验位不正确",
                "4:region:区划代码“999999”不是本平台的县（区）代码",
                "5:revenue:“很多”不是数字");

        EnterpriseProfile imported = profiles.find(good).orElseThrow();
        assertThat(imported.name()).isEqualTo("青山导入一号有限公司");
        assertThat(imported.value("employees")).isEqualTo(25);
        assertThat(profiles.provenance(good).get("revenue").system()).isEqualTo("市场监管局企业登记系统");
        assertThat(profiles.find(badCheck)).isEmpty();
        assertThat(profiles.find(ModuleFixtures.uscc(213))).isEmpty();
        assertThat(profiles.find(ModuleFixtures.uscc(214))).as("a bad row is left out whole").isEmpty();
    }

    @Test
    void aTagRuleTagsTheEnterprisesItHoldsForAndABrokenRuleIsRefusedInWords() throws Exception {
        String exporter = fixtures.enterprise(221, Map.of("export_value", 1_000_000));
        String domestic = fixtures.enterprise(222, Map.of());
        Cookie admin = Sessions.login(mvc, "admin", ModuleDatabase.ADMIN_PASSWORD);

        mvc.perform(post("/enterprises/tag-rules").cookie(admin).with(csrf()).param("tag", "测试出口企业")
                        .param("condition", "e.export_value > 0.0").param("description", "上年有出口"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/enterprises/tag-rules"))
                .andExpect(flash().attribute("message", "已保存标签规则“测试出口企业”，1 户企业的标签随之变化"));
        assertThat(profiles.find(exporter).orElseThrow().tags()).contains("测试出口企业");
        assertThat(profiles.find(domestic).orElseThrow().tags()).doesNotContain("测试出口企业");

        mvc.perform(post("/enterprises/tag-rules").cookie(admin).with(csrf()).param("tag", "测试写错").param("condition", "e.revenue >"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("第 1 行")));
        mvc.perform(post("/enterprises/tag-rules").cookie(admin).with(csrf()).param("tag", "测试循环")
                        .param("condition", "'测试出口企业' in e.tags"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("不能引用企业标签")));
        assertThat(tagRules.all()).extracting(TagRules.TagRule::tag).contains("测试出口企业").doesNotContain("测试写错", "测试循环");

        fixtures.user("ent-tag-leader", Role.LEADER, null, null, null);
        Cookie leader = Sessions.login(mvc, "ent-tag-leader", ModuleFixtures.PASSWORD);
        mvc.perform(post("/enterprises/tag-rules/delete").cookie(leader).with(csrf()).param("tag", "测试出口企业"))
                .andExpect(status().isForbidden());
        assertThat(profiles.find(exporter).orElseThrow().tags()).contains("测试出口企业");

        mvc.perform(post("/enterprises/tag-rules/delete").cookie(admin).with(csrf()).param("tag", "测试出口企业"))
                .andExpect(status().is3xxRedirection());
        assertThat(profiles.find(exporter).orElseThrow().tags()).doesNotContain("测试出口企业");
    }

    @Test
    void aCorrectionGoesToTheDepartmentOwningTheValueAndAnotherEnterpriseIsRefused() throws Exception {
        String mine = fixtures.enterprise(231, Map.of("employees", 50));
        String other = fixtures.enterprise(232, Map.of());
        fixtures.user("ent-231", Role.ENTERPRISE, ModuleFixtures.COUNTY, null, mine);
        fixtures.user("ent-statistics", Role.REVIEWER, null, "C-TJJ", null);
        fixtures.user("ent-industry", Role.REVIEWER, null, "C-JXJ", null);

        Cookie enterprise = Sessions.login(mvc, "ent-231", ModuleFixtures.PASSWORD);
        String enterpriseToken = "Bearer " + token("ent-231", ModuleFixtures.PASSWORD);
        mvc.perform(get("/api/v1/enterprises/" + mine).header("Authorization", enterpriseToken))
                .andExpect(status().isOk()).andExpect(jsonPath("$.uscc").value(mine));
        mvc.perform(get("/api/v1/enterprises/" + other).header("Authorization", enterpriseToken))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/enterprises/" + other).cookie(enterprise)).andExpect(status().isForbidden());
        mvc.perform(post("/enterprises/" + other + "/corrections").cookie(enterprise).with(csrf())
                        .param("attribute", "employees").param("proposedValue", "1").param("reason", "不是我的企业"))
                .andExpect(status().isForbidden());
        assertThat(corrections(other)).isZero();

        mvc.perform(post("/enterprises/" + mine + "/corrections").cookie(enterprise).with(csrf())
                        .param("attribute", "employees").param("proposedValue", "很多").param("reason", "年报"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("“很多”不是数字")));
        assertThat(corrections(mine)).as("a refused request is not kept").isZero();
        mvc.perform(post("/enterprises/" + mine + "/corrections").cookie(enterprise).with(csrf())
                        .param("attribute", "employees").param("proposedValue", "321").param("reason", "2025 年报从业人员 321 人"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/enterprises/" + mine));
        long id = jdbc.sql("SELECT id FROM correction_request WHERE uscc = ? AND attribute = 'employees'").param(mine)
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT owner_department FROM correction_request WHERE id = ?").param(id).query(String.class).single())
                .as("employees are the statistics bureau's").isEqualTo("C-TJJ");

        Cookie industry = Sessions.login(mvc, "ent-industry", ModuleFixtures.PASSWORD);
        mvc.perform(get("/enterprises/corrections").cookie(industry))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString("2025 年报从业人员 321 人"))));
        mvc.perform(post("/enterprises/corrections/" + id).cookie(industry).with(csrf()).param("decision", "accept"))
                .andExpect(status().isForbidden());
        assertThat(profiles.find(mine).orElseThrow().value("employees")).isEqualTo(50);

        Cookie statistics = Sessions.login(mvc, "ent-statistics", ModuleFixtures.PASSWORD);
        mvc.perform(get("/enterprises").cookie(statistics).param("q", "测试企业231"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(mine)));
        mvc.perform(get("/enterprises/corrections").cookie(statistics))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("2025 年报从业人员 321 人")));
        mvc.perform(post("/enterprises/corrections/" + id).cookie(statistics).with(csrf()).param("decision", "accept"))
                .andExpect(status().is3xxRedirection());
        assertThat(profiles.find(mine).orElseThrow().value("employees")).isEqualTo(321);
        assertThat(profiles.provenance(mine).get("employees").system()).isEqualTo("数据纠错（市统计局）");
        assertThat(jdbc.sql("SELECT status || ':' || handled_by FROM correction_request WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("ACCEPTED:ent-statistics");
    }

    private long corrections(String uscc) {
        return jdbc.sql("SELECT count(*) FROM correction_request WHERE uscc = ?").param(uscc).query(Long.class).single();
    }

    private String importStatus(String admin, int id) throws Exception {
        return mvc.perform(get("/api/v1/enterprises/imports/" + id).header("Authorization", admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String token(String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.token");
    }
}
