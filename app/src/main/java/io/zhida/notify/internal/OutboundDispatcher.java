package io.zhida.notify.internal;

import io.zhida.notify.Channel;
import io.zhida.notify.MessageChannel;
import io.zhida.notify.MessageChannel.Outgoing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox within each channel's limits. Every node runs it; per channel, one node at a time sends
 * (a PostgreSQL lock; another node waits for it at most five seconds, then leaves it the round), after reading
 * what the whole cluster sent this minute and today, so the per-minute
 * rate and the daily quota hold for the cluster. A message is handed to its channel and marked delivered in
 * the transaction that holds its row, so it is never sent twice, and a crash before the mark leads to a retry
 * with the same id (which providers treat as the same message). In quiet hours, past the minute's rate or
 * the day's quota nothing is sent and nothing is dropped: the rest waits for the next minute, the end of the
 * quiet hours or the next day. A failed attempt is tried again after 1, 5, 30 and 120 minutes.
 */
@Component
public class OutboundDispatcher {

    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);

    private final OutboundRows rows;
    private final TransactionTemplate transaction;
    private final SendingLimits limits;
    private final Duration lockWait;
    private final Clock clock;
    private final Map<Channel, MessageChannel> channels = new EnumMap<>(Channel.class);

    @Autowired
    OutboundDispatcher(OutboundRows rows, TransactionTemplate transaction, List<MessageChannel> channels, SendingLimits limits, Clock clock) {
        this(rows, transaction, channels, limits, Duration.ofSeconds(5), clock);
    }

    /** lockWait: how long to wait for another node that is sending on a channel before leaving it the round. */
    OutboundDispatcher(OutboundRows rows, TransactionTemplate transaction, List<MessageChannel> channels, SendingLimits limits,
                       Duration lockWait, Clock clock) {
        this.clock = clock;
        this.rows = rows;
        this.transaction = transaction;
        this.limits = limits;
        this.lockWait = lockWait;
        channels.forEach(c -> this.channels.put(c.channel(), c));
    }

    @Scheduled(fixedDelayString = "${zhida.notify.dispatch-interval:2s}")
    public void dispatch() {
        dispatch(clock.instant());
    }

    /** Sends what the limits allow at this instant; returns how many messages were handed to a channel. */
    public int dispatch(Instant now) {
        int total = 0;
        for (MessageChannel channel : channels.values()) {
            int handed;
            do {
                handed = transaction.execute(status -> {
                    if (limits.of(channel.channel()).quiet(now)) {
                        return 0;
                    }
                    if (!rows.lockChannel(channel.channel(), lockWait)) {
                        status.setRollbackOnly(); // another node has been sending on this channel all this time: its round
                        return 0;
                    }
                    return batch(channel, now);
                });
                total += handed;
            } while (handed == BATCH);
        }
        return total;
    }

    /** One batch, holding the channel's lock: at most what is left of this minute's rate and today's quota. */
    private int batch(MessageChannel channel, Instant now) {
        ChannelLimits limit = limits.of(channel.channel());
        Instant minute = ChannelLimits.minuteOf(now);
        Instant day = ChannelLimits.dayOf(now);
        long allowed = Math.min(BATCH, Math.min(limit.perMinute() - rows.sent(channel.channel(), "MINUTE", minute),
                limit.dailyQuota() - rows.sent(channel.channel(), "DAY", day)));
        if (allowed <= 0) {
            return 0;
        }
        List<Outgoing> due = rows.lockDue(channel.channel(), now, (int) allowed);
        for (Outgoing message : due) {
            try {
                channel.send(message);
                rows.delivered(message.id(), now);
            } catch (Exception e) {
                log.warn("{} #{} not delivered: {}", message.channel(), message.id(), e.getMessage());
                rows.failed(message.id(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), now);
            }
        }
        if (!due.isEmpty()) {
            rows.count(channel.channel(), minute, day, due.size());
        }
        return due.size();
    }
}
