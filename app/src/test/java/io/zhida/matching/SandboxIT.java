package io.zhida.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/** 沙盘推演 against the demo city: counts and money agree with a count in SQL. */
@ZhidaIntegrationTest
class SandboxIT {

    @Autowired
    PolicySandbox sandbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void twoVariantsAreCountedAndCostedLikeAHandCount() {
        List<PolicySandbox.Outcome> outcomes = sandbox.run(List.of(
                new PolicySandbox.Variant("A", "e.revenue >= 5000000.0", "e.revenue * 0.01", new BigDecimal("100000")),
                new PolicySandbox.Variant("B", "e.revenue >= 10000000.0", "e.revenue * 0.01", new BigDecimal("100000"))));
        long a = count("SELECT count(*) FROM enterprise WHERE revenue >= 5000000");
        long b = count("SELECT count(*) FROM enterprise WHERE revenue >= 10000000");
        long unknown = count("SELECT count(*) FROM enterprise WHERE revenue IS NULL");
        assertThat(outcomes.get(0).eligible()).isEqualTo((int) a);
        assertThat(outcomes.get(1).eligible()).isEqualTo((int) b).isLessThan((int) a);
        assertThat(outcomes.get(0).undetermined()).isEqualTo((int) unknown);
        BigDecimal expected = jdbc.sql("SELECT coalesce(sum(least(round(revenue * 0.01, 2), 100000)), 0) FROM enterprise WHERE revenue >= 5000000")
                .query(BigDecimal.class).single();
        assertThat(outcomes.get(0).totalAmount()).isEqualByComparingTo(expected);
        assertThat(outcomes.get(0).byRegion().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo((int) a);
        assertThat(outcomes.get(0).byRegion().get("519921"))
                .isEqualTo((int) count("SELECT count(*) FROM enterprise WHERE revenue >= 5000000 AND region = '519921'"));
        assertThat(outcomes.get(0).budgetShare(expected.multiply(BigDecimal.valueOf(2)))).isEqualByComparingTo("50.0");
    }

    @Test
    void eachThresholdSaysHowManyEnterprisesLieWithinTenPercentOfItLikeAHandCount() {
        long median = jdbc.sql("SELECT round(percentile_disc(0.5) WITHIN GROUP (ORDER BY revenue)) FROM enterprise WHERE revenue > 0")
                .query(Long.class).single(); // a threshold where enterprises are, whatever the generated city
        PolicySandbox.Outcome o = sandbox.run(List.of(new PolicySandbox.Variant("A",
                "e.revenue >= " + median + ".0 && e.insured_employees >= 10 && !e.dishonest", null, null))).get(0);
        assertThat(o.sensitivity()).hasSize(2);
        assertThat(o.sensitivity().get(0).clause()).startsWith("上年营业收入不低于 ").endsWith("元");
        assertThat(o.sensitivity().get(1).clause()).isEqualTo("参保职工人数不少于 10 人");
        String others = " AND insured_employees >= 10 AND NOT coalesce(dishonest, true)";
        assertThat(o.sensitivity().get(0).within10PercentBelow()).isEqualTo(count("SELECT count(*) FROM enterprise WHERE revenue >= "
                + median * 0.9 + " AND revenue < " + median + others));
        assertThat(o.sensitivity().get(0).within10PercentAbove()).isEqualTo(count("SELECT count(*) FROM enterprise WHERE revenue >= "
                + median + " AND revenue < " + median * 1.1 + others));
        assertThat(o.sensitivity().get(1).within10PercentBelow()).isEqualTo(count("SELECT count(*) FROM enterprise WHERE revenue >= "
                + median + " AND insured_employees >= 9 AND insured_employees < 10 AND NOT coalesce(dishonest, true)"));
        assertThat(o.sensitivity().get(0).within10PercentBelow()).isPositive();
        assertThat(o.sensitivity().get(0).within10PercentAbove()).isPositive();
    }

    @Test
    void thePageShowsBothVariantsAndExplainsABrokenRule() throws Exception {
        Cookie author = Sessions.login(mvc, "author");
        mvc.perform(post("/matching/sandbox").cookie(author).with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("conditionA", "e.employees >= 50").param("formulaA", "20000.0").param("budget", "1000000")
                        .param("conditionB", "e.employees >= 100"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("方案 B"), Matchers.containsString("占年度预算"),
                        Matchers.containsString(String.format("%,d", count("SELECT count(*) FROM enterprise WHERE employees >= 50"))),
                        Matchers.containsString("chart-region"))));
        mvc.perform(post("/matching/sandbox").cookie(author).with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("conditionA", "e.employees >= ").param("formulaA", ""))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("第 1 行")));
        mvc.perform(get("/matching/sandbox").cookie(Sessions.login(mvc, "enterprise"))).andExpect(status().isForbidden());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
