package io.zhida.platform;

import java.nio.charset.StandardCharsets;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes event listeners idempotent. An event publication is marked complete only after its
 * listener's transaction has committed, so a crash in between delivers the event again on restart;
 * a listener that adds to figures or sends a message first asks {@link #firstDelivery} inside its
 * own transaction: the key is inserted with the listener's writes, so the event takes effect once.
 * Two nodes delivering the same event at the same moment serialise on the key.
 */
@Component
public class ProcessedEvents {

    private final JdbcClient jdbc;

    ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param listener a stable name of the listener (one event may have several)
     * @param event    a record whose toString identifies it (records with an id or an instant)
     * @return true the first time, false when this listener already handled this event
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String listener, Object event) {
        String key = event.getClass().getSimpleName() + ":" + Digests.sha256(event.toString());
        return jdbc.sql("INSERT INTO processed_event (listener, event_key) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(listener, key).update() == 1;
    }

    /** Redelivery happens within minutes of a crash; keys older than a month are no longer needed. */
    @Scheduled(cron = "0 17 3 * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "platform.processed-events-cleanup")
    public void forgetOld() {
        jdbc.sql("DELETE FROM processed_event WHERE processed_at < now() - interval '30 days'").update();
    }

}
