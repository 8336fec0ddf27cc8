package io.zhida.identity;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what, by name: one list for the whole platform instead of a {@code requireStaff} in each controller that
 * meant something else in each. A handler's {@link AccessRule} lets a request in (deny by default); a policy is the
 * finer check a service or page makes on the user ({@code AccessPolicy.FUNDS_PAYMENT.require(user)}).
 */
public enum AccessPolicy {

    /** Users, organisations, enterprise data administration, tag rules, the outbox. */
    ADMINISTRATION("系统管理", Role.ADMIN),
    /** Writing and importing the policy library. */
    POLICY_AUTHORING("政策编制", Role.AUTHOR, Role.ADMIN),
    /** Reviewing drafts before publication. */
    POLICY_REVIEW("政策审核", Role.REVIEWER, Role.DEPT_HEAD),
    /** The policy sandbox (沙盘推演) on drafts. */
    SANDBOX("沙盘推演", Role.AUTHOR, Role.ADMIN, Role.REVIEWER, Role.DEPT_HEAD, Role.LEADER, Role.EVALUATOR),
    /** Looking at pools, grants, runs and batches. */
    FUNDS_OVERSIGHT("资金查看", Role.FINANCE, Role.ADMIN, Role.LEADER, Role.EVALUATOR),
    /** Paying: batches, bank results, reminders, 免申即享 confirmation. */
    FUNDS_PAYMENT("资金兑付", Role.FINANCE, Role.ADMIN),
    /** 公示 objections, which the responsible departments answer too. */
    OBJECTION_HANDLING("公示异议处理", Role.FINANCE, Role.ADMIN, Role.LEADER, Role.EVALUATOR, Role.REVIEWER, Role.DEPT_HEAD),
    /** 督办: overdue steps, reminders. */
    SUPERVISION("督办", Role.DEPT_HEAD, Role.EVALUATOR, Role.ADMIN),
    /** The three rates, campaigns, 背靠背 results and the ledger, to read. */
    EVALUATION_READING("评价查看", Role.EVALUATOR, Role.LEADER, Role.ADMIN),
    /** Running evaluations and the ledger. */
    EVALUATION_WORK("评价督查", Role.EVALUATOR, Role.ADMIN),
    /** The monthly and quarterly 兑现 reports. */
    REPORT_READING("报表查看", Role.LEADER, Role.EVALUATOR, Role.ADMIN, Role.FINANCE),
    /** 纪检监察: opening, joining and closing clues is the inspector's alone. */
    DISCIPLINE("纪检监察", Role.INSPECTOR),
    /** 帮办代办: offering help is the 政策专员's. */
    ASSISTANCE("帮办代办", Role.AGENT),
    /** Any government staff member (anyone who is not only an enterprise's user). */
    STAFF("工作人员");

    private final String label;
    private final Set<Role> roles;

    AccessPolicy(String label, Role... roles) {
        this.label = label;
        this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
    }

    public String label() {
        return label;
    }

    public boolean allows(ZhidaUser user) {
        if (user == null) {
            return false;
        }
        return this == STAFF ? !user.isEnterpriseOnly() && !user.roles().isEmpty() : roles.stream().anyMatch(user::has);
    }

    /** Refuses (403) anyone the policy does not allow. */
    public void require(ZhidaUser user) {
        if (!allows(user)) {
            throw new AccessDeniedException(name() + " (" + label + ") only");
        }
    }
}
