package io.zhida.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API calls that carry "Authorization: Bearer <token>". Not a bean: it belongs to the API chain only. */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String INVALID_TOKEN = "zhida.invalidToken";

    private final ApiTokens tokens;
    private final ClientTokens clients;

    BearerTokenFilter(ApiTokens tokens, ClientTokens clients) {
        this.tokens = tokens;
        this.clients = clients;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            tokens.resolve(token).ifPresentOrElse(user -> {
                var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                SecurityContextHolder.getContext().setAuthentication(auth);
            }, () -> clients.resolve(token).ifPresentOrElse(client -> {
                // a system's authorities are its scopes; the access-rule interceptor admits it only where a handler names one
                var authorities = client.scopes().stream().map(s -> new SimpleGrantedAuthority("SCOPE_" + s.value())).toList();
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client, null, authorities));
            }, () -> request.setAttribute(INVALID_TOKEN, Boolean.TRUE)));
        }
        chain.doFilter(request, response);
    }
}
