package io.zhida.notify;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.matching.MatchesFound;
import io.zhida.enterprise.CorrectionAnswered;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.notify.internal.InboxRows;
import io.zhida.notify.internal.OutboundRows;
import java.util.Set;
import io.zhida.platform.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns new matches into inbox messages: one item gets its own message, several at once go as one
 * 政策包. A match already announced is never announced again. Each message is also queued for SMS and
 * e-mail (unless the enterprise muted them) in the same transaction, and sent by the outbox dispatcher.
 */
@Service
public class Inbox {

    private static final String SIGNATURE = "【惠企直达】";

    private final InboxRows rows;
    private final OutboundRows outbound;
    private final PolicyCatalog catalog;
    private final EnterpriseProfiles profiles;

    private final org.springframework.context.ApplicationEventPublisher events;

    private final io.zhida.platform.ProcessedEvents processed;

    Inbox(InboxRows rows, OutboundRows outbound, PolicyCatalog catalog, EnterpriseProfiles profiles,
          org.springframework.context.ApplicationEventPublisher events, io.zhida.platform.ProcessedEvents processed) {
        this.processed = processed;
        this.events = events;
        this.rows = rows;
        this.outbound = outbound;
        this.catalog = catalog;
        this.profiles = profiles;
    }

    @ApplicationModuleListener
    public void on(MatchesFound found) {
        for (MatchesFound.Notice notice : found.notices()) {
            announce(notice.uscc(), notice.itemCodes());
        }
    }

    /** @return the message, or empty when every item was announced before */
    public Optional<Long> announce(String uscc, List<String> itemCodes) {
        List<String> fresh = rows.notAnnounced(uscc, itemCodes);
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = fresh.stream().map(c -> catalog.onlineItem(c).map(PolicyItem::content)
                .map(content -> content.name()).orElse(c)).toList();
        String title = fresh.size() == 1 ? "您可能符合「" + names.get(0) + "」"
                : "为您匹配到 " + fresh.size() + " 项惠企政策（政策包）";
        String body = "根据贵单位在平台上的数据，以下政策的条件您可能已经满足：\n· " + String.join("\n· ", names)
                + "\n请在“我的政策”中查看条件逐条核对结果和预计金额。";
        long id = rows.insert(uscc, title, body, fresh);
        if (rows.claim(uscc, fresh, id) == 0) { // a concurrent delivery announced them first
            rows.delete(id);
            return Optional.empty();
        }
        String sms = fresh.size() == 1 ? "您可能符合「" + names.get(0) + "」" : "为您匹配到" + fresh.size() + "项惠企政策";
        queueOutbound(uscc, id, SIGNATURE + sms + "，请登录惠企政策直达平台“我的政策”查看。");
        return Optional.of(id);
    }

    /** Tells the enterprise how its correction request was answered. */
    @ApplicationModuleListener
    public void on(CorrectionAnswered answered) {
        if (!processed.firstDelivery("notify.correction-answered", answered)) {
            return;
        }
        String title = "数据纠错申请" + (answered.accepted() ? "已采纳" : "未采纳") + "：" + answered.attributeLabel();
        String body = answered.accepted()
                ? "您申请将“" + answered.attributeLabel() + "”更正为“" + answered.proposedValue() + "”，数据责任部门已核实并更正。"
                  + "相关政策已按新数据重新匹配。答复：" + answered.answer()
                : "您申请将“" + answered.attributeLabel() + "”更正为“" + answered.proposedValue() + "”，数据责任部门答复：" + answered.answer();
        send(answered.uscc(), title, body);
    }

    /** A message that announces no policy: into the inbox, and out by SMS and e-mail unless muted. */
    public long send(String uscc, String title, String body) {
        long id = rows.insert(uscc, title, body, List.of());
        queueOutbound(uscc, id, SIGNATURE + title + "，详见平台站内信。");
        return id;
    }

    /** An SMS to a person who has no inbox here (an evaluator drawn for 背靠背, a survey respondent by phone). */
    @Transactional
    public void sms(String phone, String text) {
        outbound.queue(null, Channel.SMS, phone, SIGNATURE + text);
    }

    /** Queued in the same transaction as the inbox message: the transactional outbox. */
    private void queueOutbound(String uscc, long messageId, String text) {
        Set<Channel> muted = outbound.muted(uscc);
        profiles.find(uscc).ifPresent(p -> {
            if (p.contactPhone() != null && !muted.contains(Channel.SMS)) {
                outbound.queue(messageId, Channel.SMS, p.contactPhone(), text);
            }
            if (p.contactEmail() != null && !muted.contains(Channel.EMAIL)) {
                outbound.queue(messageId, Channel.EMAIL, p.contactEmail(), text);
            }
        });
    }

    public Set<Channel> mutedChannels(String uscc) {
        return outbound.muted(uscc);
    }

    public void setMuted(String uscc, Channel channel, boolean muted) {
        outbound.mute(uscc, channel, muted);
    }

    public List<InboxMessage> messages(String uscc) {
        return rows.forEnterprise(uscc);
    }

    public long unread(String uscc) {
        return rows.unread(uscc);
    }

    /** Opens a message of the enterprise's own: records that it was read. */
    @Transactional
    public InboxMessage open(String uscc, long id) {
        InboxMessage m = rows.find(id).filter(x -> x.uscc().equals(uscc)).orElseThrow(() -> new NotFoundException("消息不存在"));
        if (m.readAt() == null && !m.itemCodes().isEmpty()) {
            events.publishEvent(new MessageRead(id, uscc, m.itemCodes(), java.time.Instant.now()));
        }
        rows.markRead(id);
        return m;
    }
}
