package io.zhida.cockpit.web;

import io.zhida.cockpit.Cockpit;
import io.zhida.cockpit.CockpitSummary;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/v1/cockpit/summary?from=&to=&region=&department=: the headline figures as JSON, scoped like the page. */
@AccessRule(roles = {Role.LEADER, Role.EVALUATOR, Role.ADMIN, Role.FINANCE, Role.DEPT_HEAD}, scope = DataScope.OWN_DEPARTMENT)
@RestController
class CockpitApiController {

    private final Cockpit cockpit;
    private final Organisations organisations;

    CockpitApiController(Cockpit cockpit, Organisations organisations) {
        this.cockpit = cockpit;
        this.organisations = organisations;
    }

    @GetMapping("/api/v1/cockpit/summary")
    CockpitSummary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) String region, @RequestParam(required = false) String department,
                           @AuthenticationPrincipal ZhidaUser user) {
        return cockpit.summary(CockpitController.scoped(organisations, user, from, to, region, department, null, null, null));
    }
}
