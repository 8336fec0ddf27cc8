package io.zhida.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends the login page one of two reasons: "bad" for an unknown user, a wrong password or a disabled
 * account alike (so the page never tells which accounts exist), or "wait" with the seconds to wait.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String target = exception instanceof LoginThrottledException throttled
                ? "/login?error=wait&retry=" + throttled.retryAfterSeconds() : "/login?error=bad";
        String back = ReturnAfterLogin.localPath(request.getParameter(ReturnAfterLogin.PARAMETER)); // a second try still goes back
        response.sendRedirect(request.getContextPath() + target + (back == null ? ""
                : "&" + ReturnAfterLogin.PARAMETER + "=" + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8)));
    }
}
