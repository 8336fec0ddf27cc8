package io.zhida.notify.internal;

import io.zhida.notify.Channel;
import io.zhida.notify.MessageChannel.Outgoing;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
public class OutboundRows {

    public record Sent(long id, Channel channel, String address, String text, Instant createdAt, Instant deliveredAt,
                       int attempts, String lastError, String uscc, String enterpriseName) {
    }

    static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;

    OutboundRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void queue(Long messageId, Channel channel, String address, String text) {
        jdbc.sql("INSERT INTO outbound_message (message_id, channel, address, text) VALUES (:m, :c, :a, :t) ON CONFLICT DO NOTHING")
                .param("m", messageId).param("c", channel.name()).param("a", address).param("t", text).update();
    }

    /** Pending messages, locked for this transaction; others running the dispatcher skip them. */
    List<Outgoing> lockPending(int limit) {
        return jdbc.sql("""
                SELECT id, channel, address, text FROM outbound_message
                WHERE delivered_at IS NULL AND attempts < :max ORDER BY id LIMIT :l FOR UPDATE SKIP LOCKED""")
                .param("max", MAX_ATTEMPTS).param("l", limit)
                .query((rs, n) -> new Outgoing(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)))
                .list();
    }

    void delivered(long id) {
        jdbc.sql("UPDATE outbound_message SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = :id")
                .param("id", id).update();
    }

    void failed(long id, String error) {
        jdbc.sql("UPDATE outbound_message SET attempts = attempts + 1, last_error = :e WHERE id = :id")
                .param("id", id).param("e", error.length() > 300 ? error.substring(0, 300) : error).update();
    }

    public List<Sent> recent(int limit) {
        return jdbc.sql("""
                SELECT o.id, o.channel, o.address, o.text, o.created_at, o.delivered_at, o.attempts, o.last_error, m.uscc, e.name
                FROM outbound_message o LEFT JOIN inbox_message m ON m.id = o.message_id LEFT JOIN enterprise e ON e.uscc = m.uscc
                ORDER BY o.id DESC LIMIT :l""").param("l", limit)
                .query((rs, n) -> new Sent(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10)))
                .list();
    }

    public long count(boolean delivered) {
        return jdbc.sql("SELECT count(*) FROM outbound_message WHERE (delivered_at IS NOT NULL) = :d").param("d", delivered)
                .query(Long.class).single();
    }

    public Set<Channel> muted(String uscc) {
        return Set.copyOf(jdbc.sql("SELECT channel FROM channel_mute WHERE uscc = :u").param("u", uscc)
                .query((rs, n) -> Channel.valueOf(rs.getString(1))).list());
    }

    public void mute(String uscc, Channel channel, boolean muted) {
        jdbc.sql(muted ? "INSERT INTO channel_mute (uscc, channel) VALUES (:u, :c) ON CONFLICT DO NOTHING"
                        : "DELETE FROM channel_mute WHERE uscc = :u AND channel = :c")
                .param("u", uscc).param("c", channel.name()).update();
    }
}
