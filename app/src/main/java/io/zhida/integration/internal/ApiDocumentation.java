package io.zhida.integration.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.Role;
import io.zhida.identity.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI document at /api/v1/openapi says, for every operation, who may call it — read from the handler's own
 * {@link AccessRule}, so it cannot drift from what is enforced — and shows a request and an answer taken from a real
 * run ({@code openapi/examples.yml}, keyed "METHOD path"). {@code ApiDocumentationIT} fails when an operation has no
 * example or an example names no operation.
 */
@Component
class ApiDocumentation implements OperationCustomizer, OpenApiCustomizer {

    static final String PERSON = "person";
    static final String SYSTEM = "system";

    private static final Map<String, String> MODULES = Map.ofEntries(Map.entry("catalog", "政策库与计算器"),
            Map.entry("identity", "身份、令牌与对接系统"), Map.entry("enterprise", "企业画像"), Map.entry("matching", "政策找企业"),
            Map.entry("applications", "申报"), Map.entry("funds", "资金与拨付"), Map.entry("rectification", "诉求与整改"),
            Map.entry("integration", "事件推送（Webhook）"), Map.entry("rates", "三率"), Map.entry("cockpit", "驾驶舱"),
            Map.entry("calendar", "工作日历"), Map.entry("assistance", "帮办代办"),
            Map.entry("insight", "诉求分析"));

    private final Map<String, Map<String, Object>> examples = load();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        AccessRule rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), AccessRule.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), AccessRule.class);
        }
        if (rule == null) {
            return operation;
        }
        String who = switch (rule.audience()) {
            case ROLES -> Arrays.stream(rule.roles()).map(Role::label).collect(Collectors.joining("、"));
            default -> rule.audience().label();
        };
        String scopes = Arrays.stream(rule.scopes()).map(Scope::value).collect(Collectors.joining(" "));
        operation.setDescription("**可调用者**：" + who + (scopes.isEmpty() ? "" : "；对接系统需权限范围 `" + scopes + "`")
                + "。数据范围：" + rule.scope().label() + "（" + rule.scope().description() + "）。");
        operation.setTags(List.of(moduleOf(handler)));
        if (rule.audience() != Audience.PUBLIC && rule.audience() != Audience.SYSTEMS) {
            operation.addSecurityItem(new SecurityRequirement().addList(PERSON));
        }
        if (rule.scopes().length > 0) {
            operation.addSecurityItem(new SecurityRequirement().addList(SYSTEM, Arrays.stream(rule.scopes()).map(Scope::value).toList()));
        }
        return operation;
    }

    /** The operations grouped by the module that answers them, in the words of its users. */
    private static String moduleOf(HandlerMethod handler) {
        String module = handler.getBeanType().getPackageName().replaceFirst("^io\\.zhida\\.", "").replaceFirst("\\..*$", "");
        return MODULES.getOrDefault(module, module);
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("直达 Zhida API").version("v1").description("""
                惠企政策直达平台的接口。个人用 `POST /api/v1/auth/token` 以账号密码换取令牌；对接系统用 OAuth2 客户端凭证 \
                `POST /api/v1/oauth2/token` 换取令牌，按登记的权限范围调用。错误一律为 application/problem+json。"""));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        io.swagger.v3.oas.models.security.Scopes scopes = new io.swagger.v3.oas.models.security.Scopes();
        Arrays.stream(Scope.values()).forEach(s -> scopes.addString(s.value(), s.label()));
        components.addSecuritySchemes(PERSON, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("个人令牌：POST /api/v1/auth/token"));
        components.addSecuritySchemes(SYSTEM, new SecurityScheme().type(SecurityScheme.Type.OAUTH2).description("对接系统：客户端凭证")
                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/api/v1/oauth2/token").scopes(scopes))));
        api.components(components);
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> example(method, path, operation)));
        }
    }

    private void example(PathItem.HttpMethod method, String path, Operation operation) {
        Map<String, Object> example = examples.get(method.name() + " " + path);
        if (example == null) {
            return;
        }
        operation.setSummary((String) example.get("summary"));
        Object request = example.get("request");
        if (request != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(request));
        }
        if (Boolean.TRUE.equals(example.get("noContent"))) {
            operation.setResponses(new io.swagger.v3.oas.models.responses.ApiResponses()
                    .addApiResponse("204", new ApiResponse().description("完成，无返回内容")));
            return;
        }
        Object response = example.get("response");
        if (response == null || operation.getResponses() == null) {
            return;
        }
        operation.getResponses().entrySet().stream().filter(e -> e.getKey().startsWith("2")).findFirst().map(Map.Entry::getValue)
                .ifPresent(answer -> exampleAnswer(answer, response));
    }

    private static void exampleAnswer(ApiResponse answer, Object example) {
        if (answer.getContent() == null || answer.getContent().isEmpty()) {
            answer.setContent(new Content().addMediaType("application/json", new io.swagger.v3.oas.models.media.MediaType()));
        }
        answer.getContent().values().forEach(media -> media.setExample(example));
    }

    /** The examples, "METHOD path" → {summary, request, response}. */
    static Map<String, Map<String, Object>> load() {
        try (InputStream in = ApiDocumentation.class.getResourceAsStream("/openapi/examples.yml")) {
            if (in == null) {
                throw new IllegalStateException("openapi/examples.yml is missing");
            }
            Map<String, Map<String, Object>> loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return Map.copyOf(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
