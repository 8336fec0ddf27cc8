package io.zhida.assistance;

import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who sees a 帮办 request: the enterprise its own; a 专员 those given to them; the centre (window clerks) those of its
 * county, or all at city level; supervisors, leaders and administrators all.
 */
final class AssistanceAccess {

    private AssistanceAccess() {
    }

    static boolean canView(ZhidaUser user, AssistanceRequest r) {
        if (user.has(Role.ENTERPRISE) && r.uscc().equals(user.enterpriseUscc())) {
            return true;
        }
        if (user.isEnterpriseOnly()) {
            return false;
        }
        if (user.has(Role.AGENT) && user.getUsername().equals(r.agent())) {
            return true;
        }
        if (user.has(Role.CLERK) && user.canSeeRegion(r.region())) {
            return true;
        }
        return user.has(Role.EVALUATOR) || user.has(Role.LEADER) || user.has(Role.ADMIN) || user.has(Role.INSPECTOR);
    }

    static void requireView(ZhidaUser user, AssistanceRequest r) {
        if (!canView(user, r)) {
            throw new AccessDeniedException("not a request of yours");
        }
    }

    static void requireOwner(ZhidaUser user, AssistanceRequest r) {
        if (!user.has(Role.ENTERPRISE) || !r.uscc().equals(user.enterpriseUscc())) {
            throw new AccessDeniedException("the enterprise's own request only");
        }
    }

    static void requireAgent(ZhidaUser user, AssistanceRequest r) {
        if (!user.has(Role.AGENT) || !user.getUsername().equals(r.agent())) {
            throw new AccessDeniedException("the 专员 it was given to only");
        }
    }

    static void requireCentre(ZhidaUser user, AssistanceRequest r) {
        if (!user.has(Role.CLERK) || !user.canSeeRegion(r.region())) {
            throw new AccessDeniedException("the centre of the request's county only");
        }
    }
}
