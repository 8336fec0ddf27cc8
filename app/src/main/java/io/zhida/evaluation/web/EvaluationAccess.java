package io.zhida.evaluation.web;

import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import org.springframework.security.access.AccessDeniedException;

/** Who may look at and run evaluations. */
final class EvaluationAccess {

    private EvaluationAccess() {
    }

    /** The evaluation officer, leaders and administrators read rates, scores and rankings. */
    static void requireReader(ZhidaUser user) {
        if (!user.has(Role.EVALUATOR) && !user.has(Role.LEADER) && !user.has(Role.ADMIN)) {
            throw new AccessDeniedException("evaluation officers and leaders only");
        }
    }

    /** Only the evaluation officer (or an administrator) changes indicators, campaigns and rounds. */
    static void requireOfficer(ZhidaUser user) {
        if (!user.has(Role.EVALUATOR) && !user.has(Role.ADMIN)) {
            throw new AccessDeniedException("evaluation officers only");
        }
    }
}
