package io.zhida.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.identity.internal.HandlerRules;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Deny by default: every handler mapping of the application declares who may call it and the data it
 * reaches; one without a rule is refused at run time. Also writes the table of rules for docs/security.md
 * to target/access-rules.md.
 */
@ZhidaIntegrationTest
class AccessRulesIT {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    MockMvc mvc;
    @Autowired
    List<MenuEntry> menu;

    private List<Map.Entry<RequestMappingInfo, HandlerMethod>> applicationHandlers() {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> !HandlerRules.isFramework(e.getValue()))
                .filter(e -> e.getValue().getBeanType() != RuleLessController.class)
                .toList();
    }

    @Test
    void everyHandlerMappingDeclaresAnAccessRule() {
        List<String> missing = applicationHandlers().stream()
                .filter(e -> HandlerRules.ruleOf(e.getValue()).isEmpty())
                .map(e -> e.getKey() + " → " + e.getValue().getShortLogMessage())
                .sorted().toList();
        assertThat(missing).as("handlers without a (well-formed) @AccessRule").isEmpty();
        assertThat(applicationHandlers()).as("the enumeration sees the application's handlers").hasSizeGreaterThan(200);
        assertThat(mappings.getHandlerMethods().values()).as("framework handlers are there and allow-listed")
                .anyMatch(HandlerRules::isFramework);
    }

    @Test
    void aHandlerWithoutARuleIsRefusedToEveryone() throws Exception {
        mvc.perform(get(RuleLessController.OPEN_PATH)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get(RuleLessController.OPEN_PATH).cookie(Sessions.login(mvc, "admin"))).andExpect(status().isForbidden());
        mvc.perform(get(RuleLessController.API_PATH)).andExpect(status().isUnauthorized());
        mvc.perform(get(RuleLessController.API_PATH).header("Authorization", "Bearer " + Sessions.token(mvc, "admin")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void rolesAndWholeCityScopeAreEnforcedBeforeTheHandler() throws Exception {
        // The first layer lets any signed-in person reach /funds/**; the rule admits finance, leaders, evaluators, administrators.
        mvc.perform(get("/funds/pools").cookie(Sessions.login(mvc, "clerk"))).andExpect(status().isForbidden());
        mvc.perform(get("/funds/pools").cookie(Sessions.login(mvc, "leader"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/evaluation/rates?from=2026-01-01&to=2026-02-01")
                        .header("Authorization", "Bearer " + Sessions.token(mvc, "county")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void frameworkHandlersAndPublicPagesStayOpen() throws Exception {
        mvc.perform(get("/api/v1/openapi")).andExpect(status().isOk());
        mvc.perform(get("/portal/policies")).andExpect(status().isOk());
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/echarts/echarts.min.js")).andExpect(status().isOk());
        mvc.perform(get("/css/zhida.css")).andExpect(status().isOk());
        mvc.perform(get("/js/zhida.js")).andExpect(status().isOk());
        mvc.perform(get("/zhida.css")).andExpect(status().is3xxRedirection()); // static files only at their own paths: this is no public file
        mvc.perform(get("/portal/no-such-page")).andExpect(status().isNotFound());
    }

    @Test
    void theMenuListsOnlyPagesItsRolesMayOpen() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (MenuEntry entry : menu) {
            var chain = mappings.getHandler(new MockHttpServletRequest("GET", entry.href()));
            assertThat(chain).as(entry.href()).isNotNull();
            AccessRule rule = HandlerRules.ruleOf((HandlerMethod) chain.getHandler()).orElseThrow();
            entry.roles().stream()
                    .filter(role -> rule.audience() == Audience.ROLES ? !Arrays.asList(rule.roles()).contains(role)
                            : rule.audience() == Audience.STAFF && role == Role.ENTERPRISE)
                    .forEach(role -> wrong.add(entry.label() + " " + entry.href() + " for " + role));
        }
        assertThat(wrong).as("menu entries shown to roles the page refuses").isEmpty();
    }

    /** The rules as a Markdown table per module, for docs/security.md. */
    @Test
    void writesTheTableOfRules() throws Exception {
        Map<String, List<String>> byModule = new TreeMap<>();
        applicationHandlers().stream()
                .sorted(Comparator.comparing((Map.Entry<RequestMappingInfo, HandlerMethod> e) -> paths(e.getKey())).thenComparing(e -> methods(e.getKey())))
                .forEach(e -> {
                    AccessRule rule = HandlerRules.ruleOf(e.getValue()).orElseThrow();
                    String module = e.getValue().getBeanType().getPackageName().replace("io.zhida.", "").split("\\.")[0];
                    String who = rule.audience() == Audience.ROLES
                            ? Arrays.stream(rule.roles()).map(Role::name).collect(Collectors.joining(", "))
                            : "*" + rule.audience().name() + "*";
                    byModule.computeIfAbsent(module, m -> new ArrayList<>())
                            .add("| " + methods(e.getKey()) + " | `" + paths(e.getKey()) + "` | " + who + " | " + rule.scope().name() + " |");
                });
        StringBuilder md = new StringBuilder();
        byModule.forEach((module, rows) -> {
            md.append("\n#### ").append(module).append("\n\n| method | path | who may call | data scope |\n| --- | --- | --- | --- |\n");
            rows.forEach(r -> md.append(r).append('\n'));
        });
        Path out = Path.of("target", "access-rules.md");
        Files.writeString(out, md.toString());
        assertThat(md.toString()).contains("#### catalog").contains("`/catalog/review/{code}/approve`");
    }

    private static String paths(RequestMappingInfo info) {
        return String.join(" ", info.getPatternValues());
    }

    private static String methods(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().isEmpty() ? "ANY"
                : info.getMethodsCondition().getMethods().stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
    }
}
