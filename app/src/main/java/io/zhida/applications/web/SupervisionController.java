package io.zhida.applications.web;

import io.zhida.applications.Application;
import io.zhida.applications.ApplicationAccess;
import io.zhida.applications.Decisions;
import io.zhida.applications.TimeLimitTask;
import io.zhida.applications.TimeLimits;
import io.zhida.applications.WindowDesk;
import io.zhida.applications.WorkingTimeText;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.Listing;
import io.zhida.platform.PageQuery;
import io.zhida.platform.Spreadsheet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The work queues: the window's, a department's (待办 and 已办), and 督办 of overdue tasks; a page at a time, exports whole. */
@Controller
class SupervisionController {

    /** What a department's 已办 holds: decided by it, then paid or not. */
    private static final List<Application.Status> DONE_STATES = List.of(Application.Status.APPROVED, Application.Status.REJECTED,
            Application.Status.PAID, Application.Status.WITHDRAWN);

    private final WindowDesk window;
    private final Decisions decisions;
    private final TimeLimits limits;
    private final ApplicationAccess access;
    private final Organisations organisations;
    private final Clock clock;

    SupervisionController(WindowDesk window, Decisions decisions, TimeLimits limits, ApplicationAccess access, Organisations organisations, Clock clock) {
        this.clock = clock;
        this.window = window;
        this.decisions = decisions;
        this.limits = limits;
        this.access = access;
        this.organisations = organisations;
    }

    @AccessRule(roles = Role.CLERK, scope = DataScope.OWN_COUNTY)
    @GetMapping("/window")
    String windowQueue(@RequestParam(required = false) Application.Status status, PageQuery page,
                       @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("applications", windowApplications(user, status).page(page));
        model.addAttribute("title", "专窗受理");
        model.addAttribute("path", "/window");
        model.addAttribute("status", status);
        model.addAttribute("statuses", WindowDesk.QUEUE_STATES);
        model.addAttribute("exportUrl", "/window/export.xlsx");
        return "applications/queue";
    }

    @AccessRule(roles = Role.CLERK, scope = DataScope.OWN_COUNTY)
    @GetMapping("/window/export.xlsx")
    ResponseEntity<byte[]> windowExport(@RequestParam(required = false) Application.Status status, @AuthenticationPrincipal ZhidaUser user) {
        return export("专窗受理待办", windowApplications(user, status).all());
    }

    @AccessRule(roles = {Role.REVIEWER, Role.DEPT_HEAD}, scope = DataScope.OWN_DEPARTMENT)
    @GetMapping("/review")
    String reviewQueue(@RequestParam(defaultValue = "true") boolean open, @RequestParam(required = false) Application.Status status,
                       PageQuery page, @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("applications", reviewApplications(user, open, status).page(page));
        model.addAttribute("awaitingConfirmation", decisions.awaitingConfirmation(user));
        model.addAttribute("title", open ? "部门审核（待办）" : "部门审核（已办）");
        model.addAttribute("reviewOpen", open);
        model.addAttribute("path", "/review");
        model.addAttribute("status", status);
        model.addAttribute("statuses", open ? List.of() : DONE_STATES);
        model.addAttribute("exportUrl", "/review/export.xlsx?open=" + open);
        return "applications/queue";
    }

    @AccessRule(roles = {Role.REVIEWER, Role.DEPT_HEAD}, scope = DataScope.OWN_DEPARTMENT)
    @GetMapping("/review/export.xlsx")
    ResponseEntity<byte[]> reviewExport(@RequestParam(defaultValue = "true") boolean open, @RequestParam(required = false) Application.Status status,
                                        @AuthenticationPrincipal ZhidaUser user) {
        return export(open ? "部门审核待办" : "部门审核已办", reviewApplications(user, open, status).all());
    }

    private Listing<Application> windowApplications(ZhidaUser user, Application.Status status) {
        if (!user.has(Role.CLERK)) {
            throw new AccessDeniedException("window clerks only");
        }
        return window.queue(user, status);
    }

    private Listing<Application> reviewApplications(ZhidaUser user, boolean open, Application.Status status) {
        if (!user.has(Role.REVIEWER) && !user.has(Role.DEPT_HEAD)) {
            throw new AccessDeniedException("reviewers only");
        }
        return decisions.queue(user, open, status);
    }

    private static ResponseEntity<byte[]> export(String title, List<Application> applications) {
        try (Spreadsheet sheet = Spreadsheet.of(title, List.of("申报编号", "企业名称", "统一社会信用代码", "事项编码", "事项",
                "办理方式", "年度", "提交时间", "状态", "测算金额（元）", "核定金额（元）"))) {
            for (Application a : applications) {
                sheet.row(a.number(), a.enterpriseName(), a.uscc(), a.itemCode(), a.itemName(), a.mode().label(), a.period(),
                        WorkingTimeText.format(a.submittedAt()), a.status().label(), a.estimate(), a.approvedAmount());
            }
            return Spreadsheet.download(title + "-" + io.zhida.platform.Today.date() + ".xlsx", sheet.bytes());
        }
    }

    /** 督办: a department head sees his department's overdue steps only, whatever he asks; officers all, or one department's. */
    @AccessRule(roles = {Role.DEPT_HEAD, Role.EVALUATOR, Role.ADMIN}, scope = DataScope.OWN_DEPARTMENT)
    @GetMapping("/supervision")
    String supervision(@RequestParam(required = false) String department, @RequestParam(required = false) TimeLimitTask.Kind kind,
                       PageQuery page, @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("tasks", overdue(user, department, kind).page(page)
                .map(t -> new ApplicationController.TaskView(t, limits.countdown(t), limits.departmentName(t.departmentCode()))));
        model.addAttribute("officer", seesAllDepartments(user));
        model.addAttribute("department", seesAllDepartments(user) ? blankToNull(department) : null);
        model.addAttribute("departments", seesAllDepartments(user) ? organisations.departments() : List.of());
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", TimeLimitTask.Kind.values());
        return "applications/supervision";
    }

    @AccessRule(roles = {Role.DEPT_HEAD, Role.EVALUATOR, Role.ADMIN}, scope = DataScope.OWN_DEPARTMENT)
    @GetMapping("/supervision/export.xlsx")
    ResponseEntity<byte[]> exportSupervision(@RequestParam(required = false) String department, @RequestParam(required = false) TimeLimitTask.Kind kind,
                                             @AuthenticationPrincipal ZhidaUser user) {
        try (Spreadsheet sheet = Spreadsheet.of("超时督办", List.of("申报编号", "企业", "事项", "环节", "责任单位", "时限", "已催办（次）"))) {
            overdue(user, department, kind).all().forEach(t -> sheet.row(t.applicationNumber(), t.enterpriseName(), t.itemName(), t.kind().label(),
                    limits.departmentName(t.departmentCode()), WorkingTimeText.format(t.dueAt()), t.reminders()));
            return Spreadsheet.download("超时督办-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    private Listing<TimeLimitTask> overdue(ZhidaUser user, String department, TimeLimitTask.Kind kind) {
        AccessPolicy.SUPERVISION.require(user);
        String scoped = seesAllDepartments(user) ? blankToNull(department) : access.departmentCode(user).orElse("-");
        return limits.overdueList(scoped, kind);
    }

    private static boolean seesAllDepartments(ZhidaUser user) {
        return user.has(Role.EVALUATOR) || user.has(Role.ADMIN);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
