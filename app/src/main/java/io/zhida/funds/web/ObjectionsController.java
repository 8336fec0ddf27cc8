package io.zhida.funds.web;

import io.zhida.funds.Disclosure;
import io.zhida.funds.Objection;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Spreadsheet;
import io.zhida.platform.Today;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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

/**
 * 公示异议 for staff: finance, administrators, leaders and evaluators see all, a department those on its
 * items. Finance or the item's department accepts a received objection for review (the payout then
 * waits) or turns it down as unfounded; finance closes an accepted one.
 */
@Controller
@AccessRule(roles = {Role.FINANCE, Role.ADMIN, Role.LEADER, Role.EVALUATOR, Role.REVIEWER, Role.DEPT_HEAD}, scope = DataScope.OWN_DEPARTMENT)
class ObjectionsController {


    private final Disclosure disclosure;
    private final Clock clock;

    ObjectionsController(Disclosure disclosure, Clock clock) {
        this.clock = clock;
        this.disclosure = disclosure;
    }

    @GetMapping("/funds/objections")
    String objections(@AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.OBJECTION_HANDLING.require(user);
        List<Objection> objections = disclosure.objections(user);
        model.addAttribute("objections", objections);
        model.addAttribute("reviewable", objections.stream().filter(o -> disclosure.mayReview(user, o)).map(Objection::id).toList());
        model.addAttribute("mayResolve", Disclosure.mayResolve(user));
        return "funds/objections";
    }

    @GetMapping("/funds/objections/export.xlsx")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.OBJECTION_HANDLING.require(user);
        try (Spreadsheet sheet = Spreadsheet.of("公示异议", List.of("企业", "事项", "金额（元）", "公示止", "异议人", "联系方式", "理由", "状态",
                "受理人", "受理意见", "答复", "答复人", "提出时间"))) {
            disclosure.objections(user).forEach(o -> sheet.row(o.enterpriseName(), o.itemName(), o.amount(), o.disclosureUntil(), o.name(),
                    o.contact(), o.reason(), o.statusLabel(), o.acceptedBy(), o.acceptNote(), o.answer(), o.answeredBy(),
                    o.createdAt().atZone(Today.ZONE).toLocalDateTime()));
            return Spreadsheet.download("公示异议-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @AccessRule(roles = {Role.FINANCE, Role.ADMIN, Role.REVIEWER, Role.DEPT_HEAD}, scope = DataScope.OWN_DEPARTMENT)
    @PostMapping("/funds/objections/{id}/accept")
    String accept(@PathVariable long id, @RequestParam(required = false) String note, @AuthenticationPrincipal ZhidaUser user,
                  RedirectAttributes flash) {
        return act(flash, "已受理核查，该笔资金在答复前暂停拨付", () -> disclosure.accept(id, note, user));
    }

    @AccessRule(roles = {Role.FINANCE, Role.ADMIN, Role.REVIEWER, Role.DEPT_HEAD}, scope = DataScope.OWN_DEPARTMENT)
    @PostMapping("/funds/objections/{id}/unfounded")
    String unfounded(@PathVariable long id, @RequestParam(required = false) String answer, @AuthenticationPrincipal ZhidaUser user,
                     RedirectAttributes flash) {
        return act(flash, "已不予受理，理由将在公示页公开", () -> disclosure.rejectAsUnfounded(id, answer, user));
    }

    @AccessRule(roles = {Role.FINANCE, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/funds/objections/{id}")
    String answer(@PathVariable long id, @RequestParam boolean upheld, @RequestParam(required = false) String answer,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        if (!Disclosure.mayResolve(user)) {
            throw new AccessDeniedException("finance officers only");
        }
        return act(flash, upheld ? "异议成立，该笔资金已撤销" : "异议不成立，公示继续", () -> disclosure.answer(id, upheld, answer));
    }

    private static String act(RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", done);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/funds/objections";
    }
}
