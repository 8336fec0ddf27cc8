package io.zhida.applications;

import io.zhida.notify.Inbox;
import org.springframework.stereotype.Component;

/** Tells the enterprise about each step, in the inbox and (unless muted) by SMS and e-mail. */
@Component
class Progress {

    private final Inbox inbox;

    Progress(Inbox inbox) {
        this.inbox = inbox;
    }

    void tell(Application a, String title, String body) {
        inbox.send(a.uscc(), title, body + "\n事项：" + a.itemName() + "，申报编号 " + a.number() + "。可在“我的申报”查看办理进度。");
    }
}
