package io.zhida.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyLibraryExchange;
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

/** 意见征询 from opening to the published summary at the item's review. */
@ZhidaIntegrationTest
class ConsultationIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLibraryExchange exchange;

    @Test
    void aDraftIsConsultedAnsweredAndTheSummaryReachesTheReview() throws Exception {
        exchange.importYaml("""
                documents: []
                items:
                  - code: ZX-CONS-1
                    name: 中小企业数字化改造补助（征求意见稿）
                    departments: [C-JXJ]
                    mode: 综合评审
                    conditions_text: 上年度营业收入500万元以上的企业
                    condition: e.revenue >= 5000000.0
                    benefit_type: 资金补贴
                    amount: "100000"
                """, false);
        long reached = jdbc.sql("SELECT count(*) FROM enterprise WHERE revenue >= 5000000").query(Long.class).single();
        assertThat(reached).isPositive();
        long inboxBefore = jdbc.sql("SELECT count(*) FROM inbox_message WHERE title LIKE '征求意见：%'").query(Long.class).single();

        Cookie author = Sessions.login(mvc, "author");
        mvc.perform(post("/consultations").cookie(author).with(csrf()).param("item", "ZX-CONS-1")
                        .param("closesOn", LocalDate.now().plusDays(1).toString()))
                .andExpect(flash().attribute("error", Matchers.containsString("5 天到 90 天")));
        mvc.perform(post("/consultations").cookie(author).with(csrf()).param("item", "ZX-CONS-1")
                        .param("closesOn", LocalDate.now().plusDays(30).toString()).param("departments", "C-FGW")
                        .param("contacts", "示范市软件行业协会 1380000000"))
                .andExpect(flash().attribute("error", Matchers.containsString("名称 手机号")));
        mvc.perform(post("/consultations").cookie(author).with(csrf()).param("item", "ZX-CONS-1")
                        .param("closesOn", LocalDate.now().plusDays(30).toString()).param("departments", "C-FGW")
                        .param("contacts", "示范市软件行业协会 13800000000\n王教授（市委党校） 13900000001"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM outbound_message WHERE channel = 'SMS' AND text LIKE '%示范市软件行业协会：市里正在制定%'")
                .query(Long.class).single()).isEqualTo(1);
        long id = jdbc.sql("SELECT id FROM consultation WHERE item_code = 'ZX-CONS-1'").query(Long.class).single();
        mvc.perform(post("/consultations").cookie(author).with(csrf()).param("item", "ZX-CONS-1")
                        .param("closesOn", LocalDate.now().plusDays(30).toString()))
                .andExpect(flash().attribute("error", Matchers.containsString("已有进行中")));
        assertThat(jdbc.sql("SELECT invited_enterprises FROM consultation WHERE id = :id").param("id", id).query(Integer.class).single())
                .isEqualTo((int) reached);
        assertThat(jdbc.sql("SELECT count(*) FROM inbox_message WHERE title LIKE '征求意见：%'").query(Long.class).single() - inboxBefore)
                .isEqualTo(reached);
        assertThat(jdbc.sql("SELECT ref FROM consultation_invitee WHERE consultation_id = :id AND kind = 'DEPARTMENT' ORDER BY ref")
                .param("id", id).query(String.class).list()).containsExactly("C-CZJ", "C-FGW", "C-SCJGJ", "C-SFJ");

        // anyone comments on the portal; bad comments are refused and nothing is written
        mvc.perform(get("/portal/consultations/" + id)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("中小企业数字化改造补助"),
                        Matchers.containsString("支持标准：100000 元"), Matchers.not(Matchers.containsString("e.revenue")))));
        mvc.perform(post("/portal/consultations/" + id + "/comments").with(csrf()).param("authorName", "张会长").param("organisation", "示范市软件行业协会")
                        .param("body", "建议把门槛降到300万元，很多小企业够不上。"))
                .andExpect(flash().attribute("message", Matchers.containsString("感谢")));
        mvc.perform(post("/portal/consultations/" + id + "/comments").with(csrf()).param("authorName", "某人").param("body", " "))
                .andExpect(flash().attribute("error", Matchers.containsString("意见")));
        mvc.perform(post("/portal/consultations/" + id + "/comments").with(csrf()).param("authorName", "某人").param("body", "坏\u0000字"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/portal/consultations/" + id + "/comments").with(csrf()).param("authorName", "某人").param("body", "长".repeat(2001)))
                .andExpect(flash().attribute("error", Matchers.containsString("意见")));
        mvc.perform(post("/portal/consultations/" + id + "/comments").cookie(Sessions.login(mvc, "reviewer-czj")).with(csrf())
                        .param("body", "资金来源请明确为市级工业发展专项资金。"))
                .andExpect(status().is3xxRedirection());
        List<String> kinds = jdbc.sql("SELECT author_kind || ':' || coalesce(organisation, '') FROM consultation_comment WHERE consultation_id = :id ORDER BY id")
                .param("id", id).query(String.class).list();
        assertThat(kinds).hasSize(2);
        assertThat(kinds.get(0)).isEqualTo("PUBLIC:示范市软件行业协会");
        assertThat(kinds.get(1)).startsWith("DEPARTMENT:");
        List<Long> comments = jdbc.sql("SELECT id FROM consultation_comment WHERE consultation_id = :id ORDER BY id").param("id", id)
                .query(Long.class).list();

        // only authors answer and close; every comment must be answered before closing
        mvc.perform(post("/consultations/" + id + "/comments/" + comments.get(0) + "/answer").cookie(Sessions.login(mvc, "enterprise")).with(csrf())
                .param("verdict", "ADOPTED").param("reason", "好")).andExpect(status().isForbidden());
        mvc.perform(post("/consultations/" + id + "/comments/" + comments.get(0) + "/answer").cookie(author).with(csrf())
                .param("verdict", "PARTLY").param("reason", "门槛调整为400万元"))
                .andExpect(redirectedUrl("/consultations/" + id + "#comment-" + comments.get(0))).andExpect(flash().attribute("message", "已答复"));
        mvc.perform(post("/consultations/" + id + "/close").cookie(author).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("1 条意见未答复")));
        mvc.perform(post("/consultations/" + id + "/comments/" + comments.get(1) + "/answer").cookie(author).with(csrf())
                .param("verdict", "MAYBE").param("reason", "x")).andExpect(flash().attribute("error", Matchers.containsString("采纳")));
        mvc.perform(post("/consultations/" + id + "/comments/" + comments.get(1) + "/answer").cookie(author).with(csrf())
                .param("verdict", "ADOPTED").param("reason", "已在资金来源中写明")).andExpect(flash().attribute("message", "已答复"));
        mvc.perform(post("/consultations/" + id + "/close").cookie(author).with(csrf()).param("note", "已据意见调整门槛。"))
                .andExpect(flash().attribute("message", Matchers.containsString("已公布")));
        String summary = jdbc.sql("SELECT summary FROM consultation WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(summary).contains("收到意见 2 条，采纳 1 条、部分采纳 1 条、不采纳 0 条").contains("已据意见调整门槛")
                .contains("示范市软件行业协会").contains("王教授（市委党校）");
        mvc.perform(post("/portal/consultations/" + id + "/comments").with(csrf()).param("authorName", "迟到者").param("body", "还来得及吗"))
                .andExpect(flash().attribute("error", Matchers.containsString("已截止")));
        mvc.perform(get("/portal/consultations/" + id)).andExpect(content().string(Matchers.allOf(
                Matchers.containsString("部分采纳"), Matchers.containsString("门槛调整为400万元"), Matchers.containsString("收到意见 2 条"))));

        // the summary is attached to the item's 标准化审查
        mvc.perform(post("/catalog/items/ZX-CONS-1/submit").cookie(author).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/catalog/review/ZX-CONS-1").cookie(Sessions.login(mvc, "reviewer")))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("意见征询情况（已公布）"),
                        Matchers.containsString("收到意见 2 条"))));
    }
}
