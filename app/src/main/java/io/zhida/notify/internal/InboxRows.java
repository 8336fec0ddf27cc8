package io.zhida.notify.internal;

import io.zhida.notify.InboxMessage;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the inbox and the record of what was announced. */
@Repository
public class InboxRows {

    private final JdbcClient jdbc;

    InboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> notAnnounced(String uscc, List<String> itemCodes) {
        return jdbc.sql("""
                        SELECT c FROM unnest(CAST(:codes AS text[])) AS c
                        WHERE NOT EXISTS (SELECT 1 FROM match_notice n WHERE n.uscc = :u AND n.item_code = c)""")
                .param("codes", itemCodes.toArray(String[]::new)).param("u", uscc).query(String.class).list();
    }

    public long insert(String uscc, String title, String body, List<String> itemCodes) {
        return jdbc.sql("""
                        INSERT INTO inbox_message (uscc, title, body, item_codes, delivered_at)
                        VALUES (:u, :t, :b, :codes, now()) RETURNING id""")
                .param("u", uscc).param("t", title).param("b", body).param("codes", itemCodes.toArray(String[]::new))
                .query(Long.class).single();
    }

    /** Records the notices; the primary key makes a second claim of the same match a no-op. */
    public int claim(String uscc, List<String> itemCodes, long messageId) {
        return jdbc.sql("""
                        INSERT INTO match_notice (uscc, item_code, message_id)
                        SELECT :u, c, :m FROM unnest(CAST(:codes AS text[])) AS c ON CONFLICT DO NOTHING""")
                .param("u", uscc).param("m", messageId).param("codes", itemCodes.toArray(String[]::new)).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM inbox_message WHERE id = :id").param("id", id).update();
    }

    public List<InboxMessage> forEnterprise(String uscc) {
        return jdbc.sql("SELECT * FROM inbox_message WHERE uscc = :u ORDER BY created_at DESC, id DESC LIMIT 200")
                .param("u", uscc).query(InboxRows::message).list();
    }

    public long unread(String uscc) {
        return jdbc.sql("SELECT count(*) FROM inbox_message WHERE uscc = :u AND read_at IS NULL").param("u", uscc)
                .query(Long.class).single();
    }

    public Optional<InboxMessage> find(long id) {
        return jdbc.sql("SELECT * FROM inbox_message WHERE id = :id").param("id", id).query(InboxRows::message).optional();
    }

    public void markRead(long id) {
        jdbc.sql("UPDATE inbox_message SET read_at = coalesce(read_at, now()) WHERE id = :id").param("id", id).update();
    }

    private static InboxMessage message(ResultSet rs, int n) throws SQLException {
        Array codes = rs.getArray("item_codes");
        Timestamp read = rs.getTimestamp("read_at");
        return new InboxMessage(rs.getLong("id"), rs.getString("uscc"), rs.getString("title"), rs.getString("body"),
                codes == null ? List.of() : Arrays.asList((String[]) codes.getArray()), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
