package io.zhida.identity.web;

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
    String login(@RequestParam(required = false) String error, Model model) {
        if (error != null) {
            model.addAttribute("error", switch (error) {
                case "locked" -> "密码错误次数过多，账户已临时锁定，请稍后再试或联系管理员解锁";
                case "disabled" -> "账户已停用，请联系管理员";
                default -> "用户名或密码错误";
            });
        }
        return "identity/login";
    }
}
