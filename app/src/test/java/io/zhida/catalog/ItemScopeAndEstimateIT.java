package io.zhida.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.engine.rule.Outcome;
import io.zhida.matching.MatchingService;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** An item's industries and counties bound whom it reaches; the reviewer sees the sandbox's estimate against the budget. */
@ZhidaIntegrationTest
class ItemScopeAndEstimateIT {

    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    PolicyAuthoring authoring;
    @Autowired
    MatchingService matching;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void theItemsIndustriesAndCountiesArePartOfItsCondition() {
        exchange.importYaml("""
                documents: []
                items:
                  - code: T-SCOPE-1
                    name: 范围测试补贴
                    departments: [C-JXJ]
                    mode: FULL_REVIEW
                    condition: e.revenue >= 0 // 有营业收入数据
                    industries: ["C", "I"]
                    regions: ["519921"]
                    benefit_type: 资金补贴
                    amount: "1000"
                """, true);
        long expected = jdbc.sql("SELECT count(*) FROM enterprise WHERE revenue >= 0 AND substr(industry, 1, 1) IN ('C', 'I') AND region = '519921'")
                .query(Long.class).single();
        assertThat(expected).isPositive();
        assertThat(matching.countForItem("T-SCOPE-1", Outcome.ELIGIBLE, null)).isEqualTo(expected);
        assertThat(matching.forItem("T-SCOPE-1", Outcome.ELIGIBLE, null, 0, 500))
                .allSatisfy(m -> assertThat(m.region()).isEqualTo("519921"));
    }

    @Test
    void theReviewPageShowsTheEstimateAgainstTheBudgetAndWarnsWhenOver() throws Exception {
        exchange.importYaml("""
                documents: []
                items:
                  - code: T-EST-1
                    name: 预算测算测试补贴
                    departments: [C-JXJ]
                    mode: FULL_REVIEW
                    condition: e.revenue >= 0 // 有营业收入数据
                    benefit_type: 资金补贴
                    amount: "1000"
                    annual_budget: 5000
                """, false);
        authoring.submitForReview("T-EST-1");
        long eligible = jdbc.sql("SELECT count(*) FROM enterprise WHERE revenue >= 0").query(Long.class).single();
        Document page = Jsoup.parse(mvc.perform(get("/catalog/review/T-EST-1").cookie(Sessions.login(mvc, "reviewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String estimate = page.select("#review-estimate").text();
        assertThat(estimate).contains(String.format("%,d", eligible) + " 户符合")
                .contains(String.format("%,.2f", eligible * 1000.0) + " 元/年");
        assertThat(page.select("#estimate-over").text()).contains("超出年度预算");
    }
}
