package io.zhida.identity.web;

import io.zhida.platform.TooManyRequestsException;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
@Controller
class LoginController {

    private final io.zhida.identity.internal.OidcSignIn sso;

    LoginController(io.zhida.identity.internal.OidcSignIn sso) {
        this.sso = sso;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String retry,
                 @RequestParam(name = "sso", required = false) String ssoOutcome, jakarta.servlet.http.HttpServletRequest request,
                 Model model) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (error != null) {
            model.addAttribute("error", "wait".equals(error) ? "尝试过于频繁，请 " + waitText(retry) + "后再试" : "用户名或密码错误");
        }
        if ("refused".equals(ssoOutcome) && session != null && session.getAttribute(io.zhida.identity.internal.OidcSignIn.REFUSAL) instanceof String why) {
            model.addAttribute("error", why);
            session.removeAttribute(io.zhida.identity.internal.OidcSignIn.REFUSAL);
        } else if ("failed".equals(ssoOutcome)) {
            model.addAttribute("error", "统一身份认证登录未完成，请重试");
        }
        model.addAttribute("ssoPath", sso.enabled() ? "/oauth2/authorization/" + sso.registrationId() : null);
        return "identity/login";
    }

    private static String waitText(String retry) {
        return retry != null && retry.matches("\\d{1,6}") ? TooManyRequestsException.waitText(Long.parseLong(retry)) : "稍";
    }
}
