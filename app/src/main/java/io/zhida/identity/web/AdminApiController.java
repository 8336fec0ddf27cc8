package io.zhida.identity.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.AuditLog;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read access for administrators' scripts: people, organisations, the audit log. */
@AccessRule(roles = Role.ADMIN, scope = DataScope.WHOLE_CITY)
@RestController
@RequestMapping("/api/v1/admin")
class AdminApiController {

    private final UserAdministration users;
    private final Organisations organisations;
    private final AuditLog audit;

    AdminApiController(UserAdministration users, Organisations organisations, AuditLog audit) {
        this.users = users;
        this.organisations = organisations;
        this.audit = audit;
    }

    @GetMapping("/users")
    List<UserAdministration.UserSummary> users(@RequestParam(required = false) String q) {
        return users.list(q);
    }

    @GetMapping("/regions")
    List<Organisations.Region> regions() {
        return organisations.regions();
    }

    @GetMapping("/departments")
    List<Organisations.Department> departments() {
        return organisations.departments();
    }

    @GetMapping("/audit")
    AuditLog.Page audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                        @RequestParam(required = false) String text,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return audit.search(new AuditLog.Query(actor, action, null, text, from, to, page, Math.min(Math.max(size, 1), 500)));
    }
}
