package io.zhida.backtoback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Today;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.ModuleTest;
import io.zhida.support.Sessions;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** 背靠背 on its own: its rules and a round are checked before anything is written. */
@ModuleTest
class BackToBackModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "backtoback");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    BackToBack backToBack;

    ModuleFixtures fixtures;

    @BeforeEach
    void city() {
        fixtures = new ModuleFixtures(context).city();
    }

    @Test
    void backToBackRulesAndARoundAreCheckedBeforeAnythingIsWritten() throws Exception {
        assertThat(ModuleFixtures.modulesIn(context)).contains("backtoback").doesNotContain("evaluation", "rates", "demo", "cockpit", "portal");
        fixtures.user("eval-officer-4", Role.EVALUATOR, null, null, null);
        fixtures.user("eval-leader-4", Role.LEADER, null, null, null);
        Cookie officer = login("eval-officer-4");
        Map<String, String> rules = backToBack.ruleValues();
        assertThat(backToBack.rules().concentratedWeight()).isEqualTo(80);

        mvc.perform(post("/evaluation/b2b/rules").param("concentratedWeight", "120").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", containsString("应为整数（0–100）")));
        mvc.perform(post("/evaluation/b2b/rules").param("bonusPoints", "abc").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", containsString("分值应为逗号分隔的数字")));
        mvc.perform(post("/evaluation/b2b/rules").param("lastCounties", "1").param("topCounties", "99").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", containsString("应为整数（0–50）")));
        assertThat(backToBack.ruleValues()).as("a refused change writes none of its values").isEqualTo(rules);
        mvc.perform(post("/evaluation/b2b/rules").param("concentratedWeight", "70").cookie(login("eval-leader-4")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(backToBack.rules().concentratedWeight()).isEqualTo(80);
        mvc.perform(post("/evaluation/b2b/rules").param("concentratedWeight", "70").param("penaltyPoints", "0.3,0.6").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("message", "结果运用规则已保存，下一次计分起生效"));
        assertThat(backToBack.rules().concentratedWeight()).isEqualTo(70);
        assertThat(backToBack.rules().penalty()).containsExactly(new BigDecimal("0.3"), new BigDecimal("0.6"));

        // a round needs people in the sample library: none yet, so nothing is drawn and no round is recorded
        LocalDate today = Today.date();
        mvc.perform(post("/evaluation/b2b/rounds").param("name", "模块测试轮次").param("size", "2").param("from", today.minusMonths(1).toString())
                .param("to", today.toString()).param("seed", "42").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", "抽取人数 2 超过样本库在库人数 0"));
        assertThat(backToBack.rounds()).isEmpty();
        assertThatThrownBy(() -> backToBack.refresh("SUPERVISOR", List.of(List.of("甲", "测试监督员", "123", ModuleFixtures.COUNTY)), "eval-officer-4"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(backToBack.categories()).filteredOn(x -> x.code().equals("SUPERVISOR")).extracting(BackToBackRound.Category::active)
                .containsExactly(0L);
        assertThat(backToBack.refresh("SUPERVISOR", List.of(List.of("王一", "测试监督员", "13900000001", ModuleFixtures.COUNTY),
                List.of("李二", "测试监督员", "13900000002", ModuleFixtures.OTHER_COUNTY),
                List.of("张三", "测试监督员", "13900000003", "")), "eval-officer-4")).isEqualTo(3);
        mvc.perform(post("/evaluation/b2b/rounds").param("name", "模块测试轮次").param("size", "2").param("from", today.minusMonths(1).toString())
                .param("to", today.toString()).param("seed", "42").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("message", "已抽取 2 名评价人并发送评价链接"));
        BackToBackRound round = backToBack.rounds().get(0);
        assertThat(round.drawn()).isEqualTo(2);
        assertThat(backToBack.seats(round.id())).containsEntry("SUPERVISOR", 2);
        assertThat(backToBack.verify(round.id())).as("re-drawn from the recorded seed and candidates").isTrue();
        // nobody answered: scoring without a stated reason is refused and the round stays open
        mvc.perform(post("/evaluation/b2b/rounds/" + round.id() + "/score").cookie(officer).with(csrf()))
                .andExpect(flash().attribute("error", "本轮回收率 0.0%，低于 30%：如仍要计分排名，请说明理由（不少于 5 个字）"));
        assertThat(backToBack.round(round.id()).status()).isEqualTo("OPEN");
        assertThat(backToBack.results(round.id())).isEmpty();
    }

    private Cookie login(String username) throws Exception {
        return Sessions.login(mvc, username, ModuleFixtures.PASSWORD);
    }

    private ZhidaUser principal(String username) {
        return (ZhidaUser) context.getBean(UserDetailsService.class).loadUserByUsername(username);
    }
}
