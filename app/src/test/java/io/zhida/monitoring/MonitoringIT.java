package io.zhida.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A monitoring point's supervisor reports a complaint; the evaluation office puts it on the ledger; only a point's supervisor reports. */
@ZhidaIntegrationTest
class MonitoringIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSupervisorsComplaintReachesTheLedgerAndThePointsActivityShows() throws Exception {
        Cookie evaluator = Sessions.login(mvc, "evaluator");
        mvc.perform(post("/monitoring/points").param("name", "示范市工商联").param("kind", "CHAMBER").param("supervisor", "reviewer")
                .cookie(evaluator).with(csrf())).andExpect(flash().attribute("error", Matchers.containsString("监督员应为企业用户或体验官账号")));
        Cookie officer = Sessions.login(mvc, "officer");
        mvc.perform(post("/monitoring/report").param("kind", "COMPLAINT").param("content", "还不是监督员").cookie(officer).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/monitoring/points").param("name", "示范市工商联").param("kind", "CHAMBER").param("supervisor", "officer")
                .param("contact", "0000-1234567").cookie(evaluator).with(csrf())).andExpect(flash().attribute("message", "已设立监测点"));
        mvc.perform(post("/monitoring/points").param("name", "另一个").param("kind", "ASSOCIATION").param("supervisor", "officer")
                .cookie(evaluator).with(csrf())).andExpect(flash().attribute("error", Matchers.containsString("已是其他监测点的监督员")));

        mvc.perform(post("/monitoring/report").param("kind", "COMPLAINT").param("content", "会员企业反映某窗口要求重复提交纸质材料").param("department", "C-JXJ")
                .cookie(officer).with(csrf())).andExpect(flash().attribute("message", Matchers.containsString("已报送")));
        long id = jdbc.sql("SELECT max(id) FROM monitoring_observation WHERE author = 'officer'").query(Long.class).single();
        mvc.perform(post("/monitoring/observations/" + id + "/handle").param("accept", "true").param("department", "C-JXJ")
                .cookie(Sessions.login(mvc, "inspector")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/monitoring/observations/" + id + "/handle").param("accept", "true").param("department", "C-JXJ")
                .cookie(evaluator).with(csrf())).andExpect(flash().attribute("message", "已转入整改台账"));
        mvc.perform(post("/monitoring/observations/" + id + "/handle").param("accept", "false").param("reply", "再处理一次")
                .cookie(evaluator).with(csrf())).andExpect(flash().attribute("error", "该监测意见已处理"));
        assertThat(jdbc.sql("SELECT p.category || ':' || p.unit_code FROM monitoring_observation o JOIN problem p ON p.id = o.problem_id WHERE o.id = ?")
                .param(id).query(String.class).single()).isEqualTo("MONITORING:C-JXJ");
        assertThat(mvc.perform(get("/monitoring").cookie(evaluator)).andReturn().getResponse().getContentAsString())
                .contains("示范市工商联").contains("会员企业反映");
    }
}
