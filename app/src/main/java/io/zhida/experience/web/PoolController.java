package io.zhida.experience.web;

import io.zhida.experience.Member;
import io.zhida.experience.Pool;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.FormActions;
import io.zhida.platform.PageQuery;
import io.zhida.platform.PublicFormLimit;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 体验官招募: the public application and the evaluation office's selection. */
@AccessRule(roles = {Role.EVALUATOR, Role.LEADER, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@Controller
class PoolController {

    private final Pool pool;
    private final PublicFormLimit publicForms;

    PoolController(Pool pool, PublicFormLimit publicForms) {
        this.pool = pool;
        this.publicForms = publicForms;
    }

    @AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
    @GetMapping("/portal/officers/apply")
    String applyForm(Model model) {
        model.addAttribute("kinds", Member.Kind.values());
        model.addAttribute("backgrounds", Member.Background.values());
        return "experience/apply";
    }

    @AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
    @PostMapping("/portal/officers/apply")
    String apply(@RequestParam(required = false) Member.Kind kind, @RequestParam(required = false) String name,
                 @RequestParam(required = false) String phone, @RequestParam(required = false) Member.Background background,
                 @RequestParam(required = false) String organisation, @RequestParam(required = false) String expertise,
                 HttpServletRequest request, RedirectAttributes flash) {
        publicForms.acquire(request);
        return FormActions.run(() -> pool.apply(new Member.Application(kind, name, phone, background, organisation, expertise)),
                "报名已提交，营商环境主管部门遴选后将与您联系", "/portal/officers/apply", flash);
    }

    @GetMapping("/experience/members")
    String members(@RequestParam(required = false) Member.Kind kind, @RequestParam(required = false) Member.Status status, PageQuery page,
                   Model model) {
        model.addAttribute("members", pool.list(kind, status).page(page));
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("kinds", Member.Kind.values());
        model.addAttribute("statuses", Member.Status.values());
        return "experience/members";
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/experience/members/{id}/decide")
    String decide(@PathVariable long id, @RequestParam boolean select, @RequestParam(required = false) String username,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> pool.decide(user, id, select, username, from, until), select ? "已聘任" : "已记为未入选", "/experience/members", flash);
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/experience/members/{id}/end")
    String end(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> pool.end(user, id), "已解聘", "/experience/members", flash);
    }
}
