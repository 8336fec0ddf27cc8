package io.zhida.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** An expired session leads to the login page and back to the page the person was on, never to an error page or elsewhere. */
@ZhidaIntegrationTest
class SessionExpiryIT {

    @Autowired
    MockMvc mvc;

    @Test
    void aFormSentAfterTheSessionExpiredLeadsToTheLoginPageAndBackToTheForm() throws Exception {
        mvc.perform(post("/applications").param("item", "X").header("Referer", "http://localhost/applications/new?item=GS-001"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?expired&continue=%2Fapplications%2Fnew%3Fitem%3DGS-001"));
        mvc.perform(post("/applications").param("item", "X").header("Referer", "http://elsewhere.example/phish"))
                .andExpect(redirectedUrl("/login?expired")); // another site's page is not a way back

        Document login = Jsoup.parse(mvc.perform(get("/login").param("expired", "").param("continue", "/applications/new?item=GS-001"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(login.select("#login-expired").text()).contains("登录已超时");
        assertThat(login.select("input[name=continue]").val()).isEqualTo("/applications/new?item=GS-001");

        mvc.perform(post("/login").param("username", "enterprise").param("password", Sessions.DEMO_PASSWORD)
                .param("continue", "/applications/new?item=GS-001").with(csrf())).andExpect(redirectedUrl("/applications/new?item=GS-001"));
        for (String elsewhere : new String[] {"//elsewhere.example/x", "https://elsewhere.example/", "/\\elsewhere.example", "/login?x"}) {
            mvc.perform(post("/login").param("username", "enterprise").param("password", Sessions.DEMO_PASSWORD)
                    .param("continue", elsewhere).with(csrf())).andExpect(redirectedUrl("/workbench"));
        }
        mvc.perform(post("/login").param("username", "enterprise").param("password", "wrong")
                .param("continue", "/my/policies").with(csrf())).andExpect(redirectedUrl("/login?error=bad&continue=%2Fmy%2Fpolicies"));
    }

    @Test
    void aSignedInPageKnowsWhenTheSessionExpiresAndTheSessionCanBeKept() throws Exception {
        Cookie session = Sessions.login(mvc, "enterprise");
        Document page = Jsoup.parse(mvc.perform(get("/my/policies").cookie(session)).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#zd-session").attr("data-timeout")).isEqualTo(String.valueOf(8 * 3600));
        mvc.perform(post("/session/keep").cookie(session).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(post("/session/keep").with(csrf())).andExpect(status().isFound());
        assertThat(Jsoup.parse(mvc.perform(get("/portal")).andReturn().getResponse().getContentAsString()).select("#zd-session")).isEmpty();
    }
}
