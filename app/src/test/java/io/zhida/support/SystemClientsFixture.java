package io.zhida.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Registers another system the way an administrator does and takes its client-credentials token at the real endpoint. */
public final class SystemClientsFixture {

    /** A newly registered system: its client id and secret, and its registration id. */
    public record Registered(String clientId, String secret, long id) {
    }

    private SystemClientsFixture() {
    }

    public static Registered register(MockMvc mvc, String adminBearer, String name, String... scopes) throws Exception {
        String body = mvc.perform(post("/api/v1/admin/clients").header("Authorization", adminBearer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"scopes\":[\"" + String.join("\",\"", scopes) + "\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Registered(JsonPath.read(body, "$.clientId"), JsonPath.read(body, "$.clientSecret"),
                ((Number) JsonPath.read(body, "$.id")).longValue());
    }

    /** "Bearer …" for the system, with all its scopes or only {@code scope}. */
    public static String bearer(MockMvc mvc, Registered client, String scope) throws Exception {
        String body = mvc.perform(post("/api/v1/oauth2/token").header("Authorization", basic(client.clientId(), client.secret()))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.token_type").value("Bearer")).andReturn().getResponse().getContentAsString();
        return "Bearer " + JsonPath.read(body, "$.access_token");
    }

    public static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
