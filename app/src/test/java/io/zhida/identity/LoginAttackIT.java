package io.zhida.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.identity.UserAdministration.UserForm;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A stranger guessing passwords can neither lock the owner out nor learn which accounts exist: the
 * delay is per username and client address, the client address is throttled after a burst of failures
 * without its passwords being checked, and API tokens are untouched.
 */
@ZhidaIntegrationTest
class LoginAttackIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAdministration users;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The login form as a browser posts it; returns where it redirects. */
    private String formLogin(String address, String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(from(address)))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private MockHttpServletResponse tokenLogin(String address, String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).with(from(address))
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")).andReturn().getResponse();
    }

    private long audits(String action, String subject) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ? AND subject_id = ?").params(action, subject).query(Long.class).single();
    }

    @Test
    void aStrangerFailingTwentyTimesWithTheAdministratorsNameLeavesTheOwnerAndTheirTokenAlone() throws Exception {
        String token = Sessions.token(mvc, "admin");
        String stranger = "203.0.113.7";
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(formLogin(stranger, "admin", "guess-" + i));
            if (i % 2 == 0) {
                answers.add(String.valueOf(tokenLogin(stranger, "admin", "guess-api-" + i).getStatus()));
            }
            mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("admin"));
        }
        assertThat(answers).allMatch(a -> a.equals("/login?error=bad") || a.startsWith("/login?error=wait&retry=") || a.equals("401")
                || a.equals("429"));
        assertThat(answers).as("after five failures the stranger waits").anyMatch(a -> a.startsWith("/login?error=wait") || a.equals("429"));

        // the owner, elsewhere, signs in at once through the form and the token endpoint
        assertThat(formLogin("198.51.100.20", "admin", Sessions.DEMO_PASSWORD)).isEqualTo("/workbench");
        assertThat(tokenLogin("198.51.100.20", "admin", Sessions.DEMO_PASSWORD).getStatus()).isEqualTo(200);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        // the stranger, even with the right password, waits: the password is not even looked at
        assertThat(formLogin(stranger, "admin", Sessions.DEMO_PASSWORD)).startsWith("/login?error=wait&retry=");
        assertThat(audits("login.delay", "admin")).as("suspicious activity is on record").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'admin' AND enabled").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void unknownUserWrongPasswordAndDisabledAccountGetTheSameAnswer() throws Exception {
        users.create(new UserForm("sleeper", "停用账号", "right-password", Set.of(Role.LEADER), null, null, null, null));
        users.setEnabled(users.list("sleeper").get(0).id(), false);

        assertThat(formLogin("198.51.100.31", "no-such-user-x", "whatever"))
                .isEqualTo(formLogin("198.51.100.32", "leader", "wrong-password"))
                .isEqualTo(formLogin("198.51.100.33", "sleeper", "right-password"))
                .isEqualTo("/login?error=bad");
        MockHttpServletResponse unknown = tokenLogin("198.51.100.34", "no-such-user-y", "whatever");
        MockHttpServletResponse wrong = tokenLogin("198.51.100.35", "leader", "wrong-password");
        MockHttpServletResponse disabled = tokenLogin("198.51.100.36", "sleeper", "right-password");
        assertThat(List.of(unknown.getStatus(), wrong.getStatus(), disabled.getStatus())).containsOnly(401);
        assertThat(unknown.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(unknown.getContentAsString()).isEqualTo(wrong.getContentAsString()).isEqualTo(disabled.getContentAsString())
                .contains("用户名或密码错误");
        mvc.perform(get("/login").param("error", "bad")).andExpect(content().string(org.hamcrest.Matchers.containsString("用户名或密码错误")));

        // an unknown name is delayed exactly like a real one, so waiting gives nothing away either
        for (int i = 0; i < 5; i++) {
            formLogin("198.51.100.37", "no-such-user-z", "guess-" + i);
            formLogin("198.51.100.38", "leader", "guess-" + i);
        }
        assertThat(formLogin("198.51.100.37", "no-such-user-z", "again")).startsWith("/login?error=wait&retry=");
        assertThat(formLogin("198.51.100.38", "leader", "again")).startsWith("/login?error=wait&retry=");
    }

    @Test
    void anUnknownUserTakesAboutAsLongAsAWrongPassword() throws Exception {
        long unknown = 0;
        long wrong = 0;
        for (int i = 0; i < 4; i++) {
            long t0 = System.nanoTime();
            tokenLogin("198.51.100." + (60 + i), "nobody-" + i, "whatever");
            long t1 = System.nanoTime();
            tokenLogin("198.51.100." + (70 + i), "reviewer", "wrong-" + i);
            long t2 = System.nanoTime();
            unknown += t1 - t0;
            wrong += t2 - t1;
        }
        assertThat((double) unknown / wrong).as("the password hash is computed for unknown users too").isGreaterThan(0.5);
    }

    @Test
    void aBurstOfFailuresFromOneAddressThrottlesItWithoutCheckingPasswords() throws Exception {
        String burst = "203.0.113.50";
        for (int i = 0; i < 10; i++) {
            assertThat(tokenLogin(burst, "spray-" + i, "guess").getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse throttled = tokenLogin(burst, "enterprise", Sessions.DEMO_PASSWORD);
        assertThat(throttled.getStatus()).as("even the right password is refused from there").isEqualTo(429);
        assertThat(throttled.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(Long.parseLong(throttled.getHeader("Retry-After"))).isBetween(1L, 600L);
        assertThat(throttled.getContentAsString()).contains("尝试过于频繁");
        String page = formLogin(burst, "enterprise", Sessions.DEMO_PASSWORD);
        assertThat(page).startsWith("/login?error=wait&retry=");
        assertThat(mvc.perform(get(page)).andReturn().getResponse().getContentAsString()).contains("尝试过于频繁，请 ").contains("秒后再试");
        assertThat(audits("login.throttle", burst)).isEqualTo(1);

        // everyone else goes on as before, and successful logins are never counted
        assertThat(formLogin("203.0.113.51", "enterprise", Sessions.DEMO_PASSWORD)).isEqualTo("/workbench");
        for (int i = 0; i < 15; i++) {
            assertThat(tokenLogin("203.0.113.52", "enterprise", Sessions.DEMO_PASSWORD).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void theDelayGrowsWithEachFailureAndAnAdministratorClearsIt() throws Exception {
        users.create(new UserForm("delayme", "延迟测试", "right-password", Set.of(Role.LEADER), null, null, null, null));
        long id = users.list("delayme").get(0).id();
        String address = "198.51.100.90";
        for (int i = 0; i < 4; i++) {
            assertThat(tokenLogin(address, "delayme", "wrong-" + i).getStatus()).isEqualTo(401);
        }
        List<String> waits = new ArrayList<>();
        for (int failure = 5; failure <= 7; failure++) {
            assertThat(tokenLogin(address, "delayme", "wrong-" + failure).getStatus()).isEqualTo(401);
            MockHttpServletResponse refused = tokenLogin(address, "delayme", "right-password");
            assertThat(refused.getStatus()).isEqualTo(429);
            waits.add(refused.getHeader("Retry-After"));
            Thread.sleep(Long.parseLong(refused.getHeader("Retry-After")) * 1000 + 100);
        }
        assertThat(waits).containsExactly("1", "2", "4");
        assertThat(tokenLogin(address, "delayme", "wrong-8").getStatus()).isEqualTo(401);
        assertThat(tokenLogin(address, "delayme", "right-password").getStatus()).isEqualTo(429);
        assertThat(users.get(id).loginDelayed()).isTrue();
        assertThat(mvc.perform(get("/admin/users").cookie(Sessions.login(mvc, "admin"))).andReturn().getResponse().getContentAsString())
                .contains("登录受限").contains("解除登录限制");

        mvc.perform(post("/admin/users/" + id + "/unlock").cookie(Sessions.login(mvc, "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(users.get(id).loginDelayed()).isFalse();
        assertThat(audits("user.unlock", "delayme")).isEqualTo(1);
        assertThat(tokenLogin(address, "delayme", "right-password").getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM login_failure WHERE username = 'delayme'").query(Long.class).single())
                .as("a successful login forgets the failures").isZero();
    }

    @Test
    void xForwardedForFromTheLoopbackProxyNamesTheClient() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int lastFromProxiedClient = 0;
        for (int i = 0; i < 11; i++) {
            lastFromProxiedClient = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "192.0.2.77")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"xff-" + i + "\",\"password\":\"guess\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        assertThat(lastFromProxiedClient).as("the forwarded client is throttled").isEqualTo(429);
        int proxyItself = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"leader\",\"password\":\"zhida-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
        assertThat(proxyItself).as("a client without the header is itself, not the one it forwarded").isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM login_failure WHERE client_address = '192.0.2.77'").query(Long.class).single()).isEqualTo(10);
        assertThat(audits("login.throttle", "192.0.2.77")).isEqualTo(1);
    }
}
