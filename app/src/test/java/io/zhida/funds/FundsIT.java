package io.zhida.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.engine.rule.Outcome;
import io.zhida.matching.MatchingService;
import io.zhida.support.ZhidaIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Pools never overspent, nothing granted twice, 就高不重复 and caps, and an idempotent 免申即享 run. */
@ZhidaIntegrationTest
class FundsIT {

    @Autowired
    Grants grants;
    @Autowired
    NoApplicationRuns runs;
    @Autowired
    MatchingService matching;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    JdbcClient jdbc;

    private List<String> enterprises(int n) {
        return jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc DESC LIMIT ?").param(n).query(String.class).list();
    }

    private GrantRequest request(String uscc, String item, String amount, String group, String cap, String budget) {
        return new GrantRequest(uscc, "企业" + uscc.substring(10), "519921", item, "测试事项 " + item, 2026, new BigDecimal(amount),
                new BigDecimal(amount), group, cap == null ? null : new BigDecimal(cap), new BigDecimal(budget), GrantRoute.APPLICATION, null, null, "reviewer", null);
    }

    /** Runs the tasks at the same moment and returns how many succeeded. */
    private int concurrently(List<Callable<Grant>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Grant>> futures = new ArrayList<>();
        for (Callable<Grant> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Grant> f : futures) {
            try {
                f.get();
                ok++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(GrantRefusedException.class);
            }
        }
        pool.shutdown();
        return ok;
    }

    @Test
    void twentyApprovalsAtOnceOnAPoolForTenNeverOverspend() throws Exception {
        List<Callable<Grant>> tasks = new ArrayList<>();
        for (String uscc : enterprises(20)) {
            tasks.add(() -> grants.grant(request(uscc, "T-POOL-1", "5000.00", null, null, "50000")));
        }
        assertThat(concurrently(tasks)).isEqualTo(10);
        assertThat(jdbc.sql("SELECT reserved FROM fund_pool WHERE item_code = 'T-POOL-1'").query(BigDecimal.class).single()).isEqualByComparingTo("50000");
        assertThat(jdbc.sql("SELECT sum(amount) FROM fund_grant WHERE item_code = 'T-POOL-1'").query(BigDecimal.class).single()).isEqualByComparingTo("50000");
    }

    @Test
    void oneEnterpriseAskingEightTimesAtOnceIsGrantedOnce() throws Exception {
        String uscc = enterprises(1).get(0);
        List<Callable<Grant>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> grants.grant(request(uscc, "T-POOL-2", "3000", null, null, "1000000")));
        }
        assertThat(concurrently(tasks)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM fund_grant WHERE item_code = 'T-POOL-2'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT reserved FROM fund_pool WHERE item_code = 'T-POOL-2'").query(BigDecimal.class).single()).isEqualByComparingTo("3000");
    }

    @Test
    void theHigherOfAnExclusionGroupIsPaidOnceAndTheAnnualCapCutsTheAmount() {
        String uscc = enterprises(30).get(25);
        grants.grant(request(uscc, "T-GRP-A", "3000", "测试就高组", null, "1000000"));
        Grant topUp = grants.grant(request(uscc, "T-GRP-B", "5000", "测试就高组", null, "1000000"));
        assertThat(topUp.amount()).isEqualByComparingTo("2000");
        assertThat(topUp.basis()).contains("就高不重复").contains("测试事项 T-GRP-A");
        assertThatThrownBy(() -> grants.grant(request(uscc, "T-GRP-C", "4000", "测试就高组", null, "1000000")))
                .isInstanceOf(GrantRefusedException.class).hasMessageContaining("就高不重复");
        assertThat(jdbc.sql("SELECT count(*) FROM fund_grant WHERE item_code = 'T-GRP-C'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM fund_pool WHERE item_code = 'T-GRP-C' AND reserved > 0").query(Long.class).single()).isZero();

        Grant capped = grants.grant(request(uscc, "T-CAP", "5000", null, "4000", "1000000"));
        assertThat(capped.amount()).isEqualByComparingTo("4000");
        assertThat(capped.basis()).contains("每户年度上限");
    }

    @Test
    void aNoApplicationRunGrantsTheEligibleOnceAndReportsTheRest() {
        exchange.importYaml("""
                documents: []
                items:
                  - code: T-NOAPP-1
                    name: 测试免申即享奖励
                    departments: [C-JXJ]
                    mode: 免申即享
                    condition: e.region == "519921" && e.employees >= 100 // 青山县从业人员百人以上
                    benefit_type: 资金奖励
                    amount: "double(e.employees) * 10.0"
                    cap: 5000
                    annual_budget: 100000000
                """, true);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> matching.countForItem("T-NOAPP-1", Outcome.ELIGIBLE, null) > 0);
        long eligible = matching.countForItem("T-NOAPP-1", Outcome.ELIGIBLE, null);
        long undetermined = matching.countForItem("T-NOAPP-1", Outcome.UNDETERMINED, null);

        NoApplicationRun first = runs.run("T-NOAPP-1", "MANUAL");
        assertThat(first.granted()).isEqualTo(eligible);
        assertThat(first.undetermined()).isEqualTo(undetermined);
        BigDecimal expected = jdbc.sql("SELECT COALESCE(sum(LEAST(employees * 10.0, 5000)), 0) FROM enterprise WHERE region = '519921' AND employees >= 100")
                .query(BigDecimal.class).single();
        assertThat(first.totalAmount()).isEqualByComparingTo(expected);
        assertThat(jdbc.sql("SELECT count(*) FROM inbox_message WHERE title LIKE '免申即享：您已获得「测试免申即享奖励」%'").query(Long.class).single())
                .isEqualTo(eligible);

        NoApplicationRun second = runs.run("T-NOAPP-1", "MANUAL");
        assertThat(second.granted()).isZero();
        assertThat(second.skipped()).isEqualTo(eligible);
        assertThat(runs.lines(second.id(), "SKIPPED")).allMatch(l -> l.reason().contains("已享受"));
        assertThat(jdbc.sql("SELECT count(*) FROM fund_grant WHERE item_code = 'T-NOAPP-1'").query(Long.class).single()).isEqualTo(eligible);
        assertThat(jdbc.sql("SELECT reserved FROM fund_pool WHERE item_code = 'T-NOAPP-1' AND year = 2026").query(BigDecimal.class).single())
                .isEqualByComparingTo(expected);
    }
}
