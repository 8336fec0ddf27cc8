package io.zhida.applications;

import io.zhida.applications.internal.ApplicationRows;
import io.zhida.applications.internal.RecordRows;
import io.zhida.identity.AuditLog;
import io.zhida.identity.EnterpriseAgents;
import io.zhida.identity.SystemClient;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 撤回申报: the enterprise, or a system it authorized to apply for it, withdraws an application that is not yet decided.
 * Every clock on it stops, the reviewing departments' queues drop it, and the enterprise may apply again.
 */
@Service
public class Withdrawals {

    private static final int MAX_REASON = 500;

    private final ApplicationRows rows;
    private final RecordRows records;
    private final ApplicationAccess access;
    private final TimeLimits limits;
    private final Progress progress;
    private final AuditLog audit;
    private final EnterpriseAgents agents;

    Withdrawals(ApplicationRows rows, RecordRows records, ApplicationAccess access, TimeLimits limits, Progress progress, AuditLog audit,
                EnterpriseAgents agents) {
        this.rows = rows;
        this.records = records;
        this.access = access;
        this.limits = limits;
        this.progress = progress;
        this.audit = audit;
        this.agents = agents;
    }

    /** Whether the application may still be withdrawn (to show the button). */
    public static boolean possible(Application a) {
        return a.status().canMoveTo(Application.Status.WITHDRAWN);
    }

    @Transactional
    public void withdraw(long id, ZhidaUser user, String reason) {
        Application a = rows.lock(id).orElseThrow(() -> new NotFoundException("没有这份申报"));
        access.requireOwner(user, a);
        withdraw(a, user.getUsername(), reason, "");
    }

    /** By the number, for a system holding applications:write that the enterprise authorized to apply for it. */
    @Transactional
    public Application withdrawOnBehalf(SystemClient client, String number, String reason) {
        Application a = rows.findByNumber(number).flatMap(found -> rows.lock(found.id()))
                .orElseThrow(() -> new NotFoundException("没有这份申报"));
        if (!agents.systemMayApply(a.uscc(), client.id())) {
            throw new AccessDeniedException("该企业未授权本系统代为申报");
        }
        withdraw(a, client.actor(), reason, "经企业授权，由「" + client.name() + "」代为撤回；");
        return rows.find(a.id()).orElseThrow();
    }

    private void withdraw(Application a, String actor, String reason, String byWhom) {
        String why = reason(reason);
        if (rows.withdraw(a.id(), why) == 0) {
            throw new InvalidInputException("status", "该申报当前状态为“" + a.status().label() + "”，已不能撤回");
        }
        limits.closeAll(a.id());
        records.event(a.id(), actor, "WITHDRAWN", "撤回申报", byWhom + "撤回原因：" + why);
        audit.record("application.withdraw", "application", a.number(), "撤回申报", a.status().name(), why);
        progress.tell(a, "申报已撤回：" + a.itemName(), "您的申报已撤回（" + why + "）。如仍符合条件，可重新申报。");
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "请写明撤回原因");
        }
        if (why.length() > MAX_REASON || why.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidInputException("reason", "撤回原因不超过 " + MAX_REASON + " 字，且不含控制字符");
        }
        return why;
    }
}
