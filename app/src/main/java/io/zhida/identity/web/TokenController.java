package io.zhida.identity.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.ZhidaUser;
import io.zhida.identity.internal.ApiTokens;
import io.zhida.identity.internal.LoginThrottledException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/v1/auth/token: username and password in, a bearer token out. One 401 for every wrong
 * login (unknown user, wrong password, disabled account), 429 with Retry-After while throttled.
 */
@AccessRule(audience = Audience.PUBLIC, scope = DataScope.OWN_ACCOUNT)
@RestController
class TokenController {

    record TokenRequest(@NotBlank(message = "用户名不能为空") String username,
                        @NotBlank(message = "密码不能为空") String password) {
    }

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;

    TokenController(AuthenticationManager authentication, ApiTokens tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/auth/token")
    ResponseEntity<?> token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password());
        attempt.setDetails(new WebAuthenticationDetails(http));
        try {
            var auth = authentication.authenticate(attempt);
            return ResponseEntity.ok(tokens.issue((ZhidaUser) auth.getPrincipal()));
        } catch (LoginThrottledException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
            problem.setTitle("请求过多");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
        } catch (AuthenticationException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "用户名或密码错误");
            problem.setTitle("认证失败");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
    }
}
