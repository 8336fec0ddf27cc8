package io.zhida.backtoback;

import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Today;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A 背靠背 round on the demo library: the draw, answers by link, 码上评, 80/20 scoring, rankings and the ledger. */
@ZhidaIntegrationTest
class BackToBackIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BackToBack backToBack;

    @Test
    void aRoundIsDrawnInProportionAnsweredScoredRankedAndItsLastPlacesGoOnTheLedger() throws Exception {
        assertThat(backToBack.categories()).extracting(BackToBackRound.Category::active).containsExactly(1000L, 300L, 300L, 50L, 330L, 20L);
        LocalDate today = Today.date();
        Cookie evaluator = Sessions.login(mvc, "evaluator");
        mvc.perform(post("/evaluation/b2b/rounds").param("name", "测试轮次").param("size", "300").param("from", today.minusMonths(4).toString())
                .param("to", today.toString()).param("seed", "20261121").cookie(evaluator).with(csrf())).andExpect(status().is3xxRedirection());
        long round = jdbc.sql("SELECT id FROM b2b_round WHERE name = '测试轮次'").query(Long.class).single();

        Map<String, Integer> seats = backToBack.seats(round);
        assertThat(seats).containsEntry("ENTERPRISE", 150).containsEntry("DEPUTY", 50).containsEntry("SUPERVISOR", 7).containsEntry("MEDIA", 3);
        assertThat(jdbc.sql("SELECT category, count(*) FROM b2b_draw WHERE round_id = ? GROUP BY 1").param(round)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list()).allSatisfy(e -> assertThat(seats.get(e.getKey())).isEqualTo(e.getValue()));
        assertThat(backToBack.verify(round)).as("re-drawn from the recorded seed and candidates").isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM outbound_message o JOIN b2b_draw d ON o.text LIKE '%' || d.token || '%' "
                        + "WHERE o.message_id IS NULL AND d.round_id = ?").param(round).query(Long.class).single())
                .as("every drawn evaluator gets a link by SMS").isEqualTo(300);

        List<BackToBack.Target> targets = backToBack.targets();
        BackToBack.Target best = targets.stream().filter(t -> t.kind().equals("COUNTY")).findFirst().orElseThrow();
        BackToBack.Target second = targets.stream().filter(t -> t.kind().equals("COUNTY")).skip(1).findFirst().orElseThrow();
        List<String> tokens = jdbc.sql("SELECT token FROM b2b_draw WHERE round_id = ? ORDER BY sample_id LIMIT 3").param(round).query(String.class).list();
        int[] bestScores = {5, 4, 3};
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/portal/b2b/" + tokens.get(i)).param(best.key(), String.valueOf(bestScores[i])).param(second.key(), "3").with(csrf()))
                    .andExpect(flash().attributeExists("message"));
        }
        mvc.perform(post("/portal/b2b/" + tokens.get(0)).param(best.key(), "1").with(csrf())).andExpect(flash().attribute("error", "您已提交过本轮评价，感谢参与"));
        mvc.perform(post("/portal/b2b/" + tokens.get(1) + "x").param(best.key(), "1").with(csrf())).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/portal/b2b/" + tokens.get(0))).andReturn().getResponse().getContentAsString()).contains("您已提交本轮评价");

        // 码上评 for the best county: one rating per transaction, one per signed-in person per day
        String number = jdbc.sql("INSERT INTO application (number, uscc, enterprise_name, item_code, item_version, item_name, mode, departments, period, status) "
                + "SELECT 'B2B-TX-1', uscc, name, 'X', 1, 'x', 'COMMITMENT', '{}', '2026', 'PAID' FROM enterprise LIMIT 1 RETURNING number").query(String.class).single();
        String rateUrl = "/portal/rate/COUNTY/" + best.code();
        mvc.perform(post(rateUrl).param("stars", "5").param("transaction", number).with(csrf())).andExpect(flash().attributeExists("message"));
        mvc.perform(post(rateUrl).param("stars", "1").param("transaction", number).with(csrf())).andExpect(flash().attribute("error", "这笔办件已经评价过该单位（一事一评）"));
        mvc.perform(post(rateUrl).param("stars", "1").param("transaction", "NO-SUCH-1").with(csrf())).andExpect(flash().attribute("error", "办件编号不存在，请核对回执上的编号"));
        mvc.perform(post(rateUrl).param("stars", "1").with(csrf())).andExpect(flash().attributeExists("error")); // anonymous, no transaction
        Cookie enterprise = Sessions.login(mvc, "enterprise");
        mvc.perform(post(rateUrl).param("stars", "3").cookie(enterprise).with(csrf())).andExpect(flash().attributeExists("message"));
        mvc.perform(post(rateUrl).param("stars", "5").cookie(enterprise).with(csrf())).andExpect(flash().attribute("error", "您今天已经评价过该单位（每人每天一次）"));
        mvc.perform(get(rateUrl)).andExpect(status().isOk());
        mvc.perform(get("/portal/rate/COUNTY/000000")).andExpect(status().isNotFound());
        assertThat(mvc.perform(get(rateUrl + "/qr.svg")).andReturn().getResponse().getContentAsString()).startsWith("<svg");

        mvc.perform(post("/evaluation/b2b/rounds/" + round + "/score").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("error", "本轮回收率 1.0%，低于 30%：如仍要计分排名，请说明理由（不少于 5 个字）"));
        assertThat(backToBack.round(round).status()).as("nothing scored without the reason").isEqualTo("OPEN");
        mvc.perform(post("/evaluation/b2b/rounds/" + round + "/score").param("reason", "测试轮次，按已回收问卷计分").cookie(evaluator).with(csrf()))
                .andExpect(flash().attributeExists("message"));
        assertThat(backToBack.round(round).scoreReason()).isEqualTo("测试轮次，按已回收问卷计分");
        List<BackToBackRound.Result> results = backToBack.results(round);
        BackToBackRound.Result top = results.stream().filter(r -> r.code().equals(best.code())).findFirst().orElseThrow();
        // concentrated: (5 + 4 + 3) / 3 × 20 = 80; real time: (5 + 3) / 2 × 20 = 80; 0.8 × 80 + 0.2 × 80 = 80
        assertThat(top.concentrated()).isEqualByComparingTo("80.00");
        assertThat(top.realtime()).isEqualByComparingTo("80.00");
        assertThat(top.total()).isEqualByComparingTo("80.00");
        assertThat(top.rank()).isEqualTo(1);
        assertThat(top.points()).isEqualByComparingTo(new BigDecimal("0.2"));
        BackToBackRound.Result runnerUp = results.stream().filter(r -> r.code().equals(second.code())).findFirst().orElseThrow();
        assertThat(runnerUp.total()).isEqualByComparingTo("60.00"); // 3 × 20, no real-time ratings
        assertThat(runnerUp.consequence()).as("last of the units that were evaluated: rectifies").isEqualTo("RECTIFY");
        assertThat(runnerUp.points()).as("of two ranked counties it is in the top two (+0.2) and last (−0.2)").isEqualByComparingTo("0");
        List<BackToBackRound.Result> unrated = results.stream().filter(r -> r.kind().equals("COUNTY") && r.answers() == 0 && r.ratings() == 0).toList();
        assertThat(unrated).as("counties nobody evaluated: flagged, not ranked, no consequence").isNotEmpty().allSatisfy(r -> {
            assertThat(r.withoutData()).isTrue();
            assertThat(r.consequence()).isNull();
            assertThat(r.points()).isEqualByComparingTo("0");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM problem WHERE category = 'BACK_TO_BACK' AND source_ref LIKE ?").param("B2B-" + round + "-%")
                .query(Long.class).single()).isEqualTo(results.stream().filter(r -> r.consequence() != null).count());

        mvc.perform(post("/evaluation/b2b/rounds/" + round + "/score").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("error", "本轮已计分，结果不再变动"));
        String unanswered = jdbc.sql("SELECT token FROM b2b_draw WHERE round_id = ? AND answered_at IS NULL LIMIT 1").param(round).query(String.class).single();
        assertThatThrownBy(() -> backToBack.answer(unanswered, Map.of(best.key(), 5))).as("the round is closed").isInstanceOf(InvalidInputException.class);
        mvc.perform(get("/evaluation/b2b/history").cookie(evaluator)).andExpect(status().isOk());
        mvc.perform(get("/evaluation/b2b/rounds/" + round).cookie(evaluator)).andExpect(status().isOk());
        mvc.perform(get("/evaluation/b2b/rounds/" + round + "/export.xlsx").cookie(evaluator)).andExpect(status().isOk());
        mvc.perform(get("/evaluation/units").cookie(evaluator)).andExpect(status().isOk());
        mvc.perform(get("/evaluation/b2b").cookie(enterprise)).andExpect(status().isForbidden());
        mvc.perform(post("/evaluation/b2b/rounds").param("name", "x").param("size", "5000").param("from", "2026-01-01").param("to", "2026-02-01")
                .cookie(evaluator).with(csrf())).andExpect(flash().attributeExists("error"));
    }

    @Test
    void rulesAreValidatedAndOnlyTheOfficerChangesThem() throws Exception {
        Cookie evaluator = Sessions.login(mvc, "evaluator");
        mvc.perform(post("/evaluation/b2b/rules").param("concentratedWeight", "120").cookie(evaluator).with(csrf())).andExpect(flash().attributeExists("error"));
        mvc.perform(post("/evaluation/b2b/rules").param("bonusPoints", "abc").cookie(evaluator).with(csrf())).andExpect(flash().attributeExists("error"));
        assertThat(backToBack.rules().concentratedWeight()).isEqualTo(80);
        mvc.perform(post("/evaluation/b2b/rules").param("concentratedWeight", "80").cookie(Sessions.login(mvc, "leader")).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
