package io.zhida.callback.web;

import io.zhida.callback.CallbackCentre;
import io.zhida.callback.CallbackSample;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.FormActions;
import io.zhida.platform.PageQuery;
import java.time.Clock;
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

/** 回访中心: the day's calls with their scripts, the answers, the quotas. */
@AccessRule(roles = {Role.EVALUATOR, Role.LEADER, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@Controller
class CallbackController {

    private final CallbackCentre centre;
    private final Organisations organisations;
    private final Clock clock;

    CallbackController(CallbackCentre centre, Organisations organisations, Clock clock) {
        this.centre = centre;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/callbacks")
    String desk(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                @RequestParam(required = false) CallbackSample.Status status, @RequestParam(required = false) String region, PageQuery page, Model model) {
        LocalDate shown = day == null ? LocalDate.now(clock) : day;
        model.addAttribute("day", shown);
        model.addAttribute("status", status);
        model.addAttribute("region", region);
        model.addAttribute("statuses", CallbackSample.Status.values());
        model.addAttribute("samples", centre.samples(shown, status, region == null || region.isBlank() ? null : region).page(page));
        model.addAttribute("figures", centre.figures(shown));
        model.addAttribute("quotas", centre.quotas());
        model.addAttribute("regionNames", organisations.regionNames());
        return "callback/desk";
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/callbacks/draw")
    String draw(@AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        io.zhida.identity.AccessPolicy.EVALUATION_WORK.require(user);
        int drawn = centre.draw(LocalDate.now(clock));
        flash.addFlashAttribute("message", drawn == 0 ? "今日样本已抽取或暂无可回访的办件" : "已抽取 " + drawn + " 件待回访");
        return "redirect:/callbacks";
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/callbacks/quotas")
    String quota(@RequestParam(required = false) String region, @RequestParam(defaultValue = "-1") int daily, @AuthenticationPrincipal ZhidaUser user,
                 RedirectAttributes flash) {
        return FormActions.run(() -> centre.setQuota(user, region, daily), "已保存每日回访量", "/callbacks", flash);
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/callbacks/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) CallbackSample.Status status,
                  @RequestParam(required = false) Boolean resolved, @RequestParam(required = false) Integer stars,
                  @RequestParam(required = false) String note, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> centre.answer(user, id, status, resolved, stars, note), "已记录回访", "/callbacks", flash);
    }
}
