package io.zhida.funds.internal;

import io.zhida.funds.Objection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ObjectionRows {

    private static final String SELECT = """
            SELECT o.id, o.grant_id, g.enterprise_name, g.item_code, g.item_name, g.amount, g.disclosure_until, o.name, o.contact,
                   o.reason, o.status, o.accept_note, o.accepted_by, o.accepted_at, o.answer, o.answered_by, o.created_at, o.answered_at
            FROM disclosure_objection o JOIN fund_grant g ON g.id = o.grant_id""";

    private final JdbcClient jdbc;

    ObjectionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long grantId, String name, String contact, String contactKey, String reason, String clientAddress) {
        return jdbc.sql("""
                INSERT INTO disclosure_objection (grant_id, name, contact, contact_key, reason, client_address)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(grantId, name, contact, contactKey, reason, clientAddress).query(Long.class).single();
    }

    /** How many objections this contact has made against this grant. */
    public long countByContact(long grantId, String contactKey) {
        return jdbc.sql("SELECT count(*) FROM disclosure_objection WHERE grant_id = ? AND contact_key = ?")
                .params(grantId, contactKey).query(Long.class).single();
    }

    /** Open ones first (received before under review), then the newest. */
    public List<Objection> all() {
        return jdbc.sql(SELECT + " ORDER BY CASE o.status WHEN 'RECEIVED' THEN 0 WHEN 'ACCEPTED' THEN 1 ELSE 2 END, o.created_at DESC LIMIT 500")
                .query(ObjectionRows::objection).list();
    }

    public Optional<Objection> find(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query(ObjectionRows::objection).optional();
    }

    public List<Objection.Public> forGrants(Collection<Long> grantIds) {
        if (grantIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT grant_id, status, answer, created_at FROM disclosure_objection WHERE grant_id = ANY(?) ORDER BY created_at")
                .param(grantIds.toArray(Long[]::new))
                .query((rs, n) -> {
                    Objection.Status status = Objection.Status.valueOf(rs.getString(2));
                    return new Objection.Public(rs.getLong(1), status, status.open() ? null : rs.getString(3), rs.getTimestamp(4).toInstant());
                })
                .list();
    }

    public int accept(long id, String note, String actor) {
        return jdbc.sql("UPDATE disclosure_objection SET status = 'ACCEPTED', accept_note = ?, accepted_by = ?, accepted_at = now() WHERE id = ? AND status = 'RECEIVED'")
                .params(note, actor, id).update();
    }

    /** Closes an objection: from {@code from} (RECEIVED when turned down unheard, ACCEPTED after review) to {@code to}. */
    public int answer(long id, String from, String to, String answer, String actor) {
        return jdbc.sql("UPDATE disclosure_objection SET status = ?, answer = ?, answered_by = ?, answered_at = now() WHERE id = ? AND status = ?")
                .params(to, answer, actor, id, from).update();
    }

    private static Objection objection(ResultSet rs, int n) throws SQLException {
        return new Objection(rs.getLong("id"), rs.getLong("grant_id"), rs.getString("enterprise_name"), rs.getString("item_code"),
                rs.getString("item_name"), rs.getBigDecimal("amount"), rs.getObject("disclosure_until", java.time.LocalDate.class),
                rs.getString("name"), rs.getString("contact"), rs.getString("reason"), Objection.Status.valueOf(rs.getString("status")),
                rs.getString("accept_note"), rs.getString("accepted_by"), instant(rs.getTimestamp("accepted_at")),
                rs.getString("answer"), rs.getString("answered_by"), rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("answered_at")));
    }

    private static java.time.Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
