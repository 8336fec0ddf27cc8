package io.zhida.identity.internal;

import io.zhida.platform.ClientAddress;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts {@link LoginAttempts} around the password check: a throttled attempt never reaches it, a
 * failed one is counted against its client address and username, a successful one clears that
 * pair. The client address comes from the request's {@link WebAuthenticationDetails}.
 */
class GuardedAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginAttempts attempts;

    GuardedAuthenticationProvider(AuthenticationProvider passwords, LoginAttempts attempts) {
        this.passwords = passwords;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String address = ClientAddress.normalise(authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null);
        String username = authentication.getName();
        attempts.check(username, address);
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (AuthenticationException e) {
            attempts.failed(username, address);
            throw e;
        }
        attempts.succeeded(username, address);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
