package io.zhida.identity.internal;

import io.zhida.identity.AccessRule;
import io.zhida.identity.SystemClient;
import io.zhida.identity.Audience;
import io.zhida.identity.CurrentUser;
import io.zhida.identity.DataScope;
import io.zhida.identity.ZhidaUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Deny by default, the second layer after Spring Security's URL rules: a handler runs only if its
 * module declared an {@link AccessRule} for it and the caller is one it admits. Anonymous callers
 * of a non-public handler are sent to sign in (401 under /api); signed-in ones get 403.
 */
class AccessRuleInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessRuleInterceptor.class);

    private final ClientCallLimit clientLimit;

    AccessRuleInterceptor(ClientCallLimit clientLimit) {
        this.clientLimit = clientLimit;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (HandlerRules.isFramework(handler)) {
            return true;
        }
        Optional<AccessRule> rule = handler instanceof HandlerMethod method ? HandlerRules.ruleOf(method) : Optional.empty();
        Optional<ZhidaUser> user = CurrentUser.get();
        if (rule.isEmpty()) {
            log.warn("Refused {} {}: handler {} declares no access rule", request.getMethod(), request.getRequestURI(), handler);
            throw refusal(user, "no access rule declared for this handler");
        }
        if (rule.get().audience() == Audience.PUBLIC) {
            return true;
        }
        Optional<SystemClient> client = CurrentUser.client();
        if (client.isPresent()) {
            if (Arrays.stream(rule.get().scopes()).noneMatch(client.get()::has)) {
                throw new AccessDeniedException("the handler's access rule admits no scope of client " + client.get().clientId());
            }
            clientLimit.admit(client.get());
            return true;
        }
        if (user.isEmpty()) {
            throw new InsufficientAuthenticationException("sign in first");
        }
        if (!admits(rule.get(), user.get())) {
            throw new AccessDeniedException("the handler's access rule does not admit " + user.get().getUsername());
        }
        return true;
    }

    static boolean admits(AccessRule rule, ZhidaUser user) {
        boolean caller = switch (rule.audience()) {
            case PUBLIC, SIGNED_IN -> true;
            case STAFF -> io.zhida.identity.AccessPolicy.STAFF.allows(user);
            case ROLES -> Arrays.stream(rule.roles()).anyMatch(user::has);
            case SYSTEMS -> false;
        };
        return caller && (rule.scope() != DataScope.WHOLE_CITY || user.seesWholeCity());
    }

    private static RuntimeException refusal(Optional<ZhidaUser> user, String why) {
        return user.isEmpty() ? new InsufficientAuthenticationException(why) : new AccessDeniedException(why);
    }
}
