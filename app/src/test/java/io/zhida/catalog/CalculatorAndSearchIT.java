package io.zhida.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.ZhidaIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The public calculator and search, without login. */
@ZhidaIntegrationTest
class CalculatorAndSearchIT {

    @Autowired
    MockMvc mvc;

    private ResultActions calc(String body) throws Exception {
        return mvc.perform(post("/api/v1/calculator").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aDemoItemAgainstHandMadeEnterprises() throws Exception {
        // 稳岗返还 for a small firm: 60% of the unemployment insurance paid, no layoffs.
        calc("""
                {"item": "WG-001", "today": "2026-06-01", "enterprise": {"industry": "C3911", "employees": 50,
                 "revenue": 10000000, "insured_employees": 48, "layoffs": 0, "dishonest": false,
                 "unemployment_insurance_paid": 41234.567}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("ELIGIBLE"))
                .andExpect(jsonPath("$.amount").value(24740.74))
                .andExpect(jsonPath("$.derived.scale").value("小型"))
                .andExpect(jsonPath("$.clauses[0].text").value("依法参加失业保险"))
                .andExpect(jsonPath("$.clauses.length()").value(4));
        // A layoff rate over 5% decides, although the insurance paid is not known.
        calc("""
                {"item": "WG-001", "enterprise": {"industry": "C3911", "employees": 50, "revenue": 10000000,
                 "insured_employees": 40, "layoffs": 5, "dishonest": false}}""")
                .andExpect(jsonPath("$.result").value("INELIGIBLE"))
                .andExpect(jsonPath("$.amount").value(Matchers.nullValue()));
        // Without the size figures the size class cannot be derived: undetermined, and it says what to add.
        calc("""
                {"item": "WG-001", "enterprise": {"insured_employees": 40, "layoffs": 0, "dishonest": false}}""")
                .andExpect(jsonPath("$.result").value("UNDETERMINED"))
                .andExpect(jsonPath("$.missing").value(Matchers.contains("scale")));
        // 研发费用补助: 10% of R&D, capped at 2,000,000.
        calc("""
                {"item": "YF-001", "enterprise": {"rd_expense": 30000000, "revenue": 200000000}}""")
                .andExpect(jsonPath("$.result").value("ELIGIBLE"))
                .andExpect(jsonPath("$.amount").value(2000000.00))
                .andExpect(jsonPath("$.derived.rd_ratio").value(0.15));
    }

    @Test
    void anExpressionBeingWrittenIsCheckedWithPositions() throws Exception {
        calc("""
                {"condition": "e.revenue >= 5000000 && e.industry.startsWith(\\"C\\")", "formula": "e.revenue * 0.001",
                 "cap": 6000, "enterprise": {"revenue": 7000000.5, "industry": "C3911"}, "today": "2026-11-21"}""")
                .andExpect(jsonPath("$.result").value("ELIGIBLE"))
                .andExpect(jsonPath("$.amount").value(6000.00));
        calc("""
                {"condition": "e.revenue >= 1 &&\\n e.revnue > 2", "enterprise": {}}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].column").value(3))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("revnue")));
    }

    @Test
    void badInputIsAClear400And404() throws Exception {
        calc("{\"condition\": \"e.employees > 1\", \"enterprise\": {\"employees\": \"many\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enterprise.employees"));
        calc("{\"enterprise\": {}}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("condition"));
        calc("{\"item\": \"NO-SUCH\", \"enterprise\": {}}").andExpect(status().isNotFound());
        calc("{\"condition\": \"true\", \"today\": \"yesterday\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("today"));
        calc("{not json").andExpect(status().isBadRequest());
    }

    @Test
    void theCalculatorIsRateLimitedPerClient() throws Exception {
        int limited = 0;
        for (int i = 0; i < 70; i++) {
            int code = mvc.perform(post("/api/v1/calculator").contentType(MediaType.APPLICATION_JSON).content("{\"condition\": \"true\"}")
                    .with(r -> { r.setRemoteAddr("203.0.113.77"); return r; })).andReturn().getResponse().getStatus();
            if (code == 429) {
                limited++;
            }
        }
        assertThat(limited).isEqualTo(10);
        // a staff member's own token is counted per person, with room for a busy office behind the same address
        String bearer = "Bearer " + io.zhida.support.Sessions.token(mvc, "author");
        for (int i = 0; i < 70; i++) {
            mvc.perform(post("/api/v1/calculator").contentType(MediaType.APPLICATION_JSON).content("{\"condition\": \"true\"}")
                    .header("Authorization", bearer).with(r -> { r.setRemoteAddr("203.0.113.77"); return r; })).andExpect(status().isOk());
        }
        mvc.perform(post("/api/v1/calculator").contentType(MediaType.APPLICATION_JSON).content("{\"condition\": \"true\"}")
                .with(r -> { r.setRemoteAddr("203.0.113.77"); return r; })).andExpect(status().isTooManyRequests()); // the address stays limited
    }

    @Test
    void searchFindsChineseWordsWithFacetsAndHighlights() throws Exception {
        mvc.perform(get("/api/v1/policy-items").param("q", "稳岗"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", Matchers.hasItems("WG-001", "WG-002")))
                .andExpect(jsonPath("$.items[0].highlight").value(Matchers.containsString("<mark>")));
        mvc.perform(get("/api/v1/policy-items").param("q", "专精特新"))
                .andExpect(jsonPath("$.items[*].code", Matchers.hasItems("ZJTX-001", "ZJTX-002")));
        mvc.perform(get("/api/v1/policy-items").param("mode", "免申即享").param("size", "100"))
                .andExpect(jsonPath("$.items[*].mode", Matchers.everyItem(Matchers.is("免申即享"))))
                .andExpect(jsonPath("$.facets.mode.免申即享").value(Matchers.greaterThan(10)))
                .andExpect(jsonPath("$.total").value(Matchers.greaterThan(10)));
        mvc.perform(get("/api/v1/policy-items").param("q", "研发").param("department", "市科技局"))
                .andExpect(jsonPath("$.items[*].code", Matchers.hasItem("YF-001")))
                .andExpect(jsonPath("$.items[*].department", Matchers.everyItem(Matchers.containsString("市科技局"))));
        mvc.perform(get("/api/v1/policy-items").param("q", "不存在的词语组合青蛙"))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void portalPagesRenderWithoutLogin() throws Exception {
        mvc.perform(get("/portal/policies").param("q", "稳岗")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("失业保险稳岗返还")));
        mvc.perform(get("/portal/items/WG-001")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("办事指南"), Matchers.containsString("共享获取，免提交"))));
        mvc.perform(get("/portal/items/NO-SUCH")).andExpect(status().isNotFound());
        mvc.perform(get("/portal/calculator").param("item", "YF-001")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("上年研发费用")));
        mvc.perform(get("/")).andExpect(content().string(Matchers.containsString("id=\"stat-items\"")));
    }
}
