package io.zhida.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * An expired session does not end in an error page: a form sent after the session expired (its CSRF token is
 * gone with the session) leads to the login page, and after signing in back to the page the form was on.
 * Only paths of this site are followed ("/…", never "//host" or a scheme), so the parameter cannot send
 * anyone elsewhere.
 */
final class ReturnAfterLogin {

    static final String PARAMETER = "continue";

    private ReturnAfterLogin() {
    }

    /** After login: the page to continue on when given and local, else a GET saved by Spring Security, else the workbench. */
    static SavedRequestAwareAuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
                String target = localPath(request.getParameter(PARAMETER));
                return target != null ? target : getDefaultTargetUrl();
            }
        };
        handler.setDefaultTargetUrl("/workbench");
        handler.setTargetUrlParameter(PARAMETER);
        return handler;
    }

    /** A form whose session expired: to the login page, to come back to the page it was sent from. */
    static AccessDeniedHandler expiredForms() {
        AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            boolean signedOut = who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated();
            if (denied instanceof CsrfException && signedOut && !request.getRequestURI().equals("/login")) {
                String back = localPath(referrerPath(request));
                response.sendRedirect(request.getContextPath() + "/login?expired" + (back == null ? ""
                        : "&" + PARAMETER + "=" + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8)));
                return;
            }
            otherwise.handle(request, response, denied);
        };
    }

    private static String referrerPath(HttpServletRequest request) throws IOException {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return null;
            }
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The value when it is a path of this site, else null. */
    static String localPath(String value) {
        if (value == null || value.length() > 500 || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")
                || value.chars().anyMatch(c -> c < 0x20 || c == '\\') || value.startsWith("/login")) {
            return null;
        }
        return value;
    }
}
