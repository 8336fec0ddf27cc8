package io.zhida.identity.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/** "保持登录" in the warning before a session expires: any request by the signed-in person renews the session. */
@Controller
class SessionController {

    @AccessRule(audience = Audience.SIGNED_IN, scope = DataScope.OWN_ACCOUNT)
    @PostMapping("/session/keep")
    ResponseEntity<Void> keep() {
        return ResponseEntity.noContent().build();
    }
}
