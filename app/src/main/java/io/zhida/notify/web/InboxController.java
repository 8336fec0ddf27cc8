package io.zhida.notify.web;

import io.zhida.identity.ZhidaUser;
import io.zhida.notify.Inbox;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 站内信: an enterprise's messages; opening one records that it was read. */
@Controller
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/my/messages")
    String list(@AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("messages", inbox.messages(uscc(user)));
        return "notify/messages";
    }

    @GetMapping("/my/messages/{id}")
    String open(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("message", inbox.open(uscc(user), id));
        return "notify/message";
    }

    private static String uscc(ZhidaUser user) {
        if (user.enterpriseUscc() == null) {
            throw new AccessDeniedException("not bound to an enterprise");
        }
        return user.enterpriseUscc();
    }
}
