package io.zhida.notify.internal;

import io.zhida.notify.Channel;
import io.zhida.notify.MessageChannel;
import io.zhida.notify.MessageChannel.Outgoing;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox: each pending SMS/e-mail is handed to its channel and marked delivered in the same
 * transaction as the row lock, so two dispatchers never send the same row and a crash before the mark
 * leads to a retry with the same id (which providers treat as the same message). Up to five attempts.
 */
@Component
public class OutboundDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);

    private final OutboundRows rows;
    private final TransactionTemplate transaction;
    private final Map<Channel, MessageChannel> channels = new EnumMap<>(Channel.class);

    OutboundDispatcher(OutboundRows rows, TransactionTemplate transaction, List<MessageChannel> channels) {
        this.rows = rows;
        this.transaction = transaction;
        channels.forEach(c -> this.channels.put(c.channel(), c));
    }

    @Scheduled(fixedDelayString = "${zhida.notify.dispatch-interval:2s}")
    public void dispatch() {
        int handled;
        do {
            handled = transaction.execute(status -> {
                List<Outgoing> pending = rows.lockPending(200);
                for (Outgoing message : pending) {
                    try {
                        channels.get(message.channel()).send(message);
                        rows.delivered(message.id());
                    } catch (Exception e) {
                        log.warn("{} #{} not delivered: {}", message.channel(), message.id(), e.getMessage());
                        rows.failed(message.id(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    }
                }
                return pending.size();
            });
        } while (handled == 200);
    }
}
