package io.zhida.notify.internal;

import io.zhida.notify.InboxMessage;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the inbox and the record of what was announced; the 政策包 statements work on many enterprises at once. */
@Repository
public class InboxRows {

    /** An (enterprise, item) pair. */
    public record Pair(String uscc, String itemCode) {
    }

    /** A 政策包 of an enterprise and day, with the items it holds; open until the enterprise reads it. */
    public record Bundle(long id, String uscc, List<String> itemCodes, boolean open) {
    }

    /** The content of a 政策包 (id 0 before it is written for the first time). */
    public record Content(long id, String title, String body, List<String> itemCodes) {
    }

    private final JdbcClient jdbc;

    InboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The 政策包 these enterprises got on this day, read or not, locked until the transaction ends (in code
     * order, so that two deliveries never wait for each other in a circle).
     */
    public List<Bundle> ofTheDay(Collection<String> usccs, LocalDate day) {
        return jdbc.sql("""
                        SELECT id, uscc, item_codes, read_at IS NULL FROM inbox_message
                        WHERE uscc = ANY(CAST(:u AS char(18)[])) AND bundle_day = :day ORDER BY uscc, id FOR UPDATE""")
                .param("u", usccs.toArray(String[]::new)).param("day", Date.valueOf(day))
                .query((rs, n) -> new Bundle(rs.getLong(1), rs.getString(2), codes(rs.getArray(3)), rs.getBoolean(4))).list();
    }

    /**
     * Starts these enterprises' 政策包 of the day, already written. An enterprise whose open one a concurrent
     * delivery started meanwhile is left out (the one-open-bundle key): returns enterprise → new message.
     */
    public Map<String, Long> start(Map<String, Content> contents, LocalDate day, Instant now) {
        Map<String, Long> started = new HashMap<>();
        if (contents.isEmpty()) {
            return started;
        }
        jdbc.sql("""
                        INSERT INTO inbox_message (uscc, title, body, item_codes, bundle_day, created_at, delivered_at)
                        SELECT u, t, b, string_to_array(c, chr(31)), :day, :now, :now
                        FROM unnest(CAST(:u AS char(18)[]), CAST(:t AS text[]), CAST(:b AS text[]), CAST(:c AS text[])) AS v(u, t, b, c)
                        ORDER BY u
                        ON CONFLICT (uscc, bundle_day) WHERE read_at IS NULL AND bundle_day IS NOT NULL DO NOTHING
                        RETURNING uscc, id""")
                .param("u", contents.keySet().toArray(String[]::new))
                .param("t", contents.values().stream().map(Content::title).toArray(String[]::new))
                .param("b", contents.values().stream().map(Content::body).toArray(String[]::new))
                .param("c", contents.values().stream().map(c -> String.join("\u001f", c.itemCodes())).toArray(String[]::new))
                .param("day", Date.valueOf(day)).param("now", Timestamp.from(now))
                .query(rs -> {
                    started.put(rs.getString(1), rs.getLong(2));
                });
        return started;
    }

    /** Sets the title, body and items of many 政策包 in one statement. */
    public void rewrite(List<Content> contents) {
        if (contents.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE inbox_message m SET title = v.t, body = v.b, item_codes = string_to_array(v.c, chr(31))
                        FROM unnest(CAST(:id AS bigint[]), CAST(:t AS text[]), CAST(:b AS text[]), CAST(:c AS text[])) AS v(id, t, b, c)
                        WHERE m.id = v.id""")
                .param("id", contents.stream().map(Content::id).toArray(Long[]::new))
                .param("t", contents.stream().map(Content::title).toArray(String[]::new))
                .param("b", contents.stream().map(Content::body).toArray(String[]::new))
                .param("c", contents.stream().map(c -> String.join("\u001f", c.itemCodes())).toArray(String[]::new))
                .update();
    }

    public void deleteAll(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("DELETE FROM inbox_message WHERE id = ANY(:ids)").param("ids", ids.toArray(Long[]::new)).update();
        }
    }

    public long insert(String uscc, String title, String body, List<String> itemCodes) {
        return jdbc.sql("""
                        INSERT INTO inbox_message (uscc, title, body, item_codes, delivered_at)
                        VALUES (:u, :t, :b, :codes, now()) RETURNING id""")
                .param("u", uscc).param("t", title).param("b", body).param("codes", itemCodes.toArray(String[]::new))
                .query(Long.class).single();
    }

    /** The enterprise's messages, the newest first. */
    public io.zhida.platform.Listing<InboxMessage> forEnterprise(String uscc) {
        return io.zhida.platform.Listing.sql(jdbc, "SELECT *", "FROM inbox_message WHERE uscc = :u", "created_at DESC, id DESC", InboxRows::message)
                .param("u", uscc);
    }

    public long unread(String uscc) {
        return jdbc.sql("SELECT count(*) FROM inbox_message WHERE uscc = :u AND read_at IS NULL").param("u", uscc)
                .query(Long.class).single();
    }

    public Optional<InboxMessage> find(long id) {
        return jdbc.sql("SELECT * FROM inbox_message WHERE id = :id").param("id", id).query(InboxRows::message).optional();
    }

    /**
     * Marks a message read if it was not; returns the items it announced at that moment (empty when it was
     * read before). Reading closes a 政策包: the next match of the day starts a new one.
     */
    public Optional<List<String>> markRead(long id) {
        return jdbc.sql("UPDATE inbox_message SET read_at = now() WHERE id = :id AND read_at IS NULL RETURNING item_codes")
                .param("id", id).query((rs, n) -> codes(rs.getArray(1))).optional();
    }

    private static InboxMessage message(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new InboxMessage(rs.getLong("id"), rs.getString("uscc"), rs.getString("title"), rs.getString("body"),
                codes(rs.getArray("item_codes")), rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }

    private static List<String> codes(Array codes) throws SQLException {
        return codes == null ? List.of() : Arrays.asList((String[]) codes.getArray());
    }
}
