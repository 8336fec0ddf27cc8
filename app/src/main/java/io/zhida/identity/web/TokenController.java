package io.zhida.identity.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.ZhidaUser;
import io.zhida.identity.internal.ApiTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/v1/auth/token: username and password in, a bearer token out. */
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
    ResponseEntity<?> token(@Valid @RequestBody TokenRequest request) {
        try {
            var auth = authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
            return ResponseEntity.ok(tokens.issue((ZhidaUser) auth.getPrincipal()));
        } catch (AuthenticationException e) {
            String detail = e instanceof LockedException ? "密码错误次数过多，账户已临时锁定"
                    : e instanceof DisabledException ? "账户已停用" : "用户名或密码错误";
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
            problem.setTitle("认证失败");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
    }
}
