package io.zhida.enterprise.internal;

import io.zhida.enterprise.Corrections.Correction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
public class CorrectionRows {

    private static final String SELECT = """
            SELECT c.id, c.uscc, e.name, c.attribute, c.current_value, c.proposed_value, c.reason, c.owner_department,
                   c.status, c.requested_by, c.requested_at, c.handled_by, c.handled_at, c.answer
            FROM correction_request c JOIN enterprise e ON e.uscc = c.uscc""";
    private static final String ORDER = " ORDER BY (c.status = 'OPEN') DESC, c.requested_at DESC LIMIT 500";

    private final JdbcClient jdbc;
    private final io.zhida.enterprise.AttributeCatalog attributes;

    CorrectionRows(JdbcClient jdbc, io.zhida.enterprise.AttributeCatalog attributes) {
        this.jdbc = jdbc;
        this.attributes = attributes;
    }

    public long insert(String uscc, String attribute, String current, String proposed, String reason, String owner, String by) {
        return jdbc.sql("""
                INSERT INTO correction_request (uscc, attribute, current_value, proposed_value, reason, owner_department, requested_by)
                VALUES (:u, :a, :c, :p, :r, :o, :b) RETURNING id""")
                .param("u", uscc).param("a", attribute).param("c", current).param("p", proposed).param("r", reason)
                .param("o", owner).param("b", by).query(Long.class).single();
    }

    public Optional<Correction> find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(this::row).optional();
    }

    public List<Correction> all() {
        return jdbc.sql(SELECT + ORDER).query(this::row).list();
    }

    public List<Correction> forDepartment(String code) {
        return jdbc.sql(SELECT + " WHERE c.owner_department = :d" + ORDER).param("d", code).query(this::row).list();
    }

    public List<Correction> forEnterprise(String uscc) {
        return jdbc.sql(SELECT + " WHERE c.uscc = :u" + ORDER).param("u", uscc).query(this::row).list();
    }

    /** Closes an open request; false when someone else closed it first. */
    public boolean close(long id, String status, String answer, String by) {
        return jdbc.sql("UPDATE correction_request SET status = :s, answer = :a, handled_by = :b, handled_at = now() "
                        + "WHERE id = :id AND status = 'OPEN'")
                .param("s", status).param("a", answer).param("b", by).param("id", id).update() == 1;
    }

    private Correction row(ResultSet rs, int n) throws SQLException {
        Timestamp handled = rs.getTimestamp("handled_at");
        String attribute = rs.getString("attribute");
        return new Correction(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"), attribute,
                attributes.label(attribute), rs.getString("current_value"), rs.getString("proposed_value"),
                rs.getString("reason"), rs.getString("owner_department"), rs.getString("status"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("handled_by"),
                handled == null ? null : handled.toInstant(), rs.getString("answer"));
    }
}
