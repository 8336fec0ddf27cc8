package io.zhida.assistance.web;

import io.zhida.assistance.Assistance;
import io.zhida.assistance.AssistanceCentre;
import io.zhida.assistance.AssistedApplication;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.FormActions;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.PageQuery;
import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 专员接单: the 专员's queue, offering help from an item's eligible list, collecting documents, handing the application to the enterprise. */
@AccessRule(roles = Role.AGENT, scope = DataScope.OWN_ACCOUNT)
@Controller
class AgentController {

    private final Assistance assistance;
    private final AssistedApplication prepared;
    private final AssistanceCentre centre;

    AgentController(Assistance assistance, AssistedApplication prepared, AssistanceCentre centre) {
        this.assistance = assistance;
        this.prepared = prepared;
        this.centre = centre;
    }

    @GetMapping("/assistance/agent")
    String desk(@RequestParam(defaultValue = "true") boolean open, @RequestParam(required = false) String item, PageQuery page,
                @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("requests", assistance.agentQueue(user, open).page(page));
        model.addAttribute("open", open);
        model.addAttribute("items", centre.onlineItems());
        model.addAttribute("item", item);
        if (item != null && !item.isBlank()) {
            try {
                model.addAttribute("eligible", centre.eligible(item, 0, 50));
                model.addAttribute("eligibleCount", centre.eligibleCount(item));
            } catch (InvalidInputException e) {
                model.addAttribute("error", e.errors().get(0).message());
            }
        }
        return "assistance/agent";
    }

    @PostMapping("/assistance/offers")
    String offer(@RequestParam(required = false) String uscc, @RequestParam(required = false) String item,
                 @RequestParam(required = false) String note, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> assistance.offer(user, uscc, item, note), "已向企业发出帮办服务邀请，企业接受后即可开始准备材料",
                "/assistance/agent?item=" + (item == null ? "" : java.net.URLEncoder.encode(item, java.nio.charset.StandardCharsets.UTF_8)), flash);
    }

    @PostMapping("/assistance/{id}/accept")
    String accept(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        return FormActions.run(() -> assistance.accept(user, id), "已接单，请联系企业收取申报材料", back(id), flash);
    }

    @PostMapping("/assistance/{id}/give-back")
    String giveBack(@PathVariable long id, @RequestParam(required = false) String reason, @AuthenticationPrincipal ZhidaUser user,
                    RedirectAttributes flash) {
        return FormActions.run(() -> assistance.giveBack(user, id, reason), "已退回中心重新派单", "/assistance/agent", flash);
    }

    @PostMapping("/assistance/{id}/files")
    String attach(@PathVariable long id, @RequestParam(required = false) String material, @RequestParam(required = false) MultipartFile file,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) throws IOException {
        byte[] content = file == null ? new byte[0] : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        return FormActions.run(() -> prepared.attach(user, id, material, name, content), "材料已收取", back(id), flash);
    }

    @PostMapping("/assistance/{id}/ready")
    String ready(@PathVariable long id, @RequestParam(required = false) String note, @AuthenticationPrincipal ZhidaUser user,
                 RedirectAttributes flash) {
        return FormActions.run(() -> prepared.ready(user, id, note), "已请企业确认提交", back(id), flash);
    }

    private static String back(long id) {
        return "/assistance/" + id;
    }
}
