package io.zhida.enterprise.web;

import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.identity.ZhidaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/v1/enterprises and /api/v1/enterprises/{uscc}, within the caller's data scope. */
@RestController
class EnterpriseApiController {

    private final EnterpriseProfiles profiles;

    EnterpriseApiController(EnterpriseProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/enterprises/{uscc}")
    EnterpriseProfile get(@PathVariable String uscc, @AuthenticationPrincipal ZhidaUser user) {
        return profiles.get(uscc, user);
    }

    @GetMapping("/api/v1/enterprises")
    EnterpriseProfiles.Page search(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                   @AuthenticationPrincipal ZhidaUser user) {
        return profiles.search(q, region, Math.max(0, page), Math.min(Math.max(1, size), 200), user);
    }
}
