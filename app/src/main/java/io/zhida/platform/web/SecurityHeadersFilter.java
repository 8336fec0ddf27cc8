package io.zhida.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content-Security-Policy without inline script on every response, so injected markup cannot run
 * (page data travels in HTML attributes, behaviour in /js/*.js), and a Referrer-Policy that keeps
 * query strings — search words, record ids — inside the platform. Inline styles stay allowed: the
 * templates and ECharts use them and they cannot run code.
 */
final class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    private final String policy;

    SecurityHeadersFilter() {
        this(null);
    }

    /**
     * {@code signInOrigin}: the identity provider's origin, where signing out continues (a form's redirect is bound by
     * form-action, so the provider's end-session page must be named there); null without single sign-on.
     */
    SecurityHeadersFilter(String signInOrigin) {
        this.policy = signInOrigin == null ? CONTENT_SECURITY_POLICY
                : CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + signInOrigin);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        chain.doFilter(request, response);
    }
}
