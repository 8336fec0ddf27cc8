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

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String retry, Model model) {
        if (error != null) {
            model.addAttribute("error", "wait".equals(error) ? "尝试过于频繁，请 " + waitText(retry) + "后再试" : "用户名或密码错误");
        }
        return "identity/login";
    }

    private static String waitText(String retry) {
        return retry != null && retry.matches("\\d{1,6}") ? TooManyRequestsException.waitText(Long.parseLong(retry)) : "稍";
    }
}
