package io.zhida.rectification.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.PageQuery;
import io.zhida.platform.Spreadsheet;
import io.zhida.platform.Today;
import io.zhida.rectification.Appeal;
import io.zhida.rectification.Appeals;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 企业诉求: the enterprise's own list and form, the officer's and departments' desk, one appeal's page. */
@Controller
class AppealsController {

    private final Appeals appeals;
    private final Organisations organisations;
    private final Clock clock;

    AppealsController(Appeals appeals, Organisations organisations, Clock clock) {
        this.clock = clock;
        this.appeals = appeals;
        this.organisations = organisations;
    }

    @AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
    @GetMapping("/my/appeals")
    String mine(@AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("appeals", appeals.mine(user));
        model.addAttribute("departments", organisations.cityDepartments());
        model.addAttribute("now", clock.instant());
        return "rectification/my-appeals";
    }

    @AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
    @PostMapping("/my/appeals")
    String submit(@RequestParam(required = false) Appeal.Kind kind, @RequestParam(required = false) String itemCode,
                  @RequestParam(required = false) String departmentCode, @RequestParam(required = false) String content,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        try {
            appeals.submit(user, kind, itemCode, departmentCode, content);
            flash.addFlashAttribute("message", "诉求已提交，我们将尽快交办并在时限内答复");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/my/appeals";
    }

    @AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
    @GetMapping("/my/appeals/export.xlsx")
    ResponseEntity<byte[]> exportMine(@AuthenticationPrincipal ZhidaUser user) {
        try (Spreadsheet sheet = Spreadsheet.of("我的诉求", List.of("编号", "类型", "内容", "状态", "答复", "评价"))) {
            appeals.mine(user).forEach(a -> sheet.row(a.number(), a.kind().label(), a.content(), a.status().label(), a.answer(), a.stars()));
            return Spreadsheet.download("我的诉求-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @AccessRule(audience = Audience.STAFF, scope = DataScope.OWN_DEPARTMENT)
    @GetMapping("/appeals")
    String desk(@RequestParam(required = false) Appeal.Status status, @RequestParam(required = false) Appeal.Kind kind, PageQuery page,
                @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("appeals", appeals.desk(user, status, kind).page(page));
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("statuses", Appeal.Status.values());
        model.addAttribute("kinds", Appeal.Kind.values());
        model.addAttribute("now", clock.instant());
        return "rectification/appeals";
    }

    @AccessRule(audience = Audience.STAFF, scope = DataScope.OWN_DEPARTMENT)
    @GetMapping("/appeals/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Appeal.Status status, @RequestParam(required = false) Appeal.Kind kind,
                                  @AuthenticationPrincipal ZhidaUser user) {
        try (Spreadsheet sheet = Spreadsheet.of("企业诉求", List.of("编号", "企业", "统一社会信用代码", "类型", "承办部门", "内容", "状态",
                "答复时限", "答复", "评价", "是否解决"))) {
            for (Appeal a : appeals.desk(user, status, kind).all()) {
                sheet.row(a.number(), a.enterpriseName(), a.uscc(), a.kind().label(),
                        a.departmentCode() == null ? null : organisations.unitName("DEPARTMENT", a.departmentCode()), a.content(),
                        a.status().label(), a.dueAt() == null ? null : a.dueAt().atZone(Today.ZONE).toLocalDateTime(), a.answer(), a.stars(),
                        a.resolved());
            }
            return Spreadsheet.download("企业诉求-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @AccessRule(audience = Audience.SIGNED_IN, scope = DataScope.OWN_DEPARTMENT)
    @GetMapping("/appeals/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        Appeal a = appeals.view(id, user);
        model.addAttribute("a", a);
        model.addAttribute("departmentName", a.departmentCode() == null ? null : organisations.unitName("DEPARTMENT", a.departmentCode()));
        model.addAttribute("departments", organisations.cityDepartments());
        model.addAttribute("officer", user.has(Role.EVALUATOR) || user.has(Role.ADMIN));
        model.addAttribute("owner", a.uscc().equals(user.enterpriseUscc()));
        model.addAttribute("handler", organisations.departmentCodeOf(user).map(c -> c.equals(a.departmentCode())).orElse(false));
        model.addAttribute("now", clock.instant());
        return "rectification/appeal";
    }

    @AccessRule(audience = Audience.SIGNED_IN, scope = DataScope.OWN_DEPARTMENT)
    @PostMapping("/appeals/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String departmentCode,
               @RequestParam(defaultValue = "5") int workingDays, @RequestParam(required = false) String answer,
               @RequestParam(defaultValue = "0") int stars, @RequestParam(defaultValue = "false") boolean resolved,
               @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        try {
            switch (action) {
                case "dispatch" -> appeals.dispatch(id, departmentCode, workingDays, user);
                case "answer" -> appeals.answer(id, answer, user);
                case "rate" -> appeals.rate(id, stars, resolved, user);
                default -> throw new InvalidInputException("action", "未知操作");
            }
            flash.addFlashAttribute("message", "已保存");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/appeals/" + id;
    }
}
