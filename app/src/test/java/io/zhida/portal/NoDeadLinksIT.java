package io.zhida.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.zhida.demo.DemoAccounts;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No dead ends: every link a role is shown, from its workbench two clicks deep, opens for that role — no 403 for a page
 * the platform itself pointed to, no 404, no 400, no error. Downloads and sign-out are left out (they are tested where
 * they are made); each role follows at most 160 distinct pages.
 */
@ZhidaIntegrationTest
class NoDeadLinksIT {

    private static final Pattern SKIP = Pattern.compile(".*(\\.xlsx|\\.pdf|\\.csv|\\.zip|/logout|/login)(\\?.*)?$|^/api/.*|^/(css|js|webjars)/.*");
    private static final int PAGES = 160;

    @Autowired
    MockMvc mvc;

    @Test
    void everyLinkARoleIsShownOpensForIt() throws Exception {
        List<String> dead = new ArrayList<>();
        int followed = 0;
        for (DemoAccounts.Account account : DemoAccounts.ALL) {
            Cookie session = Sessions.login(mvc, account.username());
            Set<String> seen = new LinkedHashSet<>();
            ArrayDeque<String[]> todo = new ArrayDeque<>(); // path, depth, the page it was found on
            todo.add(new String[] {"/workbench", "0", "—"});
            seen.add("/workbench");
            int visited = 0;
            while (!todo.isEmpty() && visited++ < PAGES) {
                String[] next = todo.poll();
                MockHttpServletResponse r = mvc.perform(get(next[0]).cookie(session)).andReturn().getResponse();
                if (System.getenv("LINKS_DEBUG") != null) {
                    System.out.println("LINK " + account.username() + " " + next[1] + " " + next[0] + " " + r.getStatus() + " " + r.getContentType());
                }
                followed++;
                if (r.getStatus() >= 400) {
                    dead.add(account.username() + ": " + next[0] + " → " + r.getStatus() + " (linked from " + next[2] + ")");
                    continue;
                }
                if (r.getStatus() >= 300 || !String.valueOf(r.getContentType()).startsWith("text/html") || Integer.parseInt(next[1]) >= 2) {
                    continue;
                }
                for (var a : Jsoup.parse(r.getContentAsString()).select("a[href]")) {
                    String href = a.attr("href");
                    if (!href.startsWith("/") || href.startsWith("//") || SKIP.matcher(href).matches()) {
                        continue;
                    }
                    String path = href.replaceFirst("#.*$", "");
                    if (!path.isEmpty() && seen.add(path)) {
                        todo.add(new String[] {path, String.valueOf(Integer.parseInt(next[1]) + 1), next[0]});
                    }
                }
            }
        }
        System.out.println("no dead links: followed " + followed + " pages for " + DemoAccounts.ALL.size() + " roles");
        assertThat(dead).as("links that lead nowhere for the role that was shown them").isEmpty();
    }
}
