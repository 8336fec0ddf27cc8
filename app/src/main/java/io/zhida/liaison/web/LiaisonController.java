package io.zhida.liaison.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.liaison.Demands;
import io.zhida.liaison.Liaison;
import io.zhida.liaison.Tiers;
import io.zhida.liaison.Visits;
import io.zhida.platform.FormActions;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.PageQuery;
import java.util.Arrays;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 三级帮包 for the 营商办 (rules, assignment, supervision), for the officials (their enterprises and demands), for enterprises. */
@AccessRule(roles = {Role.EVALUATOR, Role.LEADER, Role.ADMIN, Role.INSPECTOR}, scope = DataScope.WHOLE_CITY)
@Controller
class LiaisonController {

    private final Tiers tiers;
    private final Demands demands;
    private final Visits visits;

    LiaisonController(Tiers tiers, Demands demands, Visits visits) {
        this.tiers = tiers;
        this.demands = demands;
        this.visits = visits;
    }

    @GetMapping("/liaison")
    String overview(@RequestParam(required = false) String tier, @RequestParam(defaultValue = "false") boolean escalated, PageQuery page, Model model) {
        model.addAttribute("tiers", tiers.list());
        model.addAttribute("tier", tier);
        model.addAttribute("members", tiers.members(tier == null || tier.isBlank() ? null : tier, null, null).page(page));
        model.addAttribute("demands", demands.all(null, escalated).page(new PageQuery(1, 20)));
        model.addAttribute("escalated", escalated);
        model.addAttribute("figures", demands.figures());
        return "liaison/overview";
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/liaison/tiers/{code}")
    String update(@PathVariable String code, @RequestParam(required = false) String condition, @RequestParam(required = false) String rankBy,
                  @RequestParam(required = false) Integer topN, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> tiers.update(user, code, condition, rankBy, topN), "规则已保存，帮包名单已重新划分", "/liaison", flash);
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/liaison/recompute")
    String recompute(@AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        io.zhida.identity.AccessPolicy.EVALUATION_WORK.require(user);
        return FormActions.run(tiers::recompute, "已按最新企业数据重新划分", "/liaison", flash);
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/liaison/tiers/{code}/assign")
    String assignInTurn(@PathVariable String code, @RequestParam(required = false) String officials, @AuthenticationPrincipal ZhidaUser user,
                        RedirectAttributes flash) {
        try {
            int given = tiers.assignInTurn(user, code, officials == null ? null : Arrays.asList(officials.split("[,，\\s]+")));
            flash.addFlashAttribute("message", "已分配 " + given + " 家企业（县级联系人只分配本县企业，市级联系人不限）");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/liaison";
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/liaison/members/{uscc}/assign")
    String assign(@PathVariable String uscc, @RequestParam(required = false) String official, @AuthenticationPrincipal ZhidaUser user,
                  RedirectAttributes flash) {
        return FormActions.run(() -> tiers.assign(user, uscc, official), "已安排帮包联系人", "/liaison", flash);
    }

    @AccessRule(audience = Audience.STAFF, scope = DataScope.OWN_ACCOUNT)
    @GetMapping("/liaison/my")
    String mine(PageQuery page, @RequestParam(required = false) String uscc, @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("members", tiers.members(null, user.getUsername(), null).page(page));
        model.addAttribute("demands", demands.ofOfficial(user.getUsername()).page(new PageQuery(1, 50)));
        model.addAttribute("kinds", Liaison.ContactKind.values());
        model.addAttribute("uscc", uscc);
        if (uscc != null) {
            visits.member(uscc).filter(m -> user.getUsername().equals(m.official())).ifPresent(m -> {
                model.addAttribute("member", m);
                model.addAttribute("contacts", visits.of(uscc));
            });
        }
        return "liaison/official";
    }

    @AccessRule(audience = Audience.STAFF, scope = DataScope.OWN_ACCOUNT)
    @PostMapping("/liaison/contacts")
    String contact(@RequestParam String uscc, @RequestParam(required = false) Liaison.ContactKind kind, @RequestParam(required = false) String note,
                   @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> visits.log(user, uscc, kind, note), "已记录", "/liaison/my?uscc=" + uscc, flash);
    }

    @AccessRule(audience = Audience.STAFF, scope = DataScope.OWN_ACCOUNT)
    @PostMapping("/liaison/demands/{id}/respond")
    String respond(@PathVariable long id, @RequestParam(required = false) String plan, @RequestParam(defaultValue = "5") int workingDays,
                   @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> demands.respond(user, id, plan, workingDays), "已响应", "/liaison/my", flash);
    }

    @AccessRule(audience = Audience.STAFF, scope = DataScope.OWN_ACCOUNT)
    @PostMapping("/liaison/demands/{id}/finish")
    String finish(@PathVariable long id, @RequestParam(required = false) String result, @AuthenticationPrincipal ZhidaUser user,
                  RedirectAttributes flash) {
        return FormActions.run(() -> demands.finish(user, id, result), "已办结，待企业评价", "/liaison/my", flash);
    }

    @AccessRule(audience = Audience.STAFF, scope = DataScope.OWN_ACCOUNT)
    @PostMapping("/liaison/demands")
    String raiseFor(@RequestParam String uscc, @RequestParam(required = false) String content, @AuthenticationPrincipal ZhidaUser user,
                    RedirectAttributes flash) {
        return FormActions.run(() -> demands.raise(user, uscc, content), "已代企业登记诉求", "/liaison/my?uscc=" + uscc, flash);
    }

    @AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
    @GetMapping("/my/liaison")
    String enterprise(@AuthenticationPrincipal ZhidaUser user, Model model) {
        String uscc = user.enterpriseUscc();
        model.addAttribute("member", uscc == null ? null : visits.member(uscc).orElse(null));
        model.addAttribute("contacts", uscc == null ? java.util.List.of() : visits.of(uscc));
        model.addAttribute("demands", uscc == null ? null : demands.ofEnterprise(uscc).page(new PageQuery(1, 50)));
        return "liaison/mine";
    }

    @AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
    @PostMapping("/my/liaison/demands")
    String raise(@RequestParam(required = false) String content, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> demands.raise(user, user.enterpriseUscc() == null ? "" : user.enterpriseUscc(), content),
                "诉求已提交，帮包联系人将在一个工作日内响应", "/my/liaison", flash);
    }

    @AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
    @PostMapping("/my/liaison/demands/{id}/rate")
    String rate(@PathVariable long id, @RequestParam(defaultValue = "0") int stars, @RequestParam(required = false) String comment,
                @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> demands.rate(user, id, stars, comment), "感谢您的评价", "/my/liaison", flash);
    }
}
