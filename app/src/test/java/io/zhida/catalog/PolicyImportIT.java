package io.zhida.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** YAML import is all-or-nothing with every error listed by item, field and line; export round-trips. */
@ZhidaIntegrationTest
class PolicyImportIT {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static final String GOOD = """
            documents:
              - number: 示测发〔2026〕1号
                title: 测试文件
                level: 市
                issuer: 市经济和信息化局
            items:
              - code: T-IMP-1
                name: 导入测试事项一
                document: 示测发〔2026〕1号
                departments: [C-JXJ]
                mode: 即申即享
                condition: |
                  e.revenue >= 1000000 // 营业收入100万元以上
                  && e.industry.startsWith("C")
                benefit_type: 资金奖励
                amount: e.revenue * 0.01
                cap: 50000
              - code: T-IMP-2
                name: 导入测试事项二
                departments: [C-KJJ]
                mode: 免申即享
                condition: '"高新技术企业" in e.qualifications'
                benefit_type: 资质认定奖励
            """;

    @Test
    void aGoodFileImportsAsDraftsAndOnlyAuthorsMayImport() throws Exception {
        mvc.perform(post("/api/v1/policy-items/import").contentType(YAML).content(GOOD)
                        .header("Authorization", "Bearer " + Sessions.token(mvc, "enterprise")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/policy-items/import").contentType(YAML).content(GOOD)
                        .header("Authorization", "Bearer " + Sessions.token(mvc, "author")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").value(2))
                .andExpect(jsonPath("$.published").value(0));
        assertThat(count("SELECT count(*) FROM policy_item_version v JOIN policy_item i ON i.id = v.item_id "
                + "WHERE i.code IN ('T-IMP-1', 'T-IMP-2') AND v.state = 'DRAFT' AND v.author = 'author'")).isEqualTo(2);
        String exported = mvc.perform(get("/api/v1/policy-items/export").header("Authorization", "Bearer " + Sessions.token(mvc, "author")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exported).contains("code: T-IMP-1", "e.revenue >= 1000000 // 营业收入100万元以上", "code: WG-001", "mode: 免申即享");
    }

    @Test
    void oneBadItemRejectsTheWholeFileWithEveryErrorAndNothingIsWritten() throws Exception {
        long items = count("SELECT count(*) FROM policy_item");
        long documents = count("SELECT count(*) FROM policy_document");
        String bad = """
                documents:
                  - number: 示测发〔2026〕9号
                    title: 不应写入的文件
                    level: 市
                    issuer: 市科技局
                items:
                  - code: T-IMP-GOOD
                    name: 本身正确的事项
                    departments: [C-JXJ]
                    mode: 即申即享
                    condition: e.employees > 5
                    benefit_type: 资金奖励
                  - code: T-IMP-BAD
                    name: 有错误的事项
                    departments: [C-NOPE]
                    mode: 随便办
                    condition: |
                      e.revenue > 1
                      && e.revenu > 2
                    benefit_type: 资金奖励
                    cap: 很多
                  - code: T-IMP-GOOD
                    name: 重复编码
                    departments: [C-JXJ]
                    mode: 承诺即享
                    condition: e.revenue > "x"
                    benefit_type: 红包
                """;
        mvc.perform(post("/api/v1/policy-items/import").contentType(YAML).content(bad)
                        .header("Authorization", "Bearer " + Sessions.token(mvc, "author")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.item == 'T-IMP-BAD' && @.field == 'mode')].line").value(Matchers.contains(16)))
                .andExpect(jsonPath("$.errors[?(@.item == 'T-IMP-BAD' && @.field == 'cap')].line").value(Matchers.contains(21)))
                .andExpect(jsonPath("$.errors[?(@.item == 'T-IMP-GOOD' && @.field == 'code')].line").value(Matchers.contains(22)))
                .andExpect(jsonPath("$.errors[?(@.item == 'T-IMP-GOOD' && @.field == 'condition')].line").value(Matchers.contains(26)))
                .andExpect(jsonPath("$.errors[?(@.item == 'T-IMP-GOOD' && @.field == 'benefit_type')]").exists());
        // The broken item's rule error points at the line inside the block where the misspelling stands.
        mvc.perform(post("/api/v1/policy-items/import").contentType(YAML).content(bad.replace("mode: 随便办", "mode: 综合评审").replace("cap: 很多", "cap: 5"))
                        .header("Authorization", "Bearer " + Sessions.token(mvc, "author")))
                .andExpect(jsonPath("$.errors[?(@.item == 'T-IMP-BAD' && @.field == 'condition')].line").value(Matchers.contains(19)))
                .andExpect(jsonPath("$.errors[?(@.item == 'T-IMP-BAD' && @.field == 'departments')].message")
                        .value(Matchers.contains("办理部门编码“C-NOPE”不存在")));
        assertThat(count("SELECT count(*) FROM policy_item")).isEqualTo(items);
        assertThat(count("SELECT count(*) FROM policy_document")).isEqualTo(documents);
    }

    @Test
    void malformedYamlIsAClear400() throws Exception {
        mvc.perform(post("/api/v1/policy-items/import").contentType(YAML).content("items:\n  - code: [unclosed\n")
                        .header("Authorization", "Bearer " + Sessions.token(mvc, "author")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("YAML 格式错误")))
                .andExpect(jsonPath("$.errors[0].line").isNumber());
        mvc.perform(post("/api/v1/policy-items/import").contentType(YAML).content("just text")
                        .header("Authorization", "Bearer " + Sessions.token(mvc, "author")))
                .andExpect(status().isBadRequest());
    }
}
