package io.zhida.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every node sees every change, through PostgreSQL itself: a {@link ClusterWide} event is written to
 * {@code cluster_change} in the transaction that made the change (so a rolled-back change is never
 * announced) and signalled with NOTIFY; each node LISTENs on its own connection, reads the rows other
 * nodes wrote and republishes them locally as {@link RemoteChange}. A row id can become visible after
 * a larger one (transactions commit out of order), so each read looks back over the last minute and
 * skips ids already seen. No new server: a single-city deployment needs only its PostgreSQL.
 */
@Component
public class ClusterFeed implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClusterFeed.class);
    private static final String CHANNEL = "zhida_cluster";
    private static final int SEEN_KEPT = 100_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Nodes nodes;
    private final ApplicationEventPublisher events;
    private final Set<Long> seen = new HashSet<>();
    private final ArrayDeque<Long> seenOrder = new ArrayDeque<>();
    private volatile boolean running = true;
    private Thread follower;
    private long since;

    ClusterFeed(DataSource dataSource, JdbcClient jdbc, JsonMapper json, Nodes nodes, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
        this.nodes = nodes;
        this.events = events;
    }

    /** Writes the event for the other nodes, when (and only if) the change commits; at once outside a transaction. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void broadcast(ClusterWide event) {
        jdbc.sql("""
                WITH change AS (INSERT INTO cluster_change (type, payload, origin_node) VALUES (?, CAST(? AS jsonb), ?) RETURNING id)
                SELECT pg_notify('zhida_cluster', id::text) FROM change""")
                .params(event.getClass().getName(), json.writeValueAsString(event), nodes.current()).query().listOfRows();
    }

    /** Starts following once the application is ready (earlier changes are in what each module loaded at start). */
    @EventListener(ApplicationReadyEvent.class)
    void follow() {
        since = jdbc.sql("SELECT COALESCE(max(id), 0) FROM cluster_change").query(Long.class).single();
        follower = new Thread(this::listen, "cluster-feed");
        follower.setDaemon(true);
        follower.start();
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] signals = pg.getNotifications(1000); // a poll every second even without a signal
                    if (!running) {
                        return;
                    }
                    deliver();
                    if (signals == null && !connection.isValid(2)) {
                        break;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Cluster feed interrupted ({}); reconnecting", e.getMessage());
                    pause(Duration.ofSeconds(1));
                }
            }
        }
    }

    /**
     * Applies, now and on the caller's thread, what other nodes committed so far: afterwards this node's state
     * holds every change committed before the call (a full match from the live index relies on it).
     */
    public void catchUp() {
        if (follower != null) { // not following yet: nothing applied here is older than this node's start
            deliver();
        }
    }

    /** Reads what other nodes wrote since the last look (with a minute's look-back) and republishes each change once. */
    synchronized void deliver() {
        List<Change> changes = jdbc.sql("""
                SELECT id, type, payload::text, origin_node FROM cluster_change
                WHERE (id > ? OR at > now() - interval '1 minute') AND origin_node <> ? ORDER BY id""")
                .params(since, nodes.current())
                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
        for (Change c : changes) {
            since = Math.max(since, c.id());
            if (!seen.add(c.id())) {
                continue;
            }
            seenOrder.add(c.id());
            if (seenOrder.size() > SEEN_KEPT) {
                seen.remove(seenOrder.removeFirst());
            }
            try {
                Object event = json.readValue(c.payload(), Class.forName(c.type()));
                events.publishEvent(new RemoteChange(event, c.origin()));
            } catch (ClassNotFoundException | RuntimeException e) {
                log.error("Cluster change {} ({}) could not be applied", c.id(), c.type(), e);
            }
        }
    }

    private record Change(long id, String type, String payload, int origin) {
    }

    /** A day of changes is more than any node needs to catch up after a pause. */
    @Scheduled(cron = "0 23 3 * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "platform.cluster-change-cleanup")
    public void forgetOld() {
        jdbc.sql("DELETE FROM cluster_change WHERE at < now() - interval '1 day'").update();
    }

    @Override
    public void destroy() {
        running = false;
        if (follower != null) {
            follower.interrupt();
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
