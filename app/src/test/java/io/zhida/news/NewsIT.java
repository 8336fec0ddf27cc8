package io.zhida.news;

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

/** 资讯动态: an author writes, publishes and withdraws; the public reads only what is published, as text, never as markup. */
@ZhidaIntegrationTest
class NewsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAuthorPublishesAnArticleThePublicReadsItAndAWithdrawnOneIsGone() throws Exception {
        Cookie author = Sessions.login(mvc, "author");
        mvc.perform(post("/news/manage").param("category", "INTERPRETATION").param("title", "").param("body", "x").cookie(author).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("标题不能为空")));
        mvc.perform(post("/news/manage").param("category", "INTERPRETATION").param("title", "研发费用补助政策解读").param("itemCode", "NO-SUCH")
                .param("body", "正文").cookie(author).with(csrf())).andExpect(flash().attribute("error", Matchers.containsString("关联的政策事项不存在")));
        mvc.perform(post("/news/manage").param("category", "INTERPRETATION").param("title", "研发费用补助政策解读")
                        .param("summary", "三问三答").param("body", "一、谁能申请？\n<script>alert(1)</script>").param("itemCode", "YF-001")
                        .cookie(author).with(csrf()))
                .andExpect(flash().attribute("message", Matchers.containsString("已保存")));
        long id = jdbc.sql("SELECT max(id) FROM news_article WHERE title = '研发费用补助政策解读'").query(Long.class).single();
        mvc.perform(get("/portal/news/" + id)).andExpect(status().isNotFound()); // not published yet
        assertThat(mvc.perform(get("/portal/news")).andReturn().getResponse().getContentAsString()).doesNotContain("研发费用补助政策解读");
        mvc.perform(post("/news/manage/" + id + "/publish").param("publish", "true").cookie(Sessions.login(mvc, "clerk")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/news/manage/" + id + "/publish").param("publish", "true").cookie(author).with(csrf()))
                .andExpect(flash().attribute("message", "已发布"));

        assertThat(mvc.perform(get("/portal/news")).andReturn().getResponse().getContentAsString()).contains("研发费用补助政策解读").contains("三问三答");
        String page = mvc.perform(get("/portal/news/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("一、谁能申请？").contains("&lt;script&gt;").doesNotContain("<script>alert(1)</script>")
                .contains("/portal/items/YF-001");
        mvc.perform(post("/news/manage/" + id + "/publish").param("publish", "false").cookie(author).with(csrf()))
                .andExpect(flash().attribute("message", "已撤下"));
        mvc.perform(get("/portal/news/" + id)).andExpect(status().isNotFound());
    }
}
