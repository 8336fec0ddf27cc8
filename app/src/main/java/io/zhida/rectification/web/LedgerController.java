package io.zhida.rectification.web;

import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.Unit;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.PageQuery;
import io.zhida.platform.Spreadsheet;
import io.zhida.platform.Today;
import io.zhida.rectification.Ledger;
import io.zhida.rectification.Problem;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 整改台账 pages: the list with filters a page at a time (exported whole), 周调度 / 月督导 summaries, a problem's page with its actions. */
@AccessRule(audience = Audience.STAFF, scope = DataScope.OWN_DEPARTMENT)
@Controller
class LedgerController {

    private final Ledger ledger;
    private final Organisations organisations;
    private final Clock clock;

    LedgerController(Ledger ledger, Organisations organisations, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.organisations = organisations;
    }

    @GetMapping("/rectification")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
                @RequestParam(required = false) String unit, @RequestParam(defaultValue = "false") boolean overdue,
                @RequestParam(defaultValue = "week") String view, PageQuery page, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.STAFF.require(user);
        model.addAttribute("problems", ledger.listFor(user, status, unit, category, overdue).page(page));
        LocalDate today = LocalDate.now(clock);
        LocalDate from = view.equals("month") ? today.withDayOfMonth(1) : today.with(DayOfWeek.MONDAY);
        model.addAttribute("summary", ledger.summaryFor(user, from.atStartOfDay(Today.ZONE).toInstant(), today.plusDays(1).atStartOfDay(Today.ZONE).toInstant()));
        model.addAttribute("view", view);
        model.addAttribute("windowFrom", from);
        model.addAttribute("today", today);
        model.addAttribute("status", status);
        model.addAttribute("category", category);
        model.addAttribute("unit", unit);
        model.addAttribute("overdue", overdue);
        model.addAttribute("statuses", Problem.Status.values());
        model.addAttribute("categories", Problem.Category.values());
        model.addAttribute("counties", organisations.counties());
        model.addAttribute("departments", organisations.departments());
        model.addAttribute("officer", user.has(Role.EVALUATOR) || user.has(Role.ADMIN));
        model.addAttribute("unitNames", organisations.unitNames());
        return "rectification/ledger";
    }

    @GetMapping("/rectification/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
                                  @RequestParam(required = false) String unit, @RequestParam(defaultValue = "false") boolean overdue,
                                  @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.STAFF.require(user);
        LocalDate today = LocalDate.now(clock);
        Map<String, String> names = organisations.unitNames();
        try (Spreadsheet sheet = Spreadsheet.of("整改台账", List.of("编号", "来源", "问题", "描述", "责任单位", "配合单位", "责任人",
                "整改目标", "整改措施", "整改时限", "状态", "是否逾期", "整改成效", "重新打开次数", "登记时间"))) {
            for (Problem p : ledger.listFor(user, status, unit, category, overdue).all()) {
                sheet.row(p.number(), p.category().label(), p.title(), p.description(), names.getOrDefault(Unit.key(p.unitKind(), p.unitCode()), p.unitCode()),
                        String.join("、", p.coUnits().stream().map(c -> names.getOrDefault(Unit.department(c).key(), c)).toList()), p.person(),
                        p.target(), p.measures(), p.deadline(), p.status().label(), p.overdue(today), p.evidence(), p.reopened(),
                        p.createdAt().atZone(Today.ZONE).toLocalDateTime());
            }
            return Spreadsheet.download("整改台账-" + today + ".xlsx", sheet.bytes());
        }
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/rectification")
    String open(@RequestParam Problem.Category category, @RequestParam String title, @RequestParam String description,
                @RequestParam String unit, @RequestParam(required = false) String coUnits, @RequestParam(required = false) String person,
                @RequestParam(required = false) String target, @RequestParam(defaultValue = "10") int workingDays,
                @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        if (!user.has(Role.EVALUATOR) && !user.has(Role.ADMIN)) {
            throw new AccessDeniedException("evaluation officers register problems");
        }
        java.util.Optional<Unit> u = Unit.parse(unit);
        try {
            List<String> co = coUnits == null || coUnits.isBlank() ? List.of() : Arrays.stream(coUnits.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
            Problem p = ledger.open(new Problem.New(category, null, title, description, u.map(x -> x.kind().name()).orElse(unit), u.map(Unit::code).orElse(null), co, person,
                    target, null, workingDays), user.getUsername()).orElseThrow();
            flash.addFlashAttribute("message", "已登记问题 " + p.number());
            return "redirect:/rectification/" + p.id();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
            return "redirect:/rectification";
        }
    }

    @GetMapping("/rectification/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.STAFF.require(user);
        Problem p = ledger.view(id, user);
        model.addAttribute("p", p);
        model.addAttribute("unitName", organisations.unitName(p.unitKind(), p.unitCode()));
        model.addAttribute("coUnitNames", p.coUnits().stream().map(c -> organisations.unitName("DEPARTMENT", c)).toList());
        model.addAttribute("events", ledger.events(id));
        model.addAttribute("responsible", ledger.isResponsible(user, p));
        model.addAttribute("officer", user.has(Role.EVALUATOR) || user.has(Role.ADMIN));
        model.addAttribute("today", LocalDate.now(clock));
        return "rectification/problem";
    }

    @PostMapping("/rectification/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String text,
               @RequestParam(defaultValue = "true") boolean passed, @RequestParam(defaultValue = "10") int workingDays,
               @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        try {
            switch (action) {
                case "start" -> ledger.start(id, text, user);
                case "complete" -> ledger.complete(id, text, user);
                case "check" -> ledger.check(id, passed, text, workingDays, user);
                default -> throw new InvalidInputException("action", "未知操作");
            }
            flash.addFlashAttribute("message", "已保存");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/rectification/" + id;
    }
}
