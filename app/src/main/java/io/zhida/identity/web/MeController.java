package io.zhida.identity.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/v1/me: who the token belongs to and what it may see. */
@AccessRule(audience = Audience.SIGNED_IN, scope = DataScope.OWN_ACCOUNT)
@RestController
class MeController {

    record Me(String username, String displayName, List<String> roles, String region, String department,
              String enterprise, boolean wholeCity) {
    }

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal ZhidaUser user) {
        return new Me(user.getUsername(), user.displayName(), user.roles().stream().map(Role::name).toList(),
                user.regionCode(), user.departmentName(), user.enterpriseUscc(), user.seesWholeCity());
    }
}
