package io.zhida.applications.web;

import io.zhida.platform.FormActions;

import io.zhida.applications.Application;
import io.zhida.applications.ApplicationAccess;
import io.zhida.applications.Applications;
import io.zhida.applications.Countdown;
import io.zhida.applications.Decisions;
import io.zhida.applications.DispatchNotice;
import io.zhida.applications.Ratings;
import io.zhida.applications.TimeLimitTask;
import io.zhida.applications.TimeLimits;
import io.zhida.applications.WindowDesk;
import io.zhida.applications.internal.RecordRows;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.Inputs;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One application: the timeline, the clocks, and the actions the signed-in person may take. */
@AccessRule(roles = {Role.ENTERPRISE, Role.CLERK, Role.REVIEWER, Role.DEPT_HEAD, Role.FINANCE, Role.EVALUATOR, Role.LEADER, Role.ADMIN}, scope = DataScope.OWN_DEPARTMENT)
@Controller
class ApplicationController {

    /** Steps of the department's own deliberation (四眼 on the amount): the applicant sees the decision, not these. */
    private static final java.util.Set<String> INTERNAL_STEPS = java.util.Set.of("AMOUNT_PROPOSED", "AMOUNT_RETURNED", "AMOUNT_CONFIRMED");

    record TaskView(TimeLimitTask task, Countdown countdown, String unit) {
    }

    private final Applications applications;
    private final WindowDesk window;
    private final Decisions decisions;
    private final Ratings ratings;
    private final TimeLimits limits;
    private final ApplicationAccess access;
    private final DispatchNotice notice;
    private final io.zhida.applications.Withdrawals withdrawals;

    ApplicationController(Applications applications, WindowDesk window, Decisions decisions, Ratings ratings, TimeLimits limits,
                          ApplicationAccess access, DispatchNotice notice, io.zhida.applications.Withdrawals withdrawals) {
        this.withdrawals = withdrawals;
        this.applications = applications;
        this.window = window;
        this.decisions = decisions;
        this.ratings = ratings;
        this.limits = limits;
        this.access = access;
        this.notice = notice;
    }

    @GetMapping("/applications/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        Application a = applications.get(id, user);
        model.addAttribute("a", a);
        boolean applicant = user.isEnterpriseOnly();
        model.addAttribute("timeline", applications.timeline(id).stream() // the department's internal four-eyes steps are not the applicant's
                .filter(e -> !applicant || !INTERNAL_STEPS.contains(e.step())).toList());
        model.addAttribute("files", applications.files(id));
        model.addAttribute("tasks", limits.forApplication(id).stream()
                .map(t -> new TaskView(t, limits.countdown(t), limits.departmentName(t.departmentCode()))).toList());
        model.addAttribute("reviews", decisions.reviews(id));
        model.addAttribute("scores", decisions.scores(id));
        model.addAttribute("criteria", Decisions.CRITERIA);
        model.addAttribute("rating", ratings.rating(id).orElse(null));
        model.addAttribute("departmentNames", a.departments().stream().map(limits::departmentName).toList());
        boolean owner = user.has(Role.ENTERPRISE) && a.uscc().equals(user.enterpriseUscc());
        model.addAttribute("owner", owner);
        model.addAttribute("canWithdraw", owner && io.zhida.applications.Withdrawals.possible(a));
        model.addAttribute("windowClerk", user.has(Role.CLERK) && user.canSeeRegion(a.region()));
        String myDepartment = (user.has(Role.REVIEWER) || user.has(Role.DEPT_HEAD))
                ? access.departmentCode(user).filter(a.departments()::contains).orElse(null) : null;
        model.addAttribute("myDepartment", myDepartment);
        model.addAttribute("myReview", decisions.reviews(id).stream().filter(r -> r.departmentCode().equals(myDepartment)).findFirst().orElse(null));
        model.addAttribute("lead", myDepartment != null && myDepartment.equals(a.departments().get(0)));
        model.addAttribute("proposal", myDepartment == null ? null : decisions.proposal(id, myDepartment).orElse(null));
        model.addAttribute("canConfirm", myDepartment != null && user.has(Role.DEPT_HEAD));
        model.addAttribute("supervisor", user.has(Role.DEPT_HEAD) || user.has(Role.EVALUATOR));
        return "applications/detail";
    }

