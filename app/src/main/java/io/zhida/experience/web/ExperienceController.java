package io.zhida.experience.web;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.experience.ExperienceTask;
import io.zhida.experience.Findings;
import io.zhida.experience.Pool;
import io.zhida.experience.Tasks;
import io.zhida.experience.internal.ExperienceRows;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.FormActions;
import io.zhida.platform.PageQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Experience tasks: the evaluation office sends and verifies; the officer tests, reports and re-checks. */
@AccessRule(roles = {Role.EVALUATOR, Role.LEADER, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@Controller
class ExperienceController {

    /** A questionnaire has a dozen questions or so; more answers than this are not read. */
    private static final int MAX_QUESTIONS = 50;

    private final Tasks tasks;
    private final Findings findings;
    private final Pool pool;
    private final PolicyCatalog catalog;
    private final Organisations organisations;

    ExperienceController(Tasks tasks, Findings findings, Pool pool, PolicyCatalog catalog, Organisations organisations) {
        this.tasks = tasks;
        this.findings = findings;
        this.pool = pool;
        this.catalog = catalog;
        this.organisations = organisations;
    }

    @GetMapping("/experience")
    String overview(@RequestParam(required = false) ExperienceTask.Status status, PageQuery page, Model model) {
        model.addAttribute("figures", findings.figures());
        model.addAttribute("tasks", tasks.all(status).page(page));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ExperienceTask.Status.values());
        model.addAttribute("items", catalog.onlineItems());
        model.addAttribute("channels", ExperienceTask.Channel.values());
        model.addAttribute("officers", pool.activeOfficers());
        return "experience/overview";
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/experience/tasks")
    String create(@RequestParam(required = false) String item, @RequestParam(required = false) ExperienceTask.Channel channel,
                  @RequestParam(required = false) String officer, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> tasks.create(user, item, channel, officer, due), "已派发体验任务", "/experience", flash);
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.LEADER, Role.ADMIN, Role.OFFICER}, scope = DataScope.OWN_ACCOUNT)
    @GetMapping("/experience/tasks/{id}")
    String task(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        ExperienceTask t = tasks.view(id, user);
        model.addAttribute("t", t);
        model.addAttribute("findings", tasks.findings(id));
        model.addAttribute("officerView", user.has(Role.OFFICER) && user.getUsername().equals(t.officer()));
        model.addAttribute("verifier", user.has(Role.EVALUATOR) || user.has(Role.ADMIN));
        model.addAttribute("departments", organisations.departments());
        model.addAttribute("verdicts", ExperienceTask.Verdict.values());
        return "experience/task";
    }

    @AccessRule(roles = Role.OFFICER, scope = DataScope.OWN_ACCOUNT)
    @PostMapping("/experience/tasks/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) String summary, MultipartHttpServletRequest request,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) throws IOException {
        List<Tasks.Report> reports = new ArrayList<>();
        for (int i = 0; i < MAX_QUESTIONS && (request.getParameter("answer-" + i) != null || request.getParameter("note-" + i) != null); i++) {
            String answer = request.getParameter("answer-" + i);
            ExperienceTask.Verdict verdict;
            try {
                verdict = ExperienceTask.Verdict.valueOf(answer);
            } catch (IllegalArgumentException e) {
                verdict = null;
            }
            MultipartFile file = request.getFile("evidence-" + i);
            boolean has = file != null && !file.isEmpty();
            reports.add(new Tasks.Report(verdict, request.getParameter("note-" + i), has ? file.getOriginalFilename() : null,
                    has ? file.getBytes() : null));
        }
        String redirect = FormActions.run(() -> tasks.submit(user, id, reports, summary), "体验结果已提交，待组织核查", "/experience/tasks/" + id, flash);
        if (flash.getFlashAttributes().containsKey("error")) { // refused: the officer finds the answers as they were, not reset
            java.util.Map<String, String> draft = new java.util.HashMap<>();
            request.getParameterMap().forEach((name, values) -> {
                if ((name.startsWith("answer-") || name.startsWith("note-") || name.equals("summary")) && values.length > 0 && values[0].length() <= 2000) {
                    draft.put(name, values[0]);
                }
            });
            flash.addFlashAttribute("draft", draft);
        }
        return redirect;
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/experience/findings/{id}/verify")
    String verify(@PathVariable long id, @RequestParam long task, @RequestParam boolean confirm, @RequestParam(required = false) String department,
                  @RequestParam(defaultValue = "10") int workingDays, @RequestParam(required = false) String note,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> findings.verify(user, id, confirm, department, workingDays, note),
                confirm ? "已核查属实并纳入整改台账" : "已核查为不属实", "/experience/tasks/" + task, flash);
    }

    @AccessRule(roles = Role.OFFICER, scope = DataScope.OWN_ACCOUNT)
    @PostMapping("/experience/findings/{id}/recheck")
    String recheck(@PathVariable long id, @RequestParam boolean passed, @RequestParam(required = false) String note,
                   @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> findings.recheck(user, id, passed, note), passed ? "复查通过，已反馈督查部门" : "复查未通过，已反馈督查部门",
                "/experience/my", flash);
    }

    @AccessRule(roles = Role.OFFICER, scope = DataScope.OWN_ACCOUNT)
    @GetMapping("/experience/my")
    String mine(PageQuery page, @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("tasks", tasks.mine(user).page(page));
        model.addAttribute("followed", findings.followedBy(user));
        return "experience/mine";
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.LEADER, Role.ADMIN, Role.OFFICER}, scope = DataScope.OWN_ACCOUNT)
    @GetMapping("/experience/findings/{id}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user) {
        ExperienceRows.Evidence e = findings.evidence(id, user, tasks);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.type()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(e.name(), StandardCharsets.UTF_8).build().toString())
                .body(e.content());
    }
}
