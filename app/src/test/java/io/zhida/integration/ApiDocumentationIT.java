package io.zhida.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.ZhidaIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API is documented whole: every operation of the OpenAPI document has a summary, says who may call it (from its
 * access rule), shows an example answer, and is in docs/api.md; a system's operation names its OAuth2 scope.
 */
@ZhidaIntegrationTest
class ApiDocumentationIT {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** A handler the access tests declare, in this context, without an access rule. */
    private static final Set<String> TEST_ONLY = Set.of("/api/v1/rule-less");

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void everyOperationHasItsExampleItsCallersAndItsLineInTheGuide() throws Exception {
        JsonNode api = json.readTree(mvc.perform(get("/api/v1/openapi")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        String guide = Files.readString(Path.of("..", "docs", "api.md"));
        List<String> operations = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            assertThat(path.getKey()).as("only the API is documented").startsWith("/api/v1/");
            if (TEST_ONLY.contains(path.getKey())) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String key = op.getKey().toUpperCase() + " " + path.getKey();
                operations.add(key);
                JsonNode operation = op.getValue();
                if (!operation.hasNonNull("summary")) {
                    gaps.add(key + ": no summary (openapi/examples.yml)");
                }
                if (!operation.path("description").asString("").startsWith("**可调用者**")) {
                    gaps.add(key + ": no callers");
                }
                if (!hasExampleAnswer(operation)) {
                    gaps.add(key + ": no example answer");
                }
                if (!guide.contains("`" + key + "`")) {
                    gaps.add(key + ": not in docs/api.md");
                }
            }
        }
        assertThat(gaps).isEmpty();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(40);
        Map<String, Object> examples;
        try (var in = getClass().getResourceAsStream("/openapi/examples.yml")) {
            examples = new org.yaml.snakeyaml.Yaml().load(in);
        }
        assertThat(operations).as("no example for an operation that is gone").containsAll(examples.keySet());

        JsonNode grants = api.at("/paths/~1api~1v1~1grants/get");
        assertThat(grants.at("/security/0/system/0").asString()).isEqualTo("grants:read");
        assertThat(grants.path("description").asString()).contains("grants:read").contains("数据范围：全市");
        assertThat(grants.at("/tags/0").asString()).isEqualTo("资金与拨付");
        assertThat(api.at("/components/securitySchemes/system/flows/clientCredentials/tokenUrl").asString()).isEqualTo("/api/v1/oauth2/token");
        assertThat(api.at("/paths/~1api~1v1~1calculator/post/requestBody/content").toString()).contains("rd_expense");
    }

    /** Swagger UI, where the guide sends people, opens for anyone, as the document does. */
    @Test
    void theBrowsableDocumentationOpensWithoutSigningIn() throws Exception {
        String ui = mvc.perform(get("/api/v1/docs")).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(ui).contains("/api/v1/swagger-ui/index.html");
        assertThat(mvc.perform(get("/api/v1/swagger-ui/index.html")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("swagger-ui");
        mvc.perform(get("/api/v1/swagger-ui/swagger-initializer.js")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/openapi/swagger-config")).andExpect(status().isOk());
    }

    /** A 2xx answer with an example; a 204 has no body to show. */
    private static boolean hasExampleAnswer(JsonNode operation) {
        for (Map.Entry<String, JsonNode> answer : operation.path("responses").properties()) {
            if (answer.getKey().equals("204")) {
                return true;
            }
            if (answer.getKey().startsWith("2")) {
                for (JsonNode media : answer.getValue().path("content")) {
                    if (media.has("example")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
