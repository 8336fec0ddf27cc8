package io.zhida.applications;

import io.zhida.applications.internal.ApplicationRows;
import io.zhida.applications.internal.RecordRows;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.identity.AuditLog;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 专窗: accept, return for 补正, refuse, and dispatch (交办) to the responsible departments. */
@Service
public class WindowDesk {

    private final ApplicationRows rows;
    private final RecordRows records;
    private final ApplicationAccess access;
    private final TimeLimits limits;
    private final Progress progress;
    private final PolicyCatalog catalog;
    private final AuditLog audit;

    WindowDesk(ApplicationRows rows, RecordRows records, ApplicationAccess access, TimeLimits limits, Progress progress,
               PolicyCatalog catalog, AuditLog audit) {
        this.rows = rows;
        this.records = records;
        this.access = access;
        this.limits = limits;
        this.progress = progress;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** What the window's queue holds: waiting to be accepted or dispatched, and returned ones. */
    public static final List<Application.Status> QUEUE_STATES = List.of(Application.Status.SUBMITTED, Application.Status.ACCEPTED,
            Application.Status.RETURNED);

    /** The window's queue (the clerk's county, or the whole city), optionally of one of its states; status null = all of them. */
    public Listing<Application> queue(ZhidaUser user, Application.Status status) {
        return rows.inStatus(QUEUE_STATES.stream().map(Enum::name).toList(), user.seesWholeCity() ? null : user.regionCode(),
                status == null ? null : status.name());
    }

    @Transactional
    public void accept(long id, ZhidaUser user) {
        Application a = load(id, user);
        if (rows.accept(id) == 0) {
            throw wrongState(a);
        }
        records.event(id, user.getUsername(), "ACCEPTED", "专窗受理", "受理人 " + user.displayName());
        audit.record("application.accept", "application", a.number(), "受理", a.status().name(), "ACCEPTED");
        progress.tell(a, "申报已受理：" + a.itemName(), "您的申报已由政务服务中心惠企政策专窗受理，即将交办责任部门审核。");
    }

    @Transactional
    public void returnForCorrection(long id, String missing, ZhidaUser user) {
        if (missing == null || missing.isBlank()) {
            throw new InvalidInputException("note", "请写明需要补正的内容");
        }
        Application a = load(id, user);
        if (rows.returnForCorrection(id, missing.trim()) == 0) {
            throw wrongState(a);
        }
        limits.pauseWindow(id);
        records.event(id, user.getUsername(), "RETURNED", "退回补正（计时暂停）", missing.trim());
        audit.record("application.return", "application", a.number(), "退回补正", null, missing);
        progress.tell(a, "请补正申报材料：" + a.itemName(), "专窗审查后需要您补正：" + missing.trim() + "\n补正期间办理时限暂停计算。");
    }

    @Transactional
    public void refuse(long id, String reason, ZhidaUser user) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "不予受理须写明理由");
        }
        Application a = load(id, user);
        if (rows.refuse(id, reason.trim()) == 0) {
            throw wrongState(a);
        }
        limits.closeAll(id);
        records.event(id, user.getUsername(), "REFUSED", "不予受理", reason.trim());
        audit.record("application.refuse", "application", a.number(), "不予受理", a.status().name(), reason);
        progress.tell(a, "申报不予受理：" + a.itemName(), "理由：" + reason.trim() + "\n欢迎对本次服务进行评价。");
    }

    /** 交办: the window's clock stops, each responsible department's clocks start. */
    @Transactional
    public void dispatch(long id, ZhidaUser user) {
        Application a = load(id, user);
        if (rows.dispatch(id) == 0) {
            throw new InvalidInputException("status", a.status() == Application.Status.SUBMITTED ? "请先受理再交办" : "该申报当前状态（"
                    + a.status().label() + "）不能交办");
        }
        limits.close(id, TimeLimitTask.Kind.WINDOW, null);
        Integer days = catalog.version(a.itemCode(), a.itemVersion()).map(i -> i.content().timeLimitDays()).orElse(null);
        for (String department : a.departments()) {
            records.openReview(id, department);
            limits.openDepartment(id, department, days);
        }
        String units = String.join("、", a.departments().stream().map(limits::departmentName).toList());
        records.event(id, user.getUsername(), "DISPATCHED", "交办责任部门", "交办至 " + units + "（附交办通知书）");
        audit.record("application.dispatch", "application", a.number(), "交办 " + units, null, a.departments());
        progress.tell(a, "申报已交办审核：" + a.itemName(), "已交办 " + units + " 审核，部门将在 1 个工作小时内签收，"
                + (days == null ? 10 : days) + " 个工作日内办结。");
    }

    private Application load(long id, ZhidaUser user) {
        Application a = rows.lock(id).orElseThrow(() -> new NotFoundException("没有这份申报"));
        access.requireWindow(user, a);
        return a;
    }

    private static InvalidInputException wrongState(Application a) {
        return new InvalidInputException("status", "该申报当前状态为“" + a.status().label() + "”，不能进行此操作");
    }
}
