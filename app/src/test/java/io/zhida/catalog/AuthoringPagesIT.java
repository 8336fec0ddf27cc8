package io.zhida.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Who may open the authoring and review pages, the live rule check, abolishing and importing from the UI. */
@ZhidaIntegrationTest
class AuthoringPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    PolicyCatalog catalog;

    @Test
    void onlyAuthorsEditAndOnlyReviewersReview() throws Exception {
        Cookie author = Sessions.login(mvc, "author");
        Cookie reviewer = Sessions.login(mvc, "reviewer");
        Cookie enterprise = Sessions.login(mvc, "enterprise");
        mvc.perform(get("/catalog/items").cookie(author)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("WG-001")));
        mvc.perform(get("/catalog/items/new").cookie(author)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("条件生成器")));
        mvc.perform(get("/catalog/review").cookie(author)).andExpect(status().isForbidden());
        mvc.perform(get("/catalog/review").cookie(reviewer)).andExpect(status().isOk());
        mvc.perform(get("/catalog/items").cookie(reviewer)).andExpect(status().isForbidden());
        mvc.perform(get("/catalog/items").cookie(enterprise)).andExpect(status().isForbidden());
    }

    @Test
    void theRuleCheckAnswersWithPositionsInChinese() throws Exception {
        Cookie author = Sessions.login(mvc, "author");
        mvc.perform(post("/catalog/items/check").cookie(author).with(csrf()).param("condition", "e.revenue > 1\n&& e.revnue > 2"))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("第2行第5列"), Matchers.containsString("revnue"))));
        mvc.perform(post("/catalog/items/check").cookie(author).with(csrf()).param("condition", "e.revenue > 1 && \"高新技术企业\" in e.qualifications"))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("规则有效"), Matchers.containsString("上年营业收入"))));
        mvc.perform(post("/catalog/items/check").cookie(author).with(csrf()).param("kind", "formula").param("amountFormula", "e.name"))
                .andExpect(content().string(Matchers.containsString("数值")));
    }

    @Test
    void abolishingFromTheListTakesTheItemOffline() throws Exception {
        assertThat(catalog.onlineItem("WL-002")).isPresent();
        mvc.perform(post("/catalog/items/WL-002/abolish").cookie(Sessions.login(mvc, "author")).with(csrf()).param("reason", "政策调整"))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.onlineItem("WL-002")).isEmpty();
        mvc.perform(get("/portal/items/WL-002")).andExpect(status().isNotFound());
    }

    @Test
    void aRejectedUploadListsTheProblemsOnThePage() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "bad.yaml", "application/yaml",
                "items:\n  - code: X\n    name: 坏\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(multipart("/catalog/items/import").file(file).cookie(Sessions.login(mvc, "author")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("已整体拒绝"), Matchers.containsString("必填字段 condition 缺失"))));
    }
}
