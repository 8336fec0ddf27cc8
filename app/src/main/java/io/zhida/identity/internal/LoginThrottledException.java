package io.zhida.identity.internal;

import io.zhida.platform.TooManyRequestsException;
import org.springframework.security.core.AuthenticationException;

/**
 * A login refused before the password was looked at: the client address failed too often, or this
 * username failed too often from this address. Says the same whether or not the user exists.
 */
public class LoginThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    LoginThrottledException(long retryAfterSeconds) {
        super("尝试过于频繁，请 " + TooManyRequestsException.waitText(retryAfterSeconds) + "后再试");
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
