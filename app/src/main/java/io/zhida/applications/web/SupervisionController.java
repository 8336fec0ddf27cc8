package io.zhida.applications.web;

import io.zhida.applications.ApplicationAccess;
import io.zhida.applications.Decisions;
import io.zhida.applications.TimeLimits;
import io.zhida.applications.WindowDesk;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The work queues: the window's, a department's, and 督办 of overdue tasks. */
@Controller
class SupervisionController {

    private final WindowDesk window;
    private final Decisions decisions;
    private final TimeLimits limits;
    private final ApplicationAccess access;

    SupervisionController(WindowDesk window, Decisions decisions, TimeLimits limits, ApplicationAccess access) {
        this.window = window;
        this.decisions = decisions;
        this.limits = limits;
        this.access = access;
    }

    @GetMapping("/window")
    String windowQueue(@AuthenticationPrincipal ZhidaUser user, Model model) {
        if (!user.has(Role.CLERK)) {
            throw new AccessDeniedException("window clerks only");
        }
        model.addAttribute("applications", window.queue(user));
        model.addAttribute("title", "专窗受理");
        return "applications/queue";
    }

    @GetMapping("/review")
    String reviewQueue(@RequestParam(defaultValue = "true") boolean open, @AuthenticationPrincipal ZhidaUser user, Model model) {
        if (!user.has(Role.REVIEWER) && !user.has(Role.DEPT_HEAD)) {
            throw new AccessDeniedException("reviewers only");
        }
        model.addAttribute("applications", decisions.queue(user, open));
        model.addAttribute("title", open ? "部门审核（待办）" : "部门审核（已办）");
        model.addAttribute("reviewOpen", open);
        return "applications/queue";
    }

    @GetMapping("/supervision")
    String supervision(@AuthenticationPrincipal ZhidaUser user, Model model) {
        requireSupervisor(user);
        String department = user.has(Role.EVALUATOR) || user.has(Role.ADMIN) ? null : access.departmentCode(user).orElse("-");
        model.addAttribute("tasks", limits.overdue(department).stream()
                .map(t -> new ApplicationController.TaskView(t, limits.countdown(t), limits.departmentName(t.departmentCode()))).toList());
        return "applications/supervision";
    }

    static void requireSupervisor(ZhidaUser user) {
        if (!user.has(Role.DEPT_HEAD) && !user.has(Role.EVALUATOR) && !user.has(Role.ADMIN)) {
            throw new AccessDeniedException("department heads and evaluation officers only");
        }
    }
}
