package io.zhida.discipline.web;

import io.zhida.discipline.Clue;
import io.zhida.discipline.Clues;
import io.zhida.discipline.Finding;
import io.zhida.discipline.SupervisionFindings;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.FormActions;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.PageQuery;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supervision view and the clues: the inspector reads and hands over; the unit's head answers. */
@AccessRule(roles = {Role.INSPECTOR, Role.LEADER}, scope = DataScope.WHOLE_CITY)
@Controller
class DisciplineController {

    private final SupervisionFindings findings;
    private final Clues clues;
    private final Organisations organisations;

    DisciplineController(SupervisionFindings findings, Clues clues, Organisations organisations) {
        this.findings = findings;
        this.clues = clues;
        this.organisations = organisations;
    }

    @GetMapping("/discipline")
    String findings(@RequestParam(defaultValue = "OVERDUE") Finding.Kind kind, PageQuery page, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", Finding.Kind.values());
        model.addAttribute("counts", findings.counts());
        model.addAttribute("units", departmentNames());
        switch (kind) {
            case OVERDUE -> model.addAttribute("rows", findings.overdue().page(page));
            case LATE_UNIT -> model.addAttribute("lateUnits", findings.lateUnits());
            case DISHONEST_GRANT -> model.addAttribute("rows", findings.dishonestGrants().page(page));
            case AMOUNT_CHANGED -> model.addAttribute("rows", findings.changedAmounts().page(page));
            case SELF_APPROVAL -> model.addAttribute("rows", findings.selfApprovals().page(page));
            case OBJECTION -> model.addAttribute("rows", findings.objections().page(page));
        }
        return "discipline/findings";
    }

    @AccessRule(roles = {Role.INSPECTOR, Role.LEADER, Role.DEPT_HEAD}, scope = DataScope.OWN_DEPARTMENT)
    @GetMapping("/discipline/clues")
    String clues(@RequestParam(required = false) Clue.Status status, PageQuery page, @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("clues", clues.list(user, status).page(page));
        model.addAttribute("status", status);
        model.addAttribute("statuses", Clue.Status.values());
        model.addAttribute("units", departmentNames());
        return "discipline/clues";
    }

    @AccessRule(roles = Role.INSPECTOR, scope = DataScope.WHOLE_CITY)
    @GetMapping("/discipline/clues/new")
    String newClue(@RequestParam(defaultValue = "OTHER") Clue.Source source, @RequestParam(required = false) String ref,
                   @RequestParam(required = false) String department, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String evidence, Model model) {
        model.addAttribute("source", source);
        model.addAttribute("sources", Clue.Source.values());
        model.addAttribute("ref", ref);
        model.addAttribute("department", department);
        model.addAttribute("title", title);
        model.addAttribute("evidence", evidence);
        model.addAttribute("departments", organisations.departments());
        return "discipline/new-clue";
    }

    @AccessRule(roles = Role.INSPECTOR, scope = DataScope.WHOLE_CITY)
    @PostMapping("/discipline/clues")
    String open(@RequestParam(required = false) Clue.Source source, @RequestParam(required = false) String ref,
                @RequestParam(required = false) String department, @RequestParam(required = false) String title,
                @RequestParam(required = false) String evidence, @RequestParam(defaultValue = "5") int workingDays,
                @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        try {
            long id = clues.open(user, source, ref, title, evidence, department, workingDays);
            flash.addFlashAttribute("message", "线索已移送责任单位");
            return "redirect:/discipline/clues/" + id;
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", String.join("；", e.messagesByField().values()));
            return "redirect:/discipline/clues/new";
        }
    }

    @AccessRule(roles = {Role.INSPECTOR, Role.LEADER, Role.DEPT_HEAD}, scope = DataScope.OWN_DEPARTMENT)
    @GetMapping("/discipline/clues/{id}")
    String clue(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        Clue c = clues.view(id, user);
        model.addAttribute("c", c);
        model.addAttribute("events", clues.events(id));
        model.addAttribute("units", departmentNames());
        model.addAttribute("departments", organisations.departments());
        model.addAttribute("inspector", user.has(Role.INSPECTOR));
        model.addAttribute("head", user.has(Role.DEPT_HEAD) && organisations.departmentCodeOf(user).map(c.departmentCode()::equals).orElse(false));
        model.addAttribute("conclusions", Clue.Conclusion.values());
        return "discipline/clue";
    }

    @AccessRule(roles = Role.DEPT_HEAD, scope = DataScope.OWN_DEPARTMENT)
    @PostMapping("/discipline/clues/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String answer, @AuthenticationPrincipal ZhidaUser user,
                  RedirectAttributes flash) {
        return FormActions.run(() -> clues.answer(user, id, answer), "已答复纪检监察", "/discipline/clues/" + id, flash);
    }

    @AccessRule(roles = Role.INSPECTOR, scope = DataScope.WHOLE_CITY)
    @PostMapping("/discipline/clues/{id}/joint")
    String joint(@PathVariable long id, @RequestParam(required = false) List<String> units, @RequestParam(required = false) String plan,
                 @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> clues.joint(user, id, units, plan), "已启动联合督办", "/discipline/clues/" + id, flash);
    }

    @AccessRule(roles = Role.INSPECTOR, scope = DataScope.WHOLE_CITY)
    @PostMapping("/discipline/clues/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) Clue.Conclusion conclusion, @RequestParam(required = false) String result,
                 @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> clues.close(user, id, conclusion, result), "线索已办结", "/discipline/clues/" + id, flash);
    }

    private Map<String, String> departmentNames() {
        return organisations.departments().stream().collect(Collectors.toMap(Organisations.Department::code, Organisations.Department::name, (a, b) -> a));
    }
}
