package io.zhida.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 回访中心: the day's sample keeps each county's quota (set or default), draws a transaction once ever, and the next day takes
 * what is left; an unresolved, dissatisfied answer opens a problem on the county's ledger and counts in the satisfaction rate.
 */
@ZhidaIntegrationTest
class CallbackIT {

    /** Far from anything else the shared demo city holds, so the window holds only this test's visits. */
    private static final LocalDate DAY = LocalDate.of(2099, 1, 10);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CallbackCentre centre;

    @Test
    void theSampleKeepsEachCountysQuotaAndADissatisfiedAnswerOpensAProblem() throws Exception {
        List<String> counties = jdbc.sql("SELECT code FROM region WHERE level = 'COUNTY' ORDER BY code LIMIT 2").query(String.class).list();
        String small = counties.get(0);
        String large = counties.get(1);
        visits(small, 4);
        visits(large, 8);
        Cookie evaluator = Sessions.login(mvc, "evaluator");
        mvc.perform(post("/callbacks/quotas").param("region", small).param("daily", "2").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("message", "已保存每日回访量"));
        mvc.perform(post("/callbacks/quotas").param("region", "999999").param("daily", "2").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("error", "请选择县（区）"));
        mvc.perform(post("/callbacks/quotas").param("region", small).param("daily", "2").cookie(Sessions.login(mvc, "clerk")).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(centre.draw(DAY)).isEqualTo(2 + 5);
        assertThat(drawn(DAY, small)).isEqualTo(2);
        assertThat(drawn(DAY, large)).isEqualTo(5);
        assertThat(centre.draw(DAY)).as("the day's quota is full").isZero();
        assertThat(centre.draw(DAY.plusDays(1))).as("the next day takes what is left, never one twice").isEqualTo(2 + 3);
        assertThat(jdbc.sql("SELECT count(*) FROM callback_sample WHERE day >= ? AND source = 'CONTACT'").param(DAY).query(Long.class).single())
                .isEqualTo(12);

        long id = jdbc.sql("SELECT min(id) FROM callback_sample WHERE day = ? AND region = ?").params(DAY, small).query(Long.class).single();
        String bearer = "Bearer " + Sessions.token(mvc, "evaluator");
        long[] before = satisfaction(bearer, small);
        assertThat(mvc.perform(get("/callbacks").param("day", DAY.toString()).cookie(evaluator)).andReturn().getResponse().getContentAsString())
                .contains("帮包联系人到您单位走访");
        mvc.perform(post("/callbacks/" + id + "/answer").param("status", "REACHED").param("resolved", "false").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("满意程度")));
        mvc.perform(post("/callbacks/" + id + "/answer").param("status", "REACHED").param("resolved", "false").param("stars", "2")
                .cookie(evaluator).with(csrf())).andExpect(flash().attribute("error", Matchers.containsString("记录企业反映的问题")));
        mvc.perform(post("/callbacks/" + id + "/answer").param("status", "REACHED").param("resolved", "false").param("stars", "2")
                        .param("note", "联系人只来过一次，反映的用地问题没有下文").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("message", "已记录回访"));
        mvc.perform(post("/callbacks/" + id + "/answer").param("status", "UNREACHED").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("error", "该回访已记录"));
        assertThat(jdbc.sql("SELECT p.category || ':' || p.unit_kind || ':' || p.unit_code FROM callback_sample s JOIN problem p ON p.id = s.problem_id "
                + "WHERE s.id = ?").param(id).query(String.class).single()).isEqualTo("CALLBACK:COUNTY:" + small);
        assertThat(jdbc.sql("SELECT stars FROM callback_answer_facts WHERE id = ?").param(id).query(Integer.class).single()).isEqualTo(2);
        long[] after = satisfaction(bearer, small);
        assertThat(after[1]).as("the reached call-back counts in the county's satisfaction rate").isEqualTo(before[1] + 1);
        assertThat(after[0]).as("a 2-star answer is not satisfied").isEqualTo(before[0]);
    }

    /** {numerator, denominator} of today's satisfaction rate of the county, as the rates API gives it. */
    private long[] satisfaction(String bearer, String region) throws Exception {
        String today = io.zhida.platform.Today.date().toString();
        String body = mvc.perform(get("/api/v1/evaluation/rates").param("from", today).param("to", today).param("groupBy", "region")
                .header("Authorization", bearer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> n = com.jayway.jsonpath.JsonPath.read(body, "$[?(@.key == '" + region + "')].satisfaction.numerator");
        List<Number> d = com.jayway.jsonpath.JsonPath.read(body, "$[?(@.key == '" + region + "')].satisfaction.denominator");
        return n.isEmpty() ? new long[] {0, 0} : new long[] {n.get(0).longValue(), d.get(0).longValue()};
    }

    private void visits(String region, int count) {
        jdbc.sql("""
                INSERT INTO liaison_contact (uscc, official, kind, note, at)
                SELECT uscc, 'county', 'VISIT', '回访测试走访', TIMESTAMPTZ '2099-01-09 10:00+08' FROM enterprise WHERE region = ? ORDER BY uscc LIMIT ?""")
                .params(region, count).update();
    }

    private long drawn(LocalDate day, String region) {
        return jdbc.sql("SELECT count(*) FROM callback_sample WHERE day = ? AND region = ?").params(day, region).query(Long.class).single();
    }
}
