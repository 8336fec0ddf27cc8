package io.zhida.identity.internal;

import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Finds the {@link AccessRule} of a handler, and knows the few framework handlers that carry none
 * and are let through: Spring Boot's error pages, springdoc's OpenAPI document and Swagger UI, and
 * static resources (CSS, scripts, WebJars). Everything else without a rule is refused.
 */
public final class HandlerRules {

    /** Framework handler types allowed without a rule. Keep this list short and explicit. */
    static final List<Class<?>> FRAMEWORK = List.of(
            org.springframework.boot.webmvc.error.ErrorController.class,
            org.springdoc.api.AbstractOpenApiResource.class,
            org.springdoc.webmvc.ui.SwaggerConfigResource.class,
            org.springdoc.ui.AbstractSwaggerWelcome.class,
            ResourceHttpRequestHandler.class);

    private HandlerRules() {
    }

    /** The method's rule, else its class's; empty if neither declares one or the rule is malformed. */
    public static Optional<AccessRule> ruleOf(HandlerMethod handler) {
        AccessRule rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), AccessRule.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), AccessRule.class);
        }
        return Optional.ofNullable(rule).filter(HandlerRules::wellFormed);
    }

    /** Roles go with Audience.ROLES and with nothing else; Audience.SYSTEMS names the scopes that admit a system. */
    static boolean wellFormed(AccessRule rule) {
        return (rule.audience() == Audience.ROLES) == (rule.roles().length > 0)
                && (rule.audience() != Audience.SYSTEMS || rule.scopes().length > 0);
    }

    /** Whether the handler (a handler method's bean, or the handler object itself) is on the framework list. */
    public static boolean isFramework(Object handler) {
        Class<?> type = handler instanceof HandlerMethod method ? method.getBeanType() : handler.getClass();
        return FRAMEWORK.stream().anyMatch(allowed -> allowed.isAssignableFrom(type));
    }
}
