package io.zhida.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Sign-in through the province's unified identity service (OpenID Connect), next to the local login. After the
 * provider has authenticated the person, {@link OidcAccounts} says who they are here, and the session carries that
 * account as every other one does; a person with no account here goes back to the login page, told why. Signing out
 * of Zhida signs out of the provider too, where it offers an end-session endpoint (RP-initiated logout).
 */
@Component
public class OidcSignIn implements AuthenticationSuccessHandler, LogoutHandler, LogoutSuccessHandler {

    public static final String REFUSAL = "zhida.sso.refusal";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OidcSignIn.class);
    private static final String ID_TOKEN = "zhida.sso.idToken";

    private final OidcAccounts accounts;
    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final String registrationId;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OidcSignIn(OidcAccounts accounts, ObjectProvider<ClientRegistrationRepository> registrations,
               @Value("${zhida.oidc.registration-id:province}") String registrationId) {
        this.accounts = accounts;
        this.registrations = registrations;
        this.registrationId = registrationId;
    }

    /** Whether a provider is configured: the login page offers it and the web security enables it. */
    public boolean enabled() {
        return registration() != null;
    }

    public String registrationId() {
        return registrationId;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OidcUser person = (OidcUser) authentication.getPrincipal();
        OidcAccounts.Outcome outcome = accounts.signIn(String.valueOf(person.getIssuer()), person.getSubject(), person.getClaims());
        if (outcome.user() == null) {
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            request.getSession(true).setAttribute(REFUSAL, outcome.refusal());
            // out of the provider's session too, so the person can sign in there with another account
            response.sendRedirect(endSession(request, person.getIdToken().getTokenValue(), "/login?sso=refused"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(outcome.user(), null, outcome.user().getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        request.getSession().setAttribute(ID_TOKEN, person.getIdToken().getTokenValue());
        response.sendRedirect(request.getContextPath() + "/workbench");
    }

    /** The provider refused, or its answer did not hold (state, signature, issuer): back to the login page, and in the log. */
    public void failed(HttpServletRequest request, HttpServletResponse response, org.springframework.security.core.AuthenticationException e)
            throws IOException {
        log.warn("Single sign-on did not complete: {}", e.getMessage());
        response.sendRedirect(request.getContextPath() + "/login?sso=failed");
    }

    /** Keeps the ID token of a single sign-on session for the provider's logout, before the session goes. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ID_TOKEN) != null) {
            request.setAttribute(ID_TOKEN, session.getAttribute(ID_TOKEN));
        }
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) throws IOException {
        Object idToken = request.getAttribute(ID_TOKEN);
        response.sendRedirect(idToken == null ? request.getContextPath() + "/?logout" : endSession(request, idToken.toString(), "/login?logout"));
    }

    /**
     * The provider's end-session endpoint, which comes back to {@code back} (both must be registered with the provider as
     * post-logout redirect URIs); {@code back} itself when the provider has none.
     */
    private String endSession(HttpServletRequest request, String idToken, String back) {
        ClientRegistration registration = registration();
        Object endSession = registration == null ? null : registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (endSession == null) {
            return request.getContextPath() + back;
        }
        String here = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + request.getContextPath() + back;
        return endSession + "?id_token_hint=" + URLEncoder.encode(idToken, StandardCharsets.UTF_8)
                + "&post_logout_redirect_uri=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
    }

    private ClientRegistration registration() {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        return repository == null ? null : repository.findByRegistrationId(registrationId);
    }
}
