package io.zhida.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.identity.UserAdministration.UserForm;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Bearer tokens, 401s as problem+json, bad input, disabled accounts (failed logins: {@link LoginAttackIT}). */
@ZhidaIntegrationTest
class TokenApiIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAdministration users;
    @Autowired
    JdbcClient jdbc;

    private ResultActions requestToken(String body) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aDemoAccountGetsATokenThatOpensTheApi() throws Exception {
        requestToken("{\"username\":\"leader\",\"password\":\"zhida-demo\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").isString())
                .andExpect(jsonPath("$.expiresIn").value(28800));
        String token = Sessions.token(mvc, "leader");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("leader"))
                .andExpect(jsonPath("$.roles[0]").value("LEADER"))
                .andExpect(jsonPath("$.wholeCity").value(true));
        String stored = jdbc.sql("SELECT token_hash FROM api_token ORDER BY issued_at DESC LIMIT 1").query(String.class).single();
        assertThat(stored).hasSize(64).isNotEqualTo(token);
    }

    @Test
    void callsWithoutAValidTokenGet401AsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("/api/v1/auth/token")));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("无效")));
        // A browser session does not open the API: it is token-only.
        mvc.perform(get("/api/v1/me").cookie(Sessions.login(mvc, "leader"))).andExpect(status().isUnauthorized());
    }

    @Test
    void wrongPasswordsAndBadBodiesAreClear4xx() throws Exception {
        requestToken("{\"username\":\"leader\",\"password\":\"wrong\"}")
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("用户名或密码错误"));
        requestToken("{\"username\":\"\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("username", "password")));
        requestToken("{not json")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        requestToken("{\"username\": 42, \"password\": [1]}")
                .andExpect(status().isBadRequest());
    }

    @Test
    void aDisabledAccountCannotSignInAndLosesItsTokens() throws Exception {
        users.create(new UserForm("disableme", "停用测试", "right-password", Set.of(Role.LEADER), null, null, null, null));
        String token = com.jayway.jsonpath.JsonPath.read(requestToken("{\"username\":\"disableme\",\"password\":\"right-password\"}")
                .andReturn().getResponse().getContentAsString(), "$.token");
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = 'disableme'").query(Long.class).single();
        users.setEnabled(id, false);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        // the same answer as a wrong password, so the form does not tell that the account exists
        mvc.perform(formLogin("/login").user("disableme").password("right-password")).andExpect(redirectedUrl("/login?error=bad"));
    }
}
