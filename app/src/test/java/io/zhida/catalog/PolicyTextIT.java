package io.zhida.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 政策智能拆解 and 合法性审查 together, as an author works: paste a document's text, take the proposals, confirm one,
 * reject one; the reviewer cannot publish until the justice department has passed the document.
 */
@ZhidaIntegrationTest
class PolicyTextIT {

    static final String TEXT = """
            示范市促进制造业高质量发展若干措施
            第一条 为推动制造业高质量发展，制定本措施。
            第二条 对上年度营业收入2000万元以上、研发费用占营业收入比例不低于3%的制造业企业，按其上年度研发费用的10%给予补助，单个企业最高不超过100万元。
            第三条 对成立不满3年、从业人员超过10人的科技型中小企业，一次性给予5万元奖励。
            第四条 被列入严重失信主体名单的企业不予支持。
            第五条 本措施自发布之日起施行。
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void theApiProposesItemsThatTheCalculatorTakesAsTheyAre() throws Exception {
        String token = Sessions.token(mvc, "author");
        String body = json.writeValueAsString(Map.of("text", TEXT, "today", "2026-11-30"));
        JsonNode answer = json.readTree(mvc.perform(post("/api/v1/policy-text/extract").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].formula").value("e.rd_expense * 0.1"))
                .andExpect(jsonPath("$.items[0].cap").value(1000000))
                .andExpect(jsonPath("$.items[0].source").value(Matchers.startsWith("第二条")))
                .andExpect(jsonPath("$.items[1].condition").value(Matchers.containsString("e.founded > \"2023-11-30\"")))
                .andExpect(jsonPath("$.items[1].condition").value(Matchers.containsString("!e.dishonest")))
                .andExpect(jsonPath("$.unparsed.length()").value(3))
                .andReturn().getResponse().getContentAsString());
        for (JsonNode item : answer.get("items")) {
            Map<String, Object> request = new java.util.HashMap<>(Map.of("condition", item.get("condition").asString(),
                    "enterprise", Map.of("revenue", 5.0e7, "rd_expense", 3.0e6, "industry", "C3911", "founded", "2025-01-01",
                            "employees", 40, "qualifications", List.of("科技型中小企业"), "dishonest", false)));
            if (!item.get("formula").isNull()) {
                request.put("formula", item.get("formula").asString());
            }
            mvc.perform(post("/api/v1/calculator").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(request)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.result").value("ELIGIBLE"));
        }
    }

    @Test
    void badRequestsAreRefusedClearly() throws Exception {
        String author = Sessions.token(mvc, "author");
        String[] bad = {"{\"text\":\"\"}", "{\"text\":\"对企业给予10万元\\u0000奖励\"}", "{\"text\":\"给予10万元\",\"today\":\"2026-13-01\"}",
            "{\"text\":\"给予10万元\",\"today\":\"1066-01-01\"}", "{\"text\":", json.writeValueAsString(Map.of("text", "字".repeat(200_001)))};
        for (String body : bad) {
            mvc.perform(post("/api/v1/policy-text/extract").header("Authorization", "Bearer " + author)
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/v1/policy-text/extract").header("Authorization", "Bearer " + Sessions.token(mvc, "enterprise"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"给予10万元\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/policy-text/extract").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"给予10万元\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void fromPastedTextToAPublishedItemThroughLegalReview() throws Exception {
        Cookie author = Sessions.login(mvc, "author");
        mvc.perform(post("/catalog/documents").cookie(author).with(csrf()).param("number", "示制发〔2026〕31号")
                        .param("title", "示范市促进制造业高质量发展若干措施（送审稿）").param("level", "市").param("issuer", "市经济和信息化局")
                        .param("fullText", TEXT))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM policy_document WHERE doc_number = '示制发〔2026〕31号'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT legal_review FROM policy_document WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("PENDING");
        mvc.perform(get("/catalog/documents/" + id).cookie(author))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("待合法性审查"), Matchers.containsString("从全文拆解事项"))));

        mvc.perform(post("/catalog/documents/" + id + "/proposals").cookie(author).with(csrf()))
                .andExpect(redirectedUrl("/catalog/documents/" + id + "/proposals"))
                .andExpect(flash().attribute("message", Matchers.containsString("2 项建议")));
        List<Long> proposals = jdbc.sql("SELECT id FROM policy_text_proposal WHERE document_id = :d ORDER BY seq").param("d", id)
                .query(Long.class).list();
        assertThat(proposals).hasSize(2);
        String condition = jdbc.sql("SELECT condition FROM policy_text_proposal WHERE id = :p").param("p", proposals.get(0))
                .query(String.class).single();

        // an edit that does not compile is shown on the proposal, nothing is written
        mvc.perform(post("/catalog/documents/" + id + "/proposals/" + proposals.get(0) + "/adopt").cookie(author).with(csrf())
                        .param("code", "ZZ-TXT-1").param("name", "研发费用补助").param("departments", "C-JXJ").param("mode", "FULL_REVIEW")
                        .param("condition", "e.revenue >= ").param("amountFormula", "e.rd_expense * 0.1").param("cap", "1000000")
                        .param("benefitType", "资金补贴").param("timeLimitDays", "15")
                        .param("target", "营业收入2000万元以上的制造业企业").param("contact", "0599-12345678（市经信局产业科）"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("adopt-errors")));
        assertThat(jdbc.sql("SELECT count(*) FROM policy_item WHERE code = 'ZZ-TXT-1'").query(Long.class).single()).isZero();
        // an adopted item is complete: who may apply and whom to ask
        mvc.perform(post("/catalog/documents/" + id + "/proposals/" + proposals.get(0) + "/adopt").cookie(author).with(csrf())
                        .param("code", "ZZ-TXT-1").param("name", "制造业企业研发费用补助").param("departments", "C-JXJ").param("mode", "FULL_REVIEW")
                        .param("condition", condition).param("amountFormula", "e.rd_expense * 0.1").param("cap", "1000000")
                        .param("benefitType", "资金补贴").param("target", " ").param("contact", "打电话"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.allOf(Matchers.containsString("请填写实施对象"),
                        Matchers.containsString("请填写咨询电话"))));
        assertThat(jdbc.sql("SELECT count(*) FROM policy_item WHERE code = 'ZZ-TXT-1'").query(Long.class).single()).isZero();

        mvc.perform(post("/catalog/documents/" + id + "/proposals/" + proposals.get(0) + "/adopt").cookie(author).with(csrf())
                        .param("code", "ZZ-TXT-1").param("name", "制造业企业研发费用补助").param("departments", "C-JXJ").param("mode", "FULL_REVIEW")
                        .param("condition", condition).param("amountFormula", "e.rd_expense * 0.1").param("cap", "1000000")
                        .param("benefitType", "资金补贴").param("timeLimitDays", "15")
                        .param("target", "营业收入2000万元以上的制造业企业").param("contact", "0599-12345678（市经信局产业科）"))
                .andExpect(status().is3xxRedirection());
        // a proposal is adopted as a new item: an existing draft's code is refused, never overwritten
        mvc.perform(post("/catalog/documents/" + id + "/proposals/" + proposals.get(1) + "/adopt").cookie(author).with(csrf())
                        .param("code", "ZZ-TXT-1").param("name", "科技型中小企业奖励").param("departments", "C-KJJ").param("mode", "FULL_REVIEW")
                        .param("condition", "e.employees > 10").param("amountFormula", "50000").param("benefitType", "资金奖励")
                        .param("target", "科技型中小企业").param("contact", "0599-87654321"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("已被使用")));
        assertThat(jdbc.sql("SELECT v.name FROM policy_item i JOIN policy_item_version v ON v.item_id = i.id WHERE i.code = 'ZZ-TXT-1'")
                .query(String.class).single()).isEqualTo("制造业企业研发费用补助");
        mvc.perform(post("/catalog/documents/" + id + "/proposals/" + proposals.get(1) + "/reject").cookie(author).with(csrf())
                        .param("note", "另行制定科技型中小企业专项"))
                .andExpect(status().is3xxRedirection());
        // decided proposals are not decided twice
        mvc.perform(post("/catalog/documents/" + id + "/proposals/" + proposals.get(1) + "/reject").cookie(author).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("已处理")));
        assertThat(jdbc.sql("SELECT status || ':' || coalesce(item_code, note) FROM policy_text_proposal WHERE document_id = :d ORDER BY seq")
                .param("d", id).query(String.class).list()).containsExactly("ADOPTED:ZZ-TXT-1", "REJECTED:另行制定科技型中小企业专项");
        assertThat(jdbc.sql("SELECT v.conditions_text FROM policy_item i JOIN policy_item_version v ON v.item_id = i.id WHERE i.code = 'ZZ-TXT-1'")
                .query(String.class).single()).startsWith("第二条");

        // running it again proposes nothing already decided
        mvc.perform(post("/catalog/documents/" + id + "/proposals").cookie(author).with(csrf()))
                .andExpect(flash().attribute("message", Matchers.containsString("未能从全文中识别出")));
        assertThat(jdbc.sql("SELECT count(*) FROM policy_text_proposal WHERE document_id = :d").param("d", id).query(Long.class).single())
                .isEqualTo(2);

        mvc.perform(post("/catalog/items/ZZ-TXT-1/submit").cookie(author).with(csrf())).andExpect(status().is3xxRedirection());
        Cookie reviewer = Sessions.login(mvc, "reviewer");
        mvc.perform(post("/catalog/review/ZZ-TXT-1/approve").cookie(reviewer).with(csrf())
                        .param("checklist", "0", "1", "2", "3", "4", "5"))
                .andExpect(flash().attribute("error", Matchers.containsString("合法性审查")))
                .andExpect(flash().attribute("ticked", List.of(0, 1, 2, 3, 4, 5)));
        assertThat(jdbc.sql("SELECT published_version FROM policy_item WHERE code = 'ZZ-TXT-1'").query(Integer.class).optional()
                .orElse(null)).isNull();

        // only the justice department decides, with an opinion
        mvc.perform(post("/catalog/legal-review/" + id).cookie(reviewer).with(csrf()).param("decision", "pass").param("opinion", "同意"))
                .andExpect(status().isForbidden());
        Cookie justice = Sessions.login(mvc, "reviewer-sfj");
        mvc.perform(get("/catalog/legal-review").cookie(justice))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("示范市促进制造业高质量发展若干措施"), Matchers.containsString("decide-form"))));
        mvc.perform(post("/catalog/legal-review/" + id).cookie(justice).with(csrf()).param("decision", "pass").param("opinion", " "))
                .andExpect(flash().attribute("error", Matchers.containsString("审查意见")));
        mvc.perform(post("/catalog/legal-review/" + id).cookie(justice).with(csrf()).param("decision", "pass")
                        .param("opinion", "制定主体、权限、程序合法，未增加企业义务"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/catalog/legal-review/" + id).cookie(justice).with(csrf()).param("decision", "reject").param("opinion", "再审"))
                .andExpect(flash().attribute("error", Matchers.containsString("已作出审查结论")));

        // passed, but a 送审稿 until it is issued with its title and date
        mvc.perform(post("/catalog/review/ZZ-TXT-1/approve").cookie(reviewer).with(csrf())
                        .param("checklist", "0", "1", "2", "3", "4", "5"))
                .andExpect(flash().attribute("error", Matchers.containsString("尚未印发")));
        mvc.perform(post("/catalog/documents").cookie(author).with(csrf()).param("number", "示制发〔2026〕31号")
                        .param("title", "示范市促进制造业高质量发展若干措施").param("level", "市").param("issuer", "市经济和信息化局")
                        .param("publishedOn", "2026-11-20").param("fullText", TEXT))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT legal_review FROM policy_document WHERE id = :id").param("id", id).query(String.class).single())
                .as("issuing with the same text keeps the review").isEqualTo("PASSED");
        mvc.perform(post("/catalog/review/ZZ-TXT-1/approve").cookie(reviewer).with(csrf())
                        .param("checklist", "0", "1", "2", "3", "4", "5"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT published_version FROM policy_item WHERE code = 'ZZ-TXT-1'").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'policy.document.legal.pass' AND subject_id = '示制发〔2026〕31号'")
                .query(Long.class).single()).isEqualTo(1);

        // a changed text goes back to the justice department
        mvc.perform(post("/catalog/documents").cookie(author).with(csrf()).param("number", "示制发〔2026〕31号")
                        .param("title", "示范市促进制造业高质量发展若干措施").param("level", "市").param("issuer", "市经济和信息化局")
                        .param("fullText", TEXT + "第六条 补充条款。"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT legal_review FROM policy_document WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("PENDING");
    }
}
