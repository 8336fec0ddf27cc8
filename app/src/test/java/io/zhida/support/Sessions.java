package io.zhida.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import jakarta.servlet.http.Cookie;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signs in the way people and API clients do: the real login form and the real token endpoint. */
public final class Sessions {

    public static final String DEMO_PASSWORD = "zhida-demo";

    private Sessions() {
    }

    /** Logs in through the form; returns the database-backed session cookie. */
    public static Cookie login(MockMvc mvc, String username) throws Exception {
        return login(mvc, username, DEMO_PASSWORD);
    }

    /** Logs in an account a test made itself. */
    public static Cookie login(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
        if (result.getResponse().getRedirectedUrl() == null || !result.getResponse().getRedirectedUrl().endsWith("/workbench")) {
            throw new AssertionError("login of " + username + " failed: " + result.getResponse().getRedirectedUrl());
        }
        Cookie session = result.getResponse().getCookie("SESSION");
        if (session == null) {
            throw new AssertionError("no SESSION cookie after login of " + username);
        }
        return session;
    }

    public static String token(MockMvc mvc, String username) throws Exception {
        return token(mvc, username, DEMO_PASSWORD);
    }

    /** A bearer token of an account a test made itself. */
    public static String token(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andExpect(jsonPath("$.token").isString())
                .andReturn();
        return com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.token");
    }
}
