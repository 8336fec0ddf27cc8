package io.zhida.applications;

import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on an application: the enterprise its own only; the window its county (or the
 * city); a department what was dispatched to it; finance officers those of their data scope;
 * evaluation officers, leaders and administrators may read all.
 */
@Component
public class ApplicationAccess {

    private final Organisations organisations;

    ApplicationAccess(Organisations organisations) {
        this.organisations = organisations;
    }

    public Optional<String> departmentCode(ZhidaUser user) {
        return organisations.departmentCodeOf(user);
    }

    public boolean canView(ZhidaUser user, Application a) {
        if (user.has(Role.ENTERPRISE) && a.uscc().equals(user.enterpriseUscc())) {
            return true;
        }
        if (user.isEnterpriseOnly()) {
            return false;
        }
        if (user.has(Role.ADMIN) || user.has(Role.LEADER) || user.has(Role.EVALUATOR)) {
            return true;
        }
        if (user.has(Role.FINANCE) && user.canSeeRegion(a.region())) { // a county's finance officer: that county's only
            return true;
        }
        if (user.has(Role.CLERK) && user.canSeeRegion(a.region())) {
            return true;
        }
        return (user.has(Role.REVIEWER) || user.has(Role.DEPT_HEAD)) && departmentCode(user).map(a.departments()::contains).orElse(false);
    }

    public void requireView(ZhidaUser user, Application a) {
        if (!canView(user, a)) {
            throw new AccessDeniedException("not your application");
        }
    }

    public void requireOwner(ZhidaUser user, Application a) {
        if (!user.has(Role.ENTERPRISE) || !a.uscc().equals(user.enterpriseUscc())) {
            throw new AccessDeniedException("not your application");
        }
    }

    public void requireWindow(ZhidaUser user, Application a) {
        if (!user.has(Role.CLERK) || !user.canSeeRegion(a.region())) {
            throw new AccessDeniedException("window clerks of the application's county only");
        }
    }

    /** @return the reviewing department of this user for the application */
    public String requireDepartment(ZhidaUser user, Application a) {
        if (!user.has(Role.REVIEWER) && !user.has(Role.DEPT_HEAD)) {
            throw new AccessDeniedException("reviewers only");
        }
        return departmentCode(user).filter(a.departments()::contains)
                .orElseThrow(() -> new AccessDeniedException("not dispatched to your department"));
    }
}
