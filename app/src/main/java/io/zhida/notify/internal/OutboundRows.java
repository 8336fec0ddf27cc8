package io.zhida.notify.internal;

import io.zhida.notify.Channel;
import io.zhida.notify.MessageChannel.Outgoing;
import io.zhida.platform.Listing;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for the outbox: the queue of SMS and e-mail, what each channel sent per minute and day, and mutes. */
@Component
public class OutboundRows {

    public record Sent(long id, Channel channel, String address, String text, Instant createdAt, Instant deliveredAt,
                       int attempts, String lastError, String uscc, String enterpriseName, Instant dueAt, boolean bulk) {
    }

    /** One message to queue; messageId is null for a recipient without an inbox (an evaluator, a respondent). */
    public record Queued(Long messageId, Channel channel, String address, String text) {
    }

    /** A channel's queue: due now (in sending order), waiting for a retry, given up, and delivered. */
    public record Backlog(long due, long retrying, long failed, long delivered) {
    }

    static final int MAX_ATTEMPTS = 5;
    /** After the n-th failed attempt the next one waits this long. */
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2));
    /** Each channel's lock, held by the one dispatcher in the cluster that sends on it at a time. */
    private static final int CHANNEL_LOCK = 7_342_015;

    private final JdbcClient jdbc;

    OutboundRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void queue(Long messageId, Channel channel, String address, String text, boolean bulk, Instant at) {
        queueAll(List.of(new Queued(messageId, channel, address, text)), bulk, at);
    }

    /** Queues many at once (one statement); a message already queued on a channel is not queued again. */
    public void queueAll(List<Queued> messages, boolean bulk, Instant at) {
        if (messages.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO outbound_message (message_id, channel, address, text, bulk, created_at, due_at)
                        SELECT m, c, a, t, :bulk, :at, :at
                        FROM unnest(CAST(:m AS bigint[]), CAST(:c AS text[]), CAST(:a AS text[]), CAST(:t AS text[])) AS q(m, c, a, t)
                        ON CONFLICT DO NOTHING""")
                .param("m", messages.stream().map(Queued::messageId).toArray(Long[]::new))
                .param("c", messages.stream().map(q -> q.channel().name()).toArray(String[]::new))
                .param("a", messages.stream().map(Queued::address).toArray(String[]::new))
                .param("t", messages.stream().map(Queued::text).toArray(String[]::new))
                .param("bulk", bulk).param("at", Timestamp.from(at)).update();
    }

    /** A 政策包 grew: its SMS and e-mail that have not gone yet say so (what went stays as it was). */
    public void retext(Map<Long, String> textByMessage) {
        if (textByMessage.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE outbound_message o SET text = v.t
                        FROM unnest(CAST(:m AS bigint[]), CAST(:t AS text[])) AS v(m, t)
                        WHERE o.message_id = v.m AND o.delivered_at IS NULL AND o.text <> v.t""")
                .param("m", textByMessage.keySet().toArray(Long[]::new)).param("t", textByMessage.values().toArray(String[]::new))
                .update();
    }

    /**
     * Waits until no other dispatcher in the cluster sends on this channel, at most {@code wait} (a slow provider
     * must not hold every node's scheduler); held until this transaction ends. False when another kept it:
     * the transaction is then unusable and must be rolled back.
     */
    boolean lockChannel(Channel channel, Duration wait) {
        jdbc.sql("SELECT set_config('lock_timeout', :ms, true)").param("ms", wait.toMillis() + "ms").query(String.class).single();
        try {
            jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:ns, hashtext(:c))) AS locked").param("ns", CHANNEL_LOCK)
                    .param("c", channel.name()).query(Integer.class).single();
            return true;
        } catch (DataAccessException e) {
            if (e.getMostSpecificCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return false; // lock_not_available: the wait ran out
            }
            throw e;
        }
    }

    /** How many this channel sent in the minute and in the business day that start at these instants. */
    long sent(Channel channel, String span, Instant startsAt) {
        return jdbc.sql("SELECT coalesce(sum(sent), 0) FROM outbound_usage WHERE channel = :c AND span = :s AND starts_at = :at")
                .param("c", channel.name()).param("s", span).param("at", Timestamp.from(startsAt)).query(Long.class).single();
    }

    /** Counts messages handed over in this minute and day; minute counts older than an hour are dropped. */
    void count(Channel channel, Instant minute, Instant day, int handedOver) {
        jdbc.sql("""
                        INSERT INTO outbound_usage (channel, span, starts_at, sent) VALUES (:c, 'MINUTE', :m, :n), (:c, 'DAY', :d, :n)
                        ON CONFLICT (channel, span, starts_at) DO UPDATE SET sent = outbound_usage.sent + excluded.sent""")
                .param("c", channel.name()).param("m", Timestamp.from(minute)).param("d", Timestamp.from(day)).param("n", handedOver)
                .update();
        jdbc.sql("DELETE FROM outbound_usage WHERE channel = :c AND span = 'MINUTE' AND starts_at < :old")
                .param("c", channel.name()).param("old", Timestamp.from(minute.minus(Duration.ofHours(1)))).update();
    }

    /** The next messages of a channel that are due, in sending order (one-off notices before 政策包), locked. */
    List<Outgoing> lockDue(Channel channel, Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id, channel, address, text FROM outbound_message
                        WHERE channel = :c AND delivered_at IS NULL AND attempts < %d AND due_at <= :now
                        ORDER BY bulk, id LIMIT :l FOR UPDATE SKIP LOCKED""".formatted(MAX_ATTEMPTS))
                .param("c", channel.name()).param("now", Timestamp.from(now)).param("l", limit)
                .query((rs, n) -> new Outgoing(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)))
                .list();
    }

    void delivered(long id, Instant at) {
        jdbc.sql("UPDATE outbound_message SET delivered_at = :at, attempts = attempts + 1, last_error = NULL WHERE id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    /** A failed attempt: tried again after a growing pause, given up after the fifth. */
    void failed(long id, String error, Instant at) {
        int attempts = jdbc.sql("SELECT attempts FROM outbound_message WHERE id = :id").param("id", id).query(Integer.class).single();
        Duration pause = BACKOFF.get(Math.min(attempts, BACKOFF.size() - 1));
        jdbc.sql("UPDATE outbound_message SET attempts = attempts + 1, last_error = :e, due_at = :due WHERE id = :id")
                .param("id", id).param("e", error.length() > 300 ? error.substring(0, 300) : error)
                .param("due", Timestamp.from(at.plus(pause))).update();
    }

    private static final String SENT_COLUMNS = """
            SELECT o.id, o.channel, o.address, o.text, o.created_at, o.delivered_at, o.attempts, o.last_error, m.uscc, e.name,
                   o.due_at, o.bulk""";
    private static final String SENT_FROM = """
            FROM outbound_message o LEFT JOIN inbox_message m ON m.id = o.message_id LEFT JOIN enterprise_facts e ON e.uscc = m.uscc""";

    public List<Sent> recent(int limit) {
        return jdbc.sql(SENT_COLUMNS + " " + SENT_FROM + " ORDER BY o.id DESC LIMIT :l").param("l", limit)
                .query(OutboundRows::sent).list();
    }

    /** The 发件箱 list, newest first: of one channel and one state (each optional), as the states stand at {@code now}. */
    public Listing<Sent> listing(Channel channel, OutboxFilter filter, Instant now) {
        return Listing.sql(jdbc, SENT_COLUMNS, SENT_FROM + " WHERE (CAST(:channel AS text) IS NULL OR o.channel = :channel) AND "
                        + (filter == null ? "TRUE" : condition(filter)), "o.id DESC", OutboundRows::sent)
                .param("channel", channel == null ? null : channel.name()).param("now", Timestamp.from(now));
    }

    /** The same split as the rows of {@link OutboxOverview}: a retry waits for its time, the other waiting ones for their turn. */
    private static String condition(OutboxFilter filter) {
        String retry = "o.attempts BETWEEN 1 AND %d AND o.due_at > :now".formatted(MAX_ATTEMPTS - 1);
        return switch (filter) {
            case WAITING -> "o.delivered_at IS NULL AND o.attempts < %d AND NOT (%s)".formatted(MAX_ATTEMPTS, retry);
            case RETRY -> "o.delivered_at IS NULL AND " + retry;
            case FAILED -> "o.delivered_at IS NULL AND o.attempts >= " + MAX_ATTEMPTS;
            case DELIVERED -> "o.delivered_at IS NOT NULL";
        };
    }

    private static Sent sent(java.sql.ResultSet rs, int n) throws SQLException {
        return new Sent(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(),
                rs.getBoolean(12));
    }

    /** Each channel's queue as it stands at this instant. */
    Map<Channel, Backlog> backlog(Instant now) {
        Map<Channel, Backlog> backlog = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            backlog.put(channel, new Backlog(0, 0, 0, 0));
        }
        jdbc.sql("""
                        SELECT channel,
                               count(*) FILTER (WHERE delivered_at IS NULL AND attempts < %1$d AND due_at <= :now),
                               count(*) FILTER (WHERE delivered_at IS NULL AND attempts < %1$d AND due_at > :now),
                               count(*) FILTER (WHERE delivered_at IS NULL AND attempts >= %1$d),
                               count(*) FILTER (WHERE delivered_at IS NOT NULL)
                        FROM outbound_message GROUP BY channel""".formatted(MAX_ATTEMPTS))
                .param("now", Timestamp.from(now))
                .query(rs -> {
                    backlog.put(Channel.valueOf(rs.getString(1)), new Backlog(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                });
        return backlog;
    }

    /** The place in its channel's queue (0 = next) of each of these messages that is due now. */
    Map<Long, Long> positions(Collection<Long> ids, Instant now) {
        Map<Long, Long> positions = new HashMap<>();
        if (ids.isEmpty()) {
            return positions;
        }
        jdbc.sql("""
                        SELECT id, place FROM (
                            SELECT id, row_number() OVER (PARTITION BY channel ORDER BY bulk, id) - 1 AS place FROM outbound_message
                            WHERE delivered_at IS NULL AND attempts < %d AND due_at <= :now) q
                        WHERE id = ANY(:ids)""".formatted(MAX_ATTEMPTS))
                .param("now", Timestamp.from(now)).param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    positions.put(rs.getLong(1), rs.getLong(2));
                });
        return positions;
    }

    public long count(boolean delivered) {
        return jdbc.sql("SELECT count(*) FROM outbound_message WHERE (delivered_at IS NOT NULL) = :d").param("d", delivered)
                .query(Long.class).single();
    }

    public Set<Channel> muted(String uscc) {
        return Set.copyOf(jdbc.sql("SELECT channel FROM channel_mute WHERE uscc = :u").param("u", uscc)
                .query((rs, n) -> Channel.valueOf(rs.getString(1))).list());
    }

    /** The muted channels of many enterprises in one query: "uscc channel" pairs. */
    public Set<String> mutedPairs(Collection<String> usccs) {
        if (usccs.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT uscc || ' ' || channel FROM channel_mute WHERE uscc = ANY(CAST(:u AS char(18)[]))")
                .param("u", usccs.toArray(String[]::new)).query(String.class).list());
    }

    public void mute(String uscc, Channel channel, boolean muted) {
        jdbc.sql(muted ? "INSERT INTO channel_mute (uscc, channel) VALUES (:u, :c) ON CONFLICT DO NOTHING"
                        : "DELETE FROM channel_mute WHERE uscc = :u AND channel = :c")
                .param("u", uscc).param("c", channel.name()).update();
    }
}
