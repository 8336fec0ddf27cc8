package io.zhida.integration.internal;

import io.zhida.integration.Webhook;
import io.zhida.platform.Listing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for subscriptions and the delivery outbox. */
@Repository
public class WebhookRows {

    /** A delivery due to be sent, with what it takes to send it. */
    public record Due(long id, UUID deliveryId, String eventType, String payload, int attempts, String url, String secret) {
    }

    private static final String DELIVERY = """
            SELECT id, delivery_id, subscription_id, event_type, event_key, status, attempts, next_attempt_at, last_status, last_error,
                   delivered_at, created_at""";

    private final JdbcClient jdbc;

    WebhookRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long subscribe(long client, String url, List<String> events, String secret) {
        return jdbc.sql("INSERT INTO webhook_subscription (client, url, event_types, secret) VALUES (?, ?, ?, ?) RETURNING id")
                .params(client, url, events.toArray(String[]::new), secret).query(Long.class).single();
    }

    public List<Webhook.Subscription> subscriptions(long client) {
        return jdbc.sql("SELECT id, url, event_types, active, created_at FROM webhook_subscription WHERE client = ? AND active ORDER BY id")
                .param(client).query((rs, n) -> subscription(rs)).list();
    }

    public Optional<Webhook.Subscription> subscription(long client, long id) {
        return jdbc.sql("SELECT id, url, event_types, active, created_at FROM webhook_subscription WHERE client = ? AND id = ?")
                .params(client, id).query((rs, n) -> subscription(rs)).optional();
    }

    public boolean deactivate(long client, long id) {
        return jdbc.sql("UPDATE webhook_subscription SET active = FALSE WHERE client = ? AND id = ? AND active").params(client, id).update() == 1;
    }

    /** One delivery per active subscription to the type; an event seen twice (a redelivered domain event) is queued once. */
    public int enqueue(String type, String key, String payload, Instant now) {
        return enqueue(null, type, key, payload, now);
    }

    /** As {@link #enqueue(String, String, String, Instant)}, to one system's subscriptions only when {@code client} is given. */
    public int enqueue(Long client, String type, String key, String payload, Instant now) {
        return jdbc.sql("""
                        INSERT INTO webhook_delivery (delivery_id, subscription_id, event_type, event_key, payload, next_attempt_at)
                        SELECT gen_random_uuid(), s.id, :type, :key, CAST(:payload AS jsonb), :now FROM webhook_subscription s
                        WHERE s.active AND :type = ANY (s.event_types) AND (CAST(:client AS bigint) IS NULL OR s.client = :client)
                        ON CONFLICT (subscription_id, event_key) DO NOTHING""")
                .param("client", client).param("type", type).param("key", key).param("payload", payload).param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Claims up to {@code limit} due deliveries for this sender: each gets its attempt counted and a lease, so another
     * node skips it while it is being sent, and a sender that dies leaves it due again when the lease ends.
     */
    public List<Due> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        UPDATE webhook_delivery d SET attempts = d.attempts + 1, next_attempt_at = :lease
                        FROM webhook_subscription s
                        WHERE s.id = d.subscription_id AND d.id IN (
                            SELECT id FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= :now
                            ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING d.id, d.delivery_id, d.event_type, d.payload::text, d.attempts, s.url, s.secret""")
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7)))
                .list();
    }

    public void delivered(long id, int status, Instant at) {
        jdbc.sql("UPDATE webhook_delivery SET status = 'DELIVERED', last_status = ?, last_error = NULL, delivered_at = ? WHERE id = ?")
                .params(status, Timestamp.from(at), id).update();
    }

    /** A failed attempt: tried again at {@code retryAt}, or given up (FAILED) when that is null. */
    public void failed(long id, Integer status, String error, Instant retryAt) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET last_status = ?, last_error = left(?, 300),
                               status = CASE WHEN CAST(? AS timestamptz) IS NULL THEN 'FAILED' ELSE 'PENDING' END,
                               next_attempt_at = coalesce(CAST(? AS timestamptz), next_attempt_at)
                        WHERE id = ?""")
                .params(status, error, retryAt == null ? null : Timestamp.from(retryAt), retryAt == null ? null : Timestamp.from(retryAt), id)
                .update();
    }

    /** The client's deliveries, newest first. */
    public Listing<Webhook.Delivery> deliveries(long client) {
        return Listing.sql(jdbc, DELIVERY, "FROM webhook_delivery WHERE subscription_id IN (SELECT id FROM webhook_subscription WHERE client = :client)",
                "id DESC", (rs, n) -> delivery(rs)).param("client", client);
    }

    /** Sends a delivery of the client's again, whatever became of it, with its attempts counted afresh. */
    public boolean replay(long client, long id, Instant now) {
        return jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, delivered_at = NULL
                        WHERE id = ? AND subscription_id IN (SELECT id FROM webhook_subscription WHERE client = ?)""")
                .params(Timestamp.from(now), id, client).update() == 1;
    }

    public Optional<Webhook.Delivery> delivery(long id) {
        return jdbc.sql(DELIVERY + " FROM webhook_delivery WHERE id = ?").param(id).query((rs, n) -> delivery(rs)).optional();
    }

    private static Webhook.Subscription subscription(ResultSet rs) throws SQLException {
        return new Webhook.Subscription(rs.getLong("id"), rs.getString("url"), List.of((String[]) rs.getArray("event_types").getArray()),
                rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());
    }

    private static Webhook.Delivery delivery(ResultSet rs) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new Webhook.Delivery(rs.getLong("id"), rs.getObject("delivery_id", UUID.class), rs.getLong("subscription_id"),
                rs.getString("event_type"), rs.getString("event_key"), rs.getString("status"), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                delivered == null ? null : delivered.toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
