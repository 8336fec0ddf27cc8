package io.zhida.notify;

import io.zhida.enterprise.CorrectionAnswered;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.matching.MatchNews;
import io.zhida.matching.MatchesFound;
import io.zhida.notify.internal.InboxRows;
import io.zhida.notify.internal.OutboundRows;
import io.zhida.notify.internal.PolicyBundles;
import io.zhida.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns new matches into inbox messages: one 政策包 per enterprise and business day, which the day's later
 * matches join while it is unread (see {@link PolicyBundles}); a match already announced is never announced
 * again. The day's first 政策包 is also queued for SMS and e-mail (unless the enterprise muted them) in the
 * same transaction, and sent by the outbox dispatcher within each channel's limits.
 */
@Service
public class Inbox {

    private static final String SIGNATURE = PolicyBundles.SIGNATURE;

    private final InboxRows rows;
    private final OutboundRows outbound;
    private final PolicyBundles bundles;
    private final EnterpriseProfiles profiles;

    private final org.springframework.context.ApplicationEventPublisher events;

    private final io.zhida.platform.ProcessedEvents processed;
    private final MatchNews news;
    private final Clock clock;

    Inbox(InboxRows rows, OutboundRows outbound, PolicyBundles bundles, EnterpriseProfiles profiles,
          org.springframework.context.ApplicationEventPublisher events, io.zhida.platform.ProcessedEvents processed, MatchNews news, Clock clock) {
        this.clock = clock;
        this.news = news;
        this.processed = processed;
        this.events = events;
        this.rows = rows;
        this.outbound = outbound;
        this.bundles = bundles;
        this.profiles = profiles;
    }

    @ApplicationModuleListener
    public void on(MatchesFound found) {
        if (processed.firstDelivery("notify.matches-found", found)) { // matching announces a pair once; a redelivery adds nothing
            announce(news.of(found), clock.instant(), found.news());
        }
    }

    /** @return the enterprise's 政策包 that got the items, or empty when every item was announced before */
    @Transactional
    public Optional<Long> announce(String uscc, List<String> itemCodes) {
        return announce(uscc, itemCodes, clock.instant());
    }

    /** As {@link #announce(String, List)}, into the 政策包 of the business day of {@code now}. */
    @Transactional
    public Optional<Long> announce(String uscc, List<String> itemCodes, Instant now) {
        return announce(List.of(new MatchesFound.Notice(uscc, itemCodes)), now).stream().findFirst();
    }

    /** Many enterprises at once (a bulk import's flood): @return the 政策包 started or grown */
    @Transactional
    public List<Long> announce(List<MatchesFound.Notice> notices, Instant now) {
        return announce(notices, now, 0);
    }

    /** The news of matching by reference (news > 0): the event names it and lists only what was not claimed. */
    private List<Long> announce(List<MatchesFound.Notice> notices, Instant now, long news) {
        PolicyBundles.Announced announced = bundles.announce(notices, now);
        if (announced.claimed().isEmpty()) {
            return announced.messageIds();
        }
        if (news > 0) {
            events.publishEvent(PoliciesAnnounced.ofNews(news, unclaimed(notices, announced.claimed()), now));
        } else {
            events.publishEvent(new PoliciesAnnounced(announced.claimed().entrySet().stream()
                    .map(e -> new PoliciesAnnounced.Announcement(e.getKey(), e.getValue())).toList(), 0, List.of(), now));
        }
        return announced.messageIds();
    }

    /** Pairs of the news that a 政策包 of the day already had (usually none). */
    private static List<PoliciesAnnounced.Announcement> unclaimed(List<MatchesFound.Notice> notices, java.util.Map<String, List<String>> claimed) {
        List<PoliciesAnnounced.Announcement> unclaimed = new java.util.ArrayList<>();
        for (MatchesFound.Notice n : notices) {
            Set<String> got = new java.util.HashSet<>(claimed.getOrDefault(n.uscc(), List.of()));
            List<String> left = n.itemCodes().stream().filter(code -> !got.contains(code)).toList();
            if (!left.isEmpty()) {
                unclaimed.add(new PoliciesAnnounced.Announcement(n.uscc(), left));
            }
        }
        return unclaimed;
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

    /** A message that announces no policy: into the inbox, and out by SMS and e-mail unless muted (ahead of 政策包). */
    public long send(String uscc, String title, String body) {
        long id = rows.insert(uscc, title, body, List.of());
        queueOutbound(uscc, id, SIGNATURE + title + "，详见平台站内信。");
        return id;
    }

    /** An SMS to a person who has no inbox here (an evaluator drawn for 背靠背, a survey respondent by phone). */
    @Transactional
    public void sms(String phone, String text) {
        outbound.queue(null, Channel.SMS, phone, SIGNATURE + text, false, clock.instant());
    }

    /** Queued in the same transaction as the inbox message: the transactional outbox. */
    private void queueOutbound(String uscc, long messageId, String text) {
        Set<Channel> muted = outbound.muted(uscc);
        profiles.find(uscc).ifPresent(p -> {
            if (p.contactPhone() != null && !muted.contains(Channel.SMS)) {
                outbound.queue(messageId, Channel.SMS, p.contactPhone(), text, false, clock.instant());
            }
            if (p.contactEmail() != null && !muted.contains(Channel.EMAIL)) {
                outbound.queue(messageId, Channel.EMAIL, p.contactEmail(), text, false, clock.instant());
            }
        });
    }

    public Set<Channel> mutedChannels(String uscc) {
        return outbound.muted(uscc);
    }

    public void setMuted(String uscc, Channel channel, boolean muted) {
        outbound.mute(uscc, channel, muted);
    }

    /** The enterprise's messages, the newest first: a page for the screen, all for the export. */
    public io.zhida.platform.Listing<InboxMessage> messages(String uscc) {
        return rows.forEnterprise(uscc);
    }

    public long unread(String uscc) {
        return rows.unread(uscc);
    }

    /** Opens a message of the enterprise's own: records that it was read (which closes a 政策包). */
    @Transactional
    public InboxMessage open(String uscc, long id) {
        rows.find(id).filter(x -> x.uscc().equals(uscc)).orElseThrow(() -> new NotFoundException("消息不存在"));
        rows.markRead(id).filter(codes -> !codes.isEmpty())
                .ifPresent(codes -> events.publishEvent(new MessageRead(id, uscc, codes, clock.instant())));
        return rows.find(id).orElseThrow();
    }
}
