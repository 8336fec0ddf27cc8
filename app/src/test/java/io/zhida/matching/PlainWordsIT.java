package io.zhida.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyCalculator;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.engine.rule.Calculator;
import io.zhida.engine.rule.Condition;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 我的政策 speaks plain Chinese: no rule syntax in any demo item's clauses, and a near miss says its gap in the enterprise's figures. */
@ZhidaIntegrationTest
class PlainWordsIT {

    /** Operators, quotes, regular expressions, the rule variables, booleans, bare industry and region codes. */
    static final Pattern SYNTAX = Pattern.compile(
            "e\\.|==|!=|&&|\\|\\||>=|<=|\"|\\^|\\$|\\[|\\]|\\btoday\\b|\\btrue\\b|\\bfalse\\b|\\b[A-T]\\d{2,4}\\b|\\b\\d{6}\\b|\\bnull\\b");

    @Autowired
    PolicyCatalog catalog;
    @Autowired
    PolicyCalculator calculator;
    @Autowired
    EnterpriseProfiles profiles;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void everyClauseOfEveryDemoItemIsPlainChineseForEveryKindOfEnterprise() {
        List<String> sample = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc LIMIT 120").query(String.class).list();
        int clauses = 0;
        for (PolicyItem item : catalog.onlineItems()) {
            if (item.code().startsWith("T-")) {
                continue; // other tests' items name their enterprise by its code on purpose
            }
            for (String uscc : sample) {
                Calculator.Result r = calculator.calculate(item.code(), profiles.find(uscc).orElseThrow().attributes(), PolicyCatalog.today());
                for (Condition.ClauseResult c : r.clauses()) {
                    assertThat(c.text()).as("%s: %s", item.code(), c.expression()).doesNotContainPattern(SYNTAX).isNotBlank();
                    if (c.gap() != null) {
                        assertThat(c.gap()).as("%s gap", item.code()).doesNotContainPattern(SYNTAX).matches("(还差|需减少|需降低) .+");
                    }
                    clauses++;
                }
            }
        }
        assertThat(clauses).isGreaterThan(40 * 120);
    }

    @Test
    void aNearMissSaysTheGapInTheEnterprisesOwnFiguresAndAnItemAppliedForOffersItsStateNotAnotherApplication() throws Exception {
        String uscc = jdbc.sql("SELECT enterprise_uscc FROM app_user WHERE username = 'enterprise'").query(String.class).single();
        Map<String, Object> values = profiles.find(uscc).orElseThrow().attributes();
        long insured = ((Number) values.getOrDefault("insured_employees", 0L)).longValue();
        exchange.importYaml("""
                documents: []
                items:
                  - code: T-NEAR-1
                    name: 差一点符合测试补贴
                    departments: [C-JXJ]
                    mode: FULL_REVIEW
                    condition: |
                      e.uscc == "%s" // 本测试企业
                      && e.insured_employees >= %d
                    benefit_type: 资金补贴
                    amount: "1000"
                """.formatted(uscc, insured + 3), true);
        Cookie session = Sessions.login(mvc, "enterprise");
        String html = mvc.perform(get("/my/policies").cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);
        var near = page.select("#near-miss .list-group-item").stream().filter(e -> e.text().contains("差一点符合测试补贴")).findFirst();
        assertThat(near).as("listed as one clause away").isPresent();
        assertThat(near.get().select(".near-clause").text()).isEqualTo("参保职工人数不少于 " + String.format("%,d", insured + 3) + " 人");
        assertThat(near.get().select(".near-gap").text()).isEqualTo("，还差 3 人");
        assertThat(io.zhida.support.Sheets.text(mvc.perform(get("/my/policies/export.xlsx").cookie(session)).andExpect(status().isOk()).andReturn()))
                .as("the export lists the near miss with its gap").contains("差一点符合测试补贴").contains("差一点符合").contains("还差 3 人");
        long withState = jdbc.sql("SELECT count(DISTINCT item_code) FROM application WHERE uscc = ? AND period = ? AND status NOT IN ('REJECTED', 'REFUSED')")
                .params(uscc, String.valueOf(io.zhida.platform.Today.date().getYear())).query(Long.class).single();
        assertThat(page.select("#eligible .item-state").stream().filter(b -> !b.text().contains("可重新申报")).count())
                .as("every item applied for this year shows its state (when listed among the first)").isLessThanOrEqualTo(withState);
        for (var item : page.select("#eligible > .list-group-item")) {
            if (!item.select(".item-state").isEmpty() && !item.select(".item-state").text().contains("可重新申报")) {
                assertThat(item.select(".apply-link")).as("no second 申报: %s", item.text()).isEmpty();
            }
        }
        for (var clause : page.select("#eligible li, #near-miss .near-clause, #not-met .small, #undetermined .missing-data")) {
            assertThat(clause.text()).doesNotContainPattern(SYNTAX).doesNotContainPattern("[a-z]{3,}"); // nor attribute names
        }
    }
}
