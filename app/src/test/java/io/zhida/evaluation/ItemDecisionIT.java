package io.zhida.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.funds.FundPools;
import io.zhida.funds.GrantRefusedException;
import io.zhida.funds.GrantRequest;
import io.zhida.funds.GrantRoute;
import io.zhida.funds.Grants;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Evaluation that decides: a stop closes the item's pool to new reservations, an adjustment sends it back to authoring. */
@ZhidaIntegrationTest
class ItemDecisionIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    Grants grants;
    @Autowired
    FundPools pools;
    @Autowired
    PolicyCatalog catalog;

    @Test
    void aStopRefusesTheNextReservationAndAnAdjustmentReopensAuthoring() throws Exception {
        exchange.importYaml("""
                documents: []
                items:
                  - code: ZX-DEC-1
                    name: 评估停止测试补助
                    departments: [C-JXJ]
                    mode: 综合评审
                    condition: e.revenue >= 0.0
                    benefit_type: 资金补贴
                    amount: "10000"
                    annual_budget: 1000000
                  - code: ZX-DEC-2
                    name: 评估调整测试补助
                    departments: [C-JXJ]
                    mode: 综合评审
                    condition: e.revenue >= 0.0
                    benefit_type: 资金补贴
                    amount: "10000"
                """, true);
        int year = LocalDate.now().getYear();
        grants.grant(request("91519900MA00000001", year));
        assertThat(pools.find("ZX-DEC-1", year).orElseThrow().reserved()).isEqualByComparingTo("10000");

        Cookie evaluator = Sessions.login(mvc, "evaluator");
        mvc.perform(get("/evaluation/decisions").param("item", "ZX-DEC-1").cookie(evaluator))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("评估依据"), Matchers.containsString("已核定未拨付 10000"))));
        mvc.perform(post("/evaluation/decisions").cookie(evaluator).with(csrf()).param("item", "ZX-DEC-1").param("stage", "MID")
                        .param("decision", "PAUSE").param("reason", "x"))
                .andExpect(flash().attribute("error", Matchers.containsString("评估结论应为")));
        mvc.perform(post("/evaluation/decisions").cookie(evaluator).with(csrf()).param("item", "ZX-DEC-1").param("stage", "MID")
                        .param("decision", "STOP").param("reason", " "))
                .andExpect(flash().attribute("error", Matchers.containsString("结论理由")));
        mvc.perform(post("/evaluation/decisions").cookie(Sessions.login(mvc, "leader")).with(csrf()).param("item", "ZX-DEC-1")
                        .param("stage", "MID").param("decision", "STOP").param("reason", "无效"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/evaluation/decisions").cookie(evaluator).with(csrf()).param("item", "ZX-DEC-1").param("stage", "AFTER")
                        .param("decision", "STOP").param("reason", "兑现率低、企业反映门槛与实际脱节，停止执行"))
                .andExpect(redirectedUrl("/evaluation/decisions"))
                .andExpect(flash().attribute("message", Matchers.containsString("资金池已停止新增预留")));

        assertThatThrownBy(() -> grants.grant(request("91519900MA00000002", year)))
                .isInstanceOf(GrantRefusedException.class).hasMessageContaining("停止执行");
        assertThat(pools.find("ZX-DEC-1", year).orElseThrow().reserved()).as("the grant already made stays").isEqualByComparingTo("10000");
        assertThat(catalog.onlineItem("ZX-DEC-1")).as("a stopped item is no longer offered").isEmpty();
        mvc.perform(post("/evaluation/decisions").cookie(evaluator).with(csrf()).param("item", "ZX-DEC-1").param("stage", "AFTER")
                        .param("decision", "CONTINUE").param("reason", "再议"))
                .andExpect(flash().attribute("error", Matchers.containsString("已决定停止执行")));

        mvc.perform(post("/evaluation/decisions").cookie(evaluator).with(csrf()).param("item", "ZX-DEC-2").param("stage", "MID")
                        .param("decision", "ADJUST").param("reason", "条件过宽，建议增加纳税信用要求"))
                .andExpect(flash().attribute("message", Matchers.containsString("退回编制")));
        PolicyItem working = catalog.workingView().stream().filter(i -> i.code().equals("ZX-DEC-2")).findFirst().orElseThrow();
        assertThat(working.state()).isEqualTo(PolicyItem.State.DRAFT);
        assertThat(working.version()).isEqualTo(2);
        assertThat(catalog.onlineItem("ZX-DEC-2")).as("the published version stays online until the revision is approved").isPresent();
        assertThat(jdbc.sql("SELECT decision FROM eval_item_decision WHERE item_code LIKE 'ZX-DEC-%' ORDER BY id").query(String.class).list())
                .containsExactly("STOP", "ADJUST");
        mvc.perform(get("/evaluation/decisions").cookie(Sessions.login(mvc, "leader")))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("停止执行"), Matchers.containsString("调整完善"))));
    }

    private static GrantRequest request(String uscc, int year) {
        return new GrantRequest(uscc, "测试企业" + uscc.substring(uscc.length() - 2), "519902", "ZX-DEC-1", "评估停止测试补助", year,
                new BigDecimal("10000"), new BigDecimal("10000"), null, null, new BigDecimal("1000000"), GrantRoute.APPLICATION,
                null, null, "reviewer", null);
    }
}
