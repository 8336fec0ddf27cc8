package io.zhida.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.engine.rule.Outcome;
import io.zhida.matching.MatchingService;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Nodes;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 免申即享 runs cannot be fired blind or twice: a preview shows who would be granted, in which order and who a
 * short pool leaves out; a named finance officer confirms it; an item never has two runs queued or running;
 * a run left behind by a dead node is finished without granting anyone twice.
 */
@ZhidaIntegrationTest
class RunAttackIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    MatchingService matching;
    @Autowired
    NoApplicationRuns runs;
    @Autowired
    Nodes nodes;

    @BeforeEach
    void item() {
        if (jdbc.sql("SELECT count(*) FROM policy_item WHERE code = 'T-RUN-1'").query(Long.class).single() == 0) {
            exchange.importYaml("""
                    documents: []
                    items:
                      - code: T-RUN-1
                        name: 测试预览免申即享奖励
                        departments: [C-JXJ]
                        mode: 免申即享
                        condition: e.region == "519921" && e.employees >= 50 // 青山县从业人员50人以上
                        benefit_type: 资金奖励
                        amount: "double(e.employees) * 10.0"
                        cap: 5000
                        annual_budget: 6000
                      - code: T-RUN-2
                        name: 测试断点续跑免申即享奖励
                        departments: [C-JXJ]
                        mode: 免申即享
                        condition: e.region == "519922" && e.employees >= 100 // 区从业人员百人以上
                        benefit_type: 资金奖励
                        amount: "1000"
                        annual_budget: 100000000
                    """, true);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> matching.countForItem("T-RUN-1", Outcome.ELIGIBLE, null) > 2
                    && matching.countForItem("T-RUN-2", Outcome.ELIGIBLE, null) > 2);
        }
    }

    @Test
    void aPreviewShowsWhoAShortPoolLeavesOutAndOnlyANamedOfficersConfirmationGrants() throws Exception {
        Cookie finance = Sessions.login(mvc, "finance");
        mvc.perform(post("/funds/runs").param("item", "T-RUN-1").cookie(Sessions.login(mvc, "leader")).with(csrf()))
                .andExpect(status().isForbidden());
        long id = preview(finance);
        assertThat(preview(finance)).as("a second click returns the open preview").isEqualTo(id);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "PREVIEW".equals(runStatus(id)));
        assertThat(grants()).as("a preview grants nothing").isZero();

        List<BigDecimal> amounts = jdbc.sql("SELECT amount FROM no_application_plan_line WHERE run_id = ? ORDER BY seq").param(id)
                .query(BigDecimal.class).list();
        assertThat(amounts).isSortedAccordingTo(BigDecimal::compareTo);
        BigDecimal covered = jdbc.sql("SELECT COALESCE(sum(amount), 0) FROM no_application_plan_line WHERE run_id = ? AND covered").param(id)
                .query(BigDecimal.class).single();
        assertThat(covered).isLessThanOrEqualTo(new BigDecimal("6000"));
        var run = runs.get(id);
        assertThat(run.leftOut()).as("the pool of 6,000 cannot carry everyone").isPositive();
        assertThat(run.shortfall()).isPositive();
        assertThat(mvc.perform(get("/funds/runs/" + id).cookie(finance)).andReturn().getResponse().getContentAsString())
                .contains("资金缺口").contains("确认发放").contains("暂不能发放");

        mvc.perform(post("/funds/runs/" + id + "/confirm").cookie(Sessions.login(mvc, "reviewer")).with(csrf())).andExpect(status().isForbidden());
        // four confirmations of one session at the same moment (a double click, two tabs): one run, no error page
        java.util.concurrent.ExecutorService clicks = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(clicks.submit(() -> mvc.perform(post("/funds/runs/" + id + "/confirm").cookie(finance).with(csrf()))
                        .andReturn().getResponse().getStatus()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(302);
            }
        } finally {
            clicks.shutdownNow();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(runStatus(id)));
        long coveredCount = jdbc.sql("SELECT count(*) FROM no_application_plan_line WHERE run_id = ? AND covered").param(id).query(Long.class).single();
        assertThat(grants()).isEqualTo(coveredCount);
        assertThat(jdbc.sql("SELECT DISTINCT created_by FROM fund_grant WHERE item_code = 'T-RUN-1'").query(String.class).list())
                .containsExactly("finance");
        assertThat(jdbc.sql("SELECT reserved FROM fund_pool WHERE item_code = 'T-RUN-1'").query(BigDecimal.class).single())
                .isLessThanOrEqualTo(new BigDecimal("6000"));
        assertThat(runs.lines(id, "SKIPPED")).anyMatch(l -> l.reason().contains("资金池余额不足"));
        assertThat(runs.get(id).confirmedBy()).isEqualTo("finance");
    }

    @Test
    void anItemNeverHasTwoRunsQueuedOrRunning() throws Exception {
        long busy = jdbc.sql("""
                INSERT INTO no_application_run (item_code, item_name, trigger, actor, status, node_id)
                VALUES ('T-RUN-2', '测试', 'SCHEDULED', 'system', 'RUNNING', ?) RETURNING id""").param(nodes.current()).query(Long.class).single();
        try {
            assertThatThrownBy(() -> runs.run("T-RUN-2", "SCHEDULED")).isInstanceOf(InvalidInputException.class).hasMessageContaining("在排队或进行中");
            Cookie finance = Sessions.login(mvc, "finance");
            long id = Long.parseLong(mvc.perform(post("/funds/runs").param("item", "T-RUN-2").cookie(finance).with(csrf()))
                    .andReturn().getResponse().getRedirectedUrl().replaceAll("\\D", ""));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "PREVIEW".equals(runStatus(id)));
            mvc.perform(post("/funds/runs/" + id + "/confirm").cookie(finance).with(csrf())).andExpect(status().is3xxRedirection());
            assertThat(runStatus(id)).isEqualTo("PREVIEW");
            mvc.perform(post("/funds/runs/" + id + "/discard").cookie(finance).with(csrf())).andExpect(status().is3xxRedirection());
            assertThat(runStatus(id)).isEqualTo("DISCARDED");
            assertThat(jdbc.sql("SELECT count(*) FROM fund_grant WHERE item_code = 'T-RUN-2'").query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("UPDATE no_application_run SET status = 'DONE', finished_at = now() WHERE id = ?").param(busy).update();
        }
    }

    @Test
    void aRunLeftBehindByADeadNodeIsFinishedWithoutGrantingTwice() {
        long eligible = matching.countForItem("T-RUN-2", Outcome.ELIGIBLE, null);
        // a run confirmed on node 42 (not alive), which granted the first enterprise before it died
        long id = jdbc.sql("""
                INSERT INTO no_application_run (item_code, item_name, trigger, actor, status, node_id, confirmed_by, confirmed_at)
                VALUES ('T-RUN-2', '测试断点续跑免申即享奖励', 'MANUAL', 'finance', 'RUNNING', 42, 'finance', now()) RETURNING id""")
                .query(Long.class).single();
        List<String> usccs = matching.forItem("T-RUN-2", Outcome.ELIGIBLE, null, 0, 10_000).stream().map(m -> m.uscc()).sorted().toList();
        for (int i = 0; i < usccs.size(); i++) {
            jdbc.sql("INSERT INTO no_application_plan_line (run_id, seq, uscc, enterprise_name, amount, covered) VALUES (?, ?, ?, '企业', 1000, TRUE)")
                    .params(id, i + 1, usccs.get(i)).update();
        }
        jdbc.sql("INSERT INTO no_application_run_line (run_id, uscc, enterprise_name, outcome, amount, reason) VALUES (?, ?, '企业', 'GRANTED', 1000, NULL)")
                .params(id, usccs.get(0)).update();
        runs.resumeOrphans();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(runStatus(id)));
        assertThat(jdbc.sql("SELECT count(*) FROM no_application_run_line WHERE run_id = ?").param(id).query(Long.class).single()).isEqualTo(eligible);
        assertThat(jdbc.sql("SELECT count(*) FROM fund_grant WHERE item_code = 'T-RUN-2' AND uscc = ?").param(usccs.get(0)).query(Long.class).single())
                .as("the line done before the crash is not redone").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM fund_grant WHERE item_code = 'T-RUN-2'").query(Long.class).single()).isEqualTo(eligible - 1);
        assertThat(jdbc.sql("SELECT DISTINCT created_by FROM fund_grant WHERE item_code = 'T-RUN-2'").query(String.class).list())
                .containsExactly("finance");
    }

    private long preview(Cookie finance) throws Exception {
        String location = mvc.perform(post("/funds/runs").param("item", "T-RUN-1").cookie(finance).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/funds/runs/\\d+");
        return Long.parseLong(location.substring("/funds/runs/".length()));
    }

    private String runStatus(long id) {
        return jdbc.sql("SELECT status FROM no_application_run WHERE id = ?").param(id).query(String.class).single();
    }

    private long grants() {
        return jdbc.sql("SELECT count(*) FROM fund_grant WHERE item_code = 'T-RUN-1'").query(Long.class).single();
    }
}
