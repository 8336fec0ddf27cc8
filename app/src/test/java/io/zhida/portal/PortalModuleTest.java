package io.zhida.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.identity.MenuEntry;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.ModuleTest;
import io.zhida.support.Sessions;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The portal on its own (it shows the cockpit's public figures, so everything the cockpit reads starts with it — but not
 * the demo city): the home page and the public policy pages without signing in; each role's workbench lists exactly the
 * menu entries its roles may open, every one of them opens, and what an enterprise is not shown it cannot open either.
 */
@ModuleTest
class PortalModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "portal");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    PolicyCatalog catalog;
    @Autowired
    EnterpriseProfiles enterprises;
    @Autowired
    List<MenuEntry> entries;

    ModuleFixtures fixtures;

    @BeforeEach
    void city() {
        fixtures = new ModuleFixtures(context).city();
    }

    @Test
    void theHomePageAndThePublicPortalOpenWithoutSigningIn() throws Exception {
        assertThat(ModuleFixtures.modulesIn(context)).contains("portal", "cockpit", "catalog", "enterprise", "identity").doesNotContain("demo");
        fixtures.enterprise(101, Map.of());
        publish(ModuleFixtures.library("PT-ITEM-1", "C-JXJ", "免申即享", "e.employees >= 10", "3000", 3000));
        long online = catalog.onlineItems().size();
        assertThat(online).isGreaterThanOrEqualTo(1);

        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(view().name("portal/home"))
                .andExpect(model().attribute("itemCount", (int) online))
                .andExpect(model().attribute("countyCount", 2))
                .andExpect(model().attribute("departmentCount", ModuleFixtures.DEPARTMENTS.size() + 1))
                .andExpect(model().attribute("enterpriseCount", enterprises.count()));
        String home = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(home).select("#stat-items").text()).isEqualTo(String.valueOf(online));
        assertThat(Jsoup.parse(home).select("a[href=\"/login\"]")).as("a visitor is offered the login").isNotEmpty();

        assertThat(mvc.perform(get("/portal/policies")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("测试事项PT-ITEM-1");
        assertThat(mvc.perform(get("/portal/items/PT-ITEM-1")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("测试事项PT-ITEM-1").contains("测试发〔2026〕PT-ITEM-1号");
        mvc.perform(get("/portal/calculator")).andExpect(status().isOk());

        // what is not public: no such item, and the workbench and the cockpit send a visitor to the login
        mvc.perform(get("/portal/items/NO-SUCH-ITEM")).andExpect(status().isNotFound());
        mvc.perform(get("/workbench")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/cockpit")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aWorkbenchListsExactlyWhatTheRoleMayOpenAndEveryShownLinkOpens() throws Exception {
        String uscc = fixtures.enterprise(201, Map.of());
        fixtures.user("pt-firm-201", Role.ENTERPRISE, null, null, uscc);
        fixtures.user("pt-jxj-1", Role.REVIEWER, null, "C-JXJ", null);
        Map<String, Cookie> sessions = new LinkedHashMap<>();
        sessions.put("pt-firm-201", Sessions.login(mvc, "pt-firm-201", ModuleFixtures.PASSWORD));
        sessions.put("pt-jxj-1", Sessions.login(mvc, "pt-jxj-1", ModuleFixtures.PASSWORD));
        sessions.put("admin", Sessions.login(mvc, "admin", ModuleDatabase.ADMIN_PASSWORD));

        Map<String, Set<String>> shown = new LinkedHashMap<>();
        List<String> dead = new ArrayList<>();
        for (var session : sessions.entrySet()) {
            String html = mvc.perform(get("/workbench").cookie(session.getValue())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            Set<String> links = Jsoup.parse(html).select("#workbench a.card").stream().map(a -> a.attr("href")).collect(Collectors.toSet());
            ZhidaUser user = principal(session.getKey());
            Set<String> allowed = entries.stream().filter(e -> e.visibleTo(user)).map(MenuEntry::href).collect(Collectors.toSet());
            assertThat(links).as("the workbench of %s", session.getKey()).isNotEmpty().isEqualTo(allowed);
            for (String link : links) {
                int status = mvc.perform(get(link).cookie(session.getValue())).andReturn().getResponse().getStatus();
                if (status >= 400) {
                    dead.add(session.getKey() + ": " + link + " → " + status);
                }
            }
            shown.put(session.getKey(), links);
        }
        assertThat(dead).as("links a workbench shows that do not open for the person it shows them to").isEmpty();

        // an enterprise's workbench is its own: its enterprise and 我的企业, none of the department's work
        Set<String> firm = shown.get("pt-firm-201");
        Set<String> reviewer = shown.get("pt-jxj-1");
        assertThat(firm).contains("/my/applications", "/my/policies", "/my/appeals").doesNotContain("/review", "/enterprises", "/rectification");
        assertThat(reviewer).contains("/review", "/catalog/review", "/rectification").doesNotContain("/my/applications", "/admin/users");
        assertThat(firm).isNotEqualTo(reviewer);
        assertThat(mvc.perform(get("/workbench").cookie(sessions.get("pt-firm-201"))).andReturn().getResponse().getContentAsString())
                .contains("测试企业201有限公司");
        // and the department's work it is not shown it cannot open: 403, but for the pages every signed-in person has by
        // design — the working-day calendar, one's own correction requests, and the enterprise list, which sends an
        // enterprise's user to its own profile
        Map<String, Integer> open = Map.of("/calendar", 200, "/enterprises/corrections", 200, "/enterprises", 302);
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (String link : reviewer) {
            if (!firm.contains(link)) {
                expected.put(link, open.getOrDefault(link, 403));
                actual.put(link, mvc.perform(get(link).cookie(sessions.get("pt-firm-201"))).andReturn().getResponse().getStatus());
            }
        }
        assertThat(expected).containsValue(403);
        assertThat(actual).as("what an enterprise's user gets on the department's pages").isEqualTo(expected);
        mvc.perform(get("/enterprises").cookie(sessions.get("pt-firm-201"))).andExpect(redirectedUrl("/my/enterprise"));
    }

    /** Publishes a library, saying what was wrong with it if the catalog refuses it. */
    private void publish(String yaml) {
        try {
            fixtures.publish(yaml);
        } catch (io.zhida.catalog.ImportRejectedException e) {
            throw new AssertionError("the catalog refused the fixture's library: " + e.problems(), e);
        }
    }

    private ZhidaUser principal(String username) {
        return (ZhidaUser) context.getBean(UserDetailsService.class).loadUserByUsername(username);
    }
}