    @AccessRule(roles = Role.CLERK, scope = DataScope.OWN_COUNTY)
    @PostMapping("/applications/{id}/accept")
    String accept(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> window.accept(id, user), "已受理", back(id), flash);
    }

    @AccessRule(roles = Role.CLERK, scope = DataScope.OWN_COUNTY)
    @PostMapping("/applications/{id}/return")
    String returnForCorrection(@PathVariable long id, @RequestParam(required = false) String note, @AuthenticationPrincipal ZhidaUser user,
                               RedirectAttributes flash) {
        return FormActions.run(() -> window.returnForCorrection(id, note, user), "已退回补正，办理时限暂停", back(id), flash);
    }

    @AccessRule(roles = Role.CLERK, scope = DataScope.OWN_COUNTY)
    @PostMapping("/applications/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam(required = false) String reason, @AuthenticationPrincipal ZhidaUser user,
                  RedirectAttributes flash) {
        return FormActions.run(() -> window.refuse(id, reason, user), "已作不予受理", back(id), flash);
    }

    @AccessRule(roles = Role.CLERK, scope = DataScope.OWN_COUNTY)
    @PostMapping("/applications/{id}/dispatch")
    String dispatch(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> window.dispatch(id, user), "已交办，交办通知书已生成", back(id), flash);
    }

    @AccessRule(roles = {Role.REVIEWER, Role.DEPT_HEAD}, scope = DataScope.OWN_DEPARTMENT)
    @PostMapping("/applications/{id}/respond")
    String respond(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> decisions.respond(id, user), "已签收", back(id), flash);
    }

    @AccessRule(roles = {Role.REVIEWER, Role.DEPT_HEAD}, scope = DataScope.OWN_DEPARTMENT)
    @PostMapping("/applications/{id}/score")
    String score(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal ZhidaUser user,
                 RedirectAttributes flash) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String criterion : Decisions.CRITERIA.keySet()) {
            String value = form.get("score-" + criterion);
            try {
                scores.put(criterion, value == null || value.isBlank() ? null : Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                scores.put(criterion, -1);
            }
        }
        return FormActions.run(() -> decisions.score(id, user, scores, form.get("comment")), "评分已保存", back(id), flash);
    }

    @AccessRule(roles = {Role.REVIEWER, Role.DEPT_HEAD}, scope = DataScope.OWN_DEPARTMENT)
    @PostMapping("/applications/{id}/decide")
    String decide(@PathVariable long id, @RequestParam boolean approve, @RequestParam(required = false) String amount,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String amountReason,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> decisions.decide(id, user, approve, Inputs.optionalMoney(amount, "amount", "核定金额"), reason, amountReason),
                approve ? "审核意见已提交" : "已作不予通过决定", back(id), flash);
    }

    /** 四眼: the department head confirms or returns an amount that differs from the platform's estimate. */
    @AccessRule(roles = Role.DEPT_HEAD, scope = DataScope.OWN_DEPARTMENT)
    @PostMapping("/applications/{id}/confirm-amount")
    String confirmAmount(@PathVariable long id, @RequestParam boolean accept, @RequestParam(required = false) String note,
                         @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> decisions.confirmAmount(id, user, accept, note), accept ? "已确认核定金额" : "已退回核定金额", back(id), flash);
    }

    @AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
    @PostMapping("/applications/{id}/rate")
    String rate(@PathVariable long id, @RequestParam(defaultValue = "0") int stars, @RequestParam(required = false) String comment,
                @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> ratings.rate(id, user, stars, comment), "感谢您的评价", back(id), flash);
    }

    @AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
    @PostMapping("/applications/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, @AuthenticationPrincipal ZhidaUser user,
                    RedirectAttributes flash) {
        return FormActions.run(() -> withdrawals.withdraw(id, user, reason), "申报已撤回，如仍符合条件可重新申报", back(id), flash);
    }

    @AccessRule(roles = {Role.DEPT_HEAD, Role.EVALUATOR, Role.ADMIN}, scope = DataScope.OWN_DEPARTMENT)
    @PostMapping("/applications/{id}/tasks/{taskId}/remind")
    String remind(@PathVariable long id, @PathVariable long taskId, @RequestParam(required = false) String note,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.SUPERVISION.require(user);
        Application a = applications.get(id, user);
        return FormActions.run(() -> limits.remind(a, taskId, note), "已催办", back(id), flash);
    }

    @GetMapping("/applications/{id}/dispatch-notice.pdf")
    ResponseEntity<byte[]> dispatchNotice(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user) {
        byte[] pdf = notice.pdf(id, user);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("交办通知书-" + id + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    @GetMapping("/applications/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId, @AuthenticationPrincipal ZhidaUser user) {
        RecordRows.StoredFile file = applications.file(id, fileId, user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    private static String back(long id) {
        return "/applications/" + id;
    }
}
