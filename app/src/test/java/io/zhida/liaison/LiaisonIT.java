package io.zhida.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 三级帮包: tiers drawn by rules over the enterprise data; an enterprise's demand to its official closed within its limit and
 * rated; another left unanswered is escalated once onto the ledger of the official's unit; nobody else answers it.
 */
@ZhidaIntegrationTest
class LiaisonIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Demands demands;
    @Autowired
    Clock clock;

    @Test
    void tiersAreDrawnByRulesAndADemandIsClosedInTimeWhileAnotherIsEscalated() throws Exception {
        Cookie evaluator = Sessions.login(mvc, "evaluator");
        mvc.perform(post("/liaison/tiers/CITY").param("condition", "e.revnue > 1").param("rankBy", "revenue").param("topN", "5")
                .cookie(evaluator).with(csrf())).andExpect(flash().attribute("error", Matchers.containsString("revnue")));
        mvc.perform(post("/liaison/tiers/CITY").param("condition", "e.revenue >= 1.0").param("rankBy", "revenue").param("topN", "5")
                .cookie(evaluator).with(csrf())).andExpect(flash().attribute("message", "规则已保存，帮包名单已重新划分"));
        assertThat(jdbc.sql("SELECT count(*) FROM liaison_member WHERE tier = 'CITY'").query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM liaison_member").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM enterprise WHERE employees >= 0 OR revenue >= 1").query(Long.class).single());
        double smallestCity = jdbc.sql("SELECT min(e.revenue) FROM liaison_member m JOIN enterprise e ON e.uscc = m.uscc WHERE m.tier = 'CITY'")
                .query(Double.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM liaison_member m JOIN enterprise e ON e.uscc = m.uscc WHERE m.tier <> 'CITY' AND e.revenue > ?")
                .param(smallestCity).query(Long.class).single()).as("the largest five by revenue").isZero();

        // in turn, a county's official gets only enterprises of that county; a city-level one any
        mvc.perform(post("/liaison/tiers/TOWN/assign").param("officials", "county, reviewer").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("message", Matchers.containsString("已分配")));
        String countyOfCounty = jdbc.sql("SELECT d.region_code FROM app_user u JOIN department d ON d.id = u.department_id WHERE u.username = 'county'")
                .query(String.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM liaison_member m JOIN enterprise e ON e.uscc = m.uscc WHERE m.official = 'county' AND e.region <> ?")
                .param(countyOfCounty).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM liaison_member WHERE tier = 'TOWN' AND official IS NULL").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM liaison_member WHERE official = 'county'").query(Long.class).single()).isPositive();
        String uscc = jdbc.sql("SELECT enterprise_uscc FROM app_user WHERE username = 'enterprise'").query(String.class).single();
        mvc.perform(post("/liaison/members/" + uscc + "/assign").param("official", "enterprise").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("工作人员账号")));
        mvc.perform(post("/liaison/members/" + uscc + "/assign").param("official", "county").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("message", "已安排帮包联系人"));

        Cookie enterprise = Sessions.login(mvc, "enterprise");
        assertThat(mvc.perform(get("/my/liaison").cookie(enterprise)).andReturn().getResponse().getContentAsString()).contains("吴磊");
        mvc.perform(post("/my/liaison/demands").param("content", "厂区道路施工影响货车进出，请协调").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("message", Matchers.containsString("一个工作日内响应")));
        mvc.perform(post("/my/liaison/demands").param("content", "希望协调办理用电增容").cookie(enterprise).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long inTime = jdbc.sql("SELECT min(id) FROM liaison_demand WHERE uscc = ? AND status = 'RAISED'").param(uscc).query(Long.class).single();
        long late = jdbc.sql("SELECT max(id) FROM liaison_demand WHERE uscc = ? AND status = 'RAISED'").param(uscc).query(Long.class).single();

        Cookie county = Sessions.login(mvc, "county");
        mvc.perform(post("/liaison/demands/" + inTime + "/respond").param("plan", "协调交通部门").param("workingDays", "3")
                .cookie(Sessions.login(mvc, "reviewer")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/liaison/demands/" + inTime + "/respond").param("plan", "协调交通部门").param("workingDays", "30").cookie(county).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("1–15 个工作日")));
        mvc.perform(post("/liaison/demands/" + inTime + "/respond").param("plan", "协调交通部门调整施工时段").param("workingDays", "3")
                .cookie(county).with(csrf())).andExpect(flash().attribute("message", "已响应"));
        mvc.perform(post("/liaison/demands/" + inTime + "/finish").param("result", "已调整为夜间施工，白天保障货车通行").cookie(county).with(csrf()))
                .andExpect(flash().attribute("message", "已办结，待企业评价"));
        mvc.perform(post("/my/liaison/demands/" + inTime + "/rate").param("stars", "5").param("comment", "响应很快").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("message", "感谢您的评价"));
        mvc.perform(post("/my/liaison/demands/" + inTime + "/rate").param("stars", "4").cookie(enterprise).with(csrf()))
                .andExpect(flash().attribute("error", "已评价"));

        assertThat(demands.escalate(clock.instant())).as("nothing is late yet").isZero();
        int escalated = demands.escalate(clock.instant().plus(Duration.ofDays(5)));
        assertThat(escalated).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT escalated_at IS NOT NULL FROM liaison_demand WHERE id = ?").param(inTime).query(Boolean.class).single()).isFalse();
        long problem = jdbc.sql("SELECT problem_id FROM liaison_demand WHERE id = ?").param(late).query(Long.class).single();
        assertThat(jdbc.sql("SELECT category || ':' || unit_code FROM problem WHERE id = ?").param(problem).query(String.class).single())
                .isEqualTo("OVERDUE:519921-JXJ");
        assertThat(demands.escalate(clock.instant().plus(Duration.ofDays(6)))).as("escalated once").isZero();
        assertThat(mvc.perform(get("/liaison").param("escalated", "true").cookie(evaluator)).andReturn().getResponse().getContentAsString())
                .contains("希望协调办理用电增容");
    }
}
