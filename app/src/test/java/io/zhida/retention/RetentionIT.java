package io.zhida.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A cleanup round: departments propose, the justice department reviews, the published list abolishes what it drops. */
@ZhidaIntegrationTest
class RetentionIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    PolicyCatalog catalog;

    @Test
    void aCleanupRoundPublishesTheRetentionListAndAbolishesWhatItDrops() throws Exception {
        exchange.importYaml("""
                documents:
                  - {number: "示清文〔2026〕1号", title: "保留的文件", level: 市, issuer: 市经济和信息化局, published: 2026-03-01}
                  - {number: "示清文〔2026〕2号", title: "要废止的文件", level: 市, issuer: 市经济和信息化局, published: 2026-03-01}
                items:
                  - code: ZX-RET-1
                    name: 保留文件的事项
                    document: "示清文〔2026〕1号"
                    departments: [C-JXJ]
                    mode: 综合评审
                    condition: e.revenue >= 0.0
                    benefit_type: 资金补贴
                  - code: ZX-RET-2
                    name: 要废止文件的事项
                    document: "示清文〔2026〕2号"
                    departments: [C-JXJ]
                    mode: 综合评审
                    condition: e.revenue >= 0.0
                    benefit_type: 资金补贴
                """, true);
        long keep = documentId("示清文〔2026〕1号");
        long drop = documentId("示清文〔2026〕2号");

        Cookie author = Sessions.login(mvc, "author");
        mvc.perform(post("/retention").cookie(author).with(csrf()).param("title", "清理").param("dueOn", LocalDate.now().plusDays(30).toString()))
                .andExpect(status().isForbidden());
        Cookie justice = Sessions.login(mvc, "reviewer-sfj");
        mvc.perform(post("/retention").cookie(justice).with(csrf()).param("title", "2026年度惠企政策文件清理")
                        .param("dueOn", LocalDate.now().plusDays(30).toString()))
                .andExpect(flash().attribute("message", Matchers.containsString("已开始文件清理")));
        long round = jdbc.sql("SELECT id FROM retention_round WHERE status = 'OPEN'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM retention_entry WHERE round_id = :r").param("r", round).query(Long.class).single())
                .isEqualTo(jdbc.sql("""
                        SELECT count(*) FROM policy_document WHERE status = 'EFFECTIVE' AND legal_review = 'PASSED' AND level IN ('市', '县')
                          AND published_on IS NOT NULL""")
                        .query(Long.class).single());

        // the issuing department proposes; another department's reviewer may not
        mvc.perform(post("/retention/" + round + "/documents/" + drop + "/propose").cookie(Sessions.login(mvc, "reviewer-czj")).with(csrf())
                .param("proposal", "ABOLISH").param("reason", "x")).andExpect(status().isForbidden());
        Cookie issuer = Sessions.login(mvc, "reviewer");
        mvc.perform(post("/retention/" + round + "/documents/" + drop + "/propose").cookie(issuer).with(csrf()).param("proposal", "ABOLISH"))
                .andExpect(flash().attribute("error", Matchers.containsString("须写明理由")));
        mvc.perform(post("/retention/" + round + "/documents/" + drop + "/propose").cookie(issuer).with(csrf())
                        .param("proposal", "ABOLISH").param("reason", "已被示清文〔2026〕1号替代"))
                .andExpect(flash().attribute("message", "已提出清理意见"));
        mvc.perform(post("/retention/" + round + "/publish").cookie(justice).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("未完成")));
        mvc.perform(post("/retention/" + round + "/propose-remaining").cookie(issuer).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM retention_entry WHERE round_id = :r AND proposal IS NOT NULL AND issuer <> '市经济和信息化局'")
                .param("r", round).query(Long.class).single()).as("the department's bulk answer covers its own documents only").isZero();
        // the rest: each by its issuing department's reviewer, or by a policy author where no department issued it
        for (var entry : jdbc.sql("SELECT document_id, issuer FROM retention_entry WHERE round_id = :r AND proposal IS NULL").param("r", round)
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getString(2))).list()) {
            String proposer = jdbc.sql("""
                    SELECT u.username FROM app_user u JOIN department d ON d.id = u.department_id JOIN user_role r ON r.user_id = u.id
                    WHERE d.name = :issuer AND r.role = 'REVIEWER' ORDER BY u.username LIMIT 1""")
                    .param("issuer", entry.getValue()).query(String.class).optional().orElse("author");
            mvc.perform(post("/retention/" + round + "/documents/" + entry.getKey() + "/propose").cookie(Sessions.login(mvc, proposer)).with(csrf())
                            .param("proposal", "CONTINUE"))
                    .andExpect(redirectedUrl("/retention#doc-" + entry.getKey()));
        }
        // a policy author does not answer for a department's document
        mvc.perform(post("/retention/" + round + "/documents/" + keep + "/propose").cookie(author).with(csrf()).param("proposal", "ABOLISH")
                .param("reason", "越权")).andExpect(status().isForbidden());
        mvc.perform(post("/retention/" + round + "/documents/" + drop + "/review").cookie(issuer).with(csrf())
                .param("agrees", "true").param("opinion", "同意")).andExpect(status().isForbidden());
        mvc.perform(post("/retention/" + round + "/documents/" + drop + "/review").cookie(justice).with(csrf())
                        .param("agrees", "true").param("opinion", "经审查，同意废止"))
                .andExpect(flash().attribute("message", "已作出合法性审查意见"));
        mvc.perform(post("/retention/" + round + "/agree-remaining").cookie(justice).with(csrf()).param("opinion", "同意继续有效"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/retention/" + round + "/publish").cookie(justice).with(csrf()))
                .andExpect(flash().attribute("message", Matchers.containsString("已公布保留清单")));

        assertThat(catalog.document(drop).orElseThrow().abolished()).isTrue();
        assertThat(catalog.document(keep).orElseThrow().abolished()).isFalse();
        assertThat(catalog.onlineItem("ZX-RET-2")).as("the dropped document's item is abolished").isEmpty();
        assertThat(catalog.onlineItem("ZX-RET-1")).isPresent();
        mvc.perform(get("/portal/retention")).andExpect(content().string(Matchers.allOf(
                Matchers.containsString("2026年度惠企政策文件清理"), Matchers.containsString("保留的文件"),
                Matchers.containsString("要废止的文件"), Matchers.containsString("已被示清文〔2026〕1号替代"))));
        mvc.perform(post("/retention/" + round + "/documents/" + keep + "/propose").cookie(issuer).with(csrf()).param("proposal", "MODIFY")
                .param("reason", "晚了")).andExpect(flash().attribute("error", Matchers.containsString("已公布")));
    }

    private long documentId(String number) {
        return jdbc.sql("SELECT id FROM policy_document WHERE doc_number = :n").param("n", number).query(Long.class).single();
    }
}
