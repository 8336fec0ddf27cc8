package io.zhida.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.engine.rule.Outcome;
import io.zhida.platform.Today;
import io.zhida.support.ZhidaIntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly re-match follows the calendar: an item whose validity starts tomorrow is matched on its first
 * day, an expired item's pairs are gone, a condition on today's date changes its answer as days pass.
 */
@ZhidaIntegrationTest
class RematchIT {

    @Autowired
    MatchingService matching;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToToday() {
        Today.reset();
        matching.rematch("ON_DEMAND"); // the stored results as of today again, for the tests that follow
    }

    @Test
    void tomorrowsItemIsMatchedTheExpiredOneGoesAndTodaysConditionMoves() {
        LocalDate today = Today.date();
        LocalDate tomorrow = today.plusDays(1);
        importYaml("""
                documents: []
                items:
                  - code: T-NIGHT-START
                    name: 明天起施行的补贴
                    departments: [C-JXJ]
                    mode: 免申即享
                    condition: e.employees >= 1 // 有从业人员
                    benefit_type: 资金奖励
                    amount: "100"
                    valid_from: %s
                  - code: T-NIGHT-END
                    name: 今天到期的补贴
                    departments: [C-JXJ]
                    mode: 免申即享
                    condition: e.employees >= 1 // 有从业人员
                    benefit_type: 资金奖励
                    amount: "100"
                    valid_to: %s
                  - code: T-NIGHT-TODAY
                    name: 明天才满足日期条件的补贴
                    departments: [C-JXJ]
                    mode: 免申即享
                    condition: today >= "%s" && e.employees >= 1 // 施行之日起
                    benefit_type: 资金奖励
                    amount: "100"
                """.formatted(tomorrow, today, tomorrow));
        assertThat(eligible("T-NIGHT-START")).as("not valid yet: not matched").isZero();
        long ending = eligible("T-NIGHT-END");
        assertThat(ending).isPositive();
        assertThat(eligible("T-NIGHT-TODAY")).isZero();

        Today.useClock(Clock.fixed(tomorrow.atTime(0, 30).toInstant(ZoneOffset.ofHours(8)), Today.ZONE));
        long runs = jdbc.sql("SELECT count(*) FROM match_run WHERE kind = 'NIGHTLY'").query(Long.class).single();
        matching.nightly();
        assertThat(jdbc.sql("SELECT count(*) FROM match_run WHERE kind = 'NIGHTLY'").query(Long.class).single()).isEqualTo(runs + 1);

        assertThat(eligible("T-NIGHT-START")).as("its first day: matched").isEqualTo(ending);
        assertThat(eligible("T-NIGHT-END")).as("expired: gone").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM match_set WHERE item_code = 'T-NIGHT-END'").query(Long.class).single()).isZero();
        assertThat(eligible("T-NIGHT-TODAY")).as("today's date now meets the condition").isEqualTo(ending);
        String someone = matching.forItem("T-NIGHT-START", Outcome.ELIGIBLE, null, 0, 1).get(0).uscc();
        assertThat(matching.forEnterprise(someone)).anyMatch(m -> m.itemCode().equals("T-NIGHT-START"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM announced_pair WHERE item_code = 'T-NIGHT-START'").query(Long.class).single() == ending); // announced
    }

    private void importYaml(String yaml) {
        try {
            exchange.importYaml(yaml, true);
        } catch (io.zhida.catalog.ImportRejectedException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }

    private long eligible(String item) {
        return matching.countForItem(item, Outcome.ELIGIBLE, null);
    }
}
