package io.zhida.notify.web;

import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.notify.Channel;
import io.zhida.notify.Inbox;
import io.zhida.notify.internal.OutboundRows;
import io.zhida.notify.internal.OutboxFilter;
import io.zhida.notify.internal.OutboxOverview;
import io.zhida.notify.internal.WaitState;
import io.zhida.platform.PageQuery;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 站内信: an enterprise's messages; opening one records that it was read. */
@AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
@Controller
class InboxController {

    private final Inbox inbox;
    private final OutboxOverview overview;

    private final io.zhida.catalog.PolicyCatalog catalog;
    private final Clock clock;

    InboxController(Inbox inbox, OutboxOverview overview, io.zhida.catalog.PolicyCatalog catalog, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.overview = overview;
        this.catalog = catalog;
    }

    @GetMapping("/my/messages")
    String list(io.zhida.platform.PageQuery page, @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("messages", inbox.messages(uscc(user)).page(page));
        return "notify/messages";
    }

    @GetMapping("/my/messages/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> exportMessages(@AuthenticationPrincipal ZhidaUser user) {
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("消息", java.util.List.of("时间", "标题", "内容", "已读"))) {
            inbox.messages(uscc(user)).all().forEach(m -> sheet.row(m.createdAt().atZone(io.zhida.platform.Today.ZONE).toLocalDateTime(), m.title(), m.body(), m.readAt() != null));
            return io.zhida.platform.Spreadsheet.download("消息-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping("/my/messages/settings")
    String settings(@AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("muted", inbox.mutedChannels(uscc(user)));
        model.addAttribute("channels", Channel.values());
        return "notify/settings";
    }

    /** The boxes that are ticked are the channels the enterprise wants; the others are muted. */
    @PostMapping("/my/messages/settings")
    String saveSettings(@RequestParam(required = false) java.util.List<Channel> wanted, @AuthenticationPrincipal ZhidaUser user,
                        RedirectAttributes redirect) {
        for (Channel channel : Channel.values()) {
            inbox.setMuted(uscc(user), channel, wanted == null || !wanted.contains(channel));
        }
        redirect.addFlashAttribute("message", "已保存消息接收设置");
        return "redirect:/my/messages/settings";
    }

    /** Every message of the chosen channel and state, not one page: the export is the record of what went out. */
    @AccessRule(roles = Role.ADMIN, scope = DataScope.WHOLE_CITY)
    @GetMapping("/notify/outbox/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> exportOutbox(@RequestParam(required = false) Channel channel,
                                                                 @RequestParam(required = false) OutboxFilter state,
                                                                 @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.ADMINISTRATION.require(user);
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("发件箱", java.util.List.of("编号", "渠道", "收件地址", "内容", "企业", "生成时间", "状态", "发送时间", "预计发送", "尝试次数", "错误"))) {
            overview.all(clock.instant(), channel, state).forEach(r -> {
                OutboundRows.Sent m = r.message();
                sheet.row(m.id(), m.channel().label(), m.address(), m.text(), m.enterpriseName(), local(m.createdAt()), r.state().label(),
                        local(m.deliveredAt()), local(r.dueAt()), m.attempts(), m.lastError());
            });
            return io.zhida.platform.Spreadsheet.download("发件箱-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    private static java.time.LocalDateTime local(java.time.Instant at) {
        return at == null ? null : at.atZone(io.zhida.platform.Today.ZONE).toLocalDateTime();
    }

    @AccessRule(roles = Role.ADMIN, scope = DataScope.WHOLE_CITY)
    @GetMapping("/notify/outbox")
    String outbox(@RequestParam(required = false) Channel channel, @RequestParam(required = false) OutboxFilter state, PageQuery page,
                  @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.ADMINISTRATION.require(user);
        model.addAttribute("view", overview.page(clock.instant(), channel, state, page));
        model.addAttribute("states", java.util.List.of(WaitState.DUE, WaitState.QUIET, WaitState.OVER_QUOTA, WaitState.RETRY,
                WaitState.FAILED, WaitState.DELIVERED));
        model.addAttribute("channel", channel);
        model.addAttribute("state", state);
        model.addAttribute("channelChoices", Channel.values());
        model.addAttribute("filters", OutboxFilter.values());
        return "notify/outbox";
    }


    @GetMapping("/my/messages/{id:\\d+}")
    String open(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        var message = inbox.open(uscc(user), id);
        model.addAttribute("message", message);
        java.util.Map<String, String> items = new java.util.LinkedHashMap<>(); // a 政策包's body names 20; the page lists them all
        message.itemCodes().forEach(code -> items.put(code, catalog.publishedName(code).orElse(code)));
        model.addAttribute("items", items);
        return "notify/message";
    }

    private static String uscc(ZhidaUser user) {
        if (user.enterpriseUscc() == null) {
            throw new AccessDeniedException("not bound to an enterprise");
        }
        return user.enterpriseUscc();
    }
}
