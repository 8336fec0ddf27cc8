package io.zhida.assistance.web;

import io.zhida.assistance.Assistance;
import io.zhida.assistance.AssistanceCentre;
import io.zhida.assistance.AssistedApplication;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.FormActions;
import io.zhida.platform.PageQuery;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The enterprise's side of 帮办代办: ask, accept an offer, confirm and submit what the 专员 prepared, rate the help. */
@AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
@Controller
class MyAssistanceController {

    private final Assistance assistance;
    private final AssistedApplication prepared;
    private final AssistanceCentre centre;

    MyAssistanceController(Assistance assistance, AssistedApplication prepared, AssistanceCentre centre) {
        this.assistance = assistance;
        this.prepared = prepared;
        this.centre = centre;
    }

    @GetMapping("/my/assistance")
    String mine(@RequestParam(required = false) String item, PageQuery page, @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("requests", assistance.mine(user).page(page));
        model.addAttribute("items", centre.onlineItems());
        model.addAttribute("item", item);
        return "assistance/mine";
    }

    @PostMapping("/my/assistance")
    String ask(@RequestParam(required = false) String item, @RequestParam(required = false) String note,
               @RequestParam(required = false) String phone, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> assistance.ask(user, item, note, phone), "已提交帮办申请，中心将尽快为您安排政策专员", "/my/assistance", flash);
    }

    @PostMapping("/my/assistance/{id}/answer")
    String answer(@PathVariable long id, @RequestParam boolean accept, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> assistance.answerOffer(user, id, accept), accept ? "已接受帮办服务" : "已谢绝本次帮办", back(id), flash);
    }

    @PostMapping("/my/assistance/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam(defaultValue = "false") boolean commitment, @AuthenticationPrincipal ZhidaUser user,
                   RedirectAttributes flash) {
        return FormActions.run(() -> prepared.confirm(user, id, commitment), "已确认并提交申报，可在“我的申报”查看进度", back(id), flash);
    }

    @PostMapping("/my/assistance/{id}/send-back")
    String sendBack(@PathVariable long id, @RequestParam(required = false) String note, @AuthenticationPrincipal ZhidaUser user,
                    RedirectAttributes flash) {
        return FormActions.run(() -> prepared.sendBack(user, id, note), "已退回政策专员修改", back(id), flash);
    }

    @PostMapping("/my/assistance/{id}/rate")
    String rate(@PathVariable long id, @RequestParam(defaultValue = "0") int stars, @RequestParam(required = false) String comment,
                @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> prepared.rate(user, id, stars, comment), "感谢您对帮办服务的评价", back(id), flash);
    }

    @PostMapping("/my/assistance/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, @AuthenticationPrincipal ZhidaUser user,
                  RedirectAttributes flash) {
        return FormActions.run(() -> assistance.cancel(user, id, reason), "已取消帮办申请", back(id), flash);
    }

    private static String back(long id) {
        return "/assistance/" + id;
    }
}
