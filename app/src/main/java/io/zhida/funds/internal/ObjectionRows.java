package io.zhida.funds.internal;

import io.zhida.funds.Objection;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ObjectionRows {

    private static final String SELECT = """
            SELECT o.id, o.grant_id, g.enterprise_name, g.item_name, g.amount, o.name, o.contact, o.reason, o.status, o.answer,
                   o.answered_by, o.created_at, o.answered_at
            FROM disclosure_objection o JOIN fund_grant g ON g.id = o.grant_id""";

    private final JdbcClient jdbc;

    ObjectionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long grantId, String name, String contact, String reason) {
        return jdbc.sql("INSERT INTO disclosure_objection (grant_id, name, contact, reason) VALUES (?, ?, ?, ?) RETURNING id")
                .params(grantId, name, contact, reason).query(Long.class).single();
    }

    public List<Objection> all() {
        return jdbc.sql(SELECT + " ORDER BY (o.status = 'OPEN') DESC, o.created_at DESC LIMIT 500").query(ObjectionRows::objection).list();
    }

    public Optional<Objection> find(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query(ObjectionRows::objection).optional();
    }

    public int answer(long id, String status, String answer, String actor) {
        return jdbc.sql("UPDATE disclosure_objection SET status = ?, answer = ?, answered_by = ?, answered_at = now() WHERE id = ? AND status = 'OPEN'")
                .params(status, answer, actor, id).update();
    }

    private static Objection objection(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp answered = rs.getTimestamp(13);
        return new Objection(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getTimestamp(12).toInstant(), answered == null ? null : answered.toInstant());
    }
}
