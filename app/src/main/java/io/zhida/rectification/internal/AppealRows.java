package io.zhida.rectification.internal;

import io.zhida.platform.Listing;
import io.zhida.rectification.Appeal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AppealRows {

    private static final String COLUMNS = """
            id, number, uscc, enterprise_name, region, kind, item_code, department_code, content, status, due_at, answer, answered_by,
            answered_at, stars, resolved, problem_id, submitted_at""";

    private final JdbcClient jdbc;

    AppealRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String number, String uscc, String name, String region, Appeal.Kind kind, String item, String department, String content) {
        return jdbc.sql("""
                        INSERT INTO appeal (number, uscc, enterprise_name, region, kind, item_code, department_code, content)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(number, uscc, name, region, kind.name(), item, department, content).query(Long.class).single();
    }

    /** An appeal handed over by another system, under its reference; an existing one of that reference is left as it is. */
    public Optional<Long> insertFromSystem(String number, String uscc, String name, String region, Appeal.Kind kind, String item,
                                           String department, String content, String client, String clientName, String reference) {
        return jdbc.sql("""
                        INSERT INTO appeal (number, uscc, enterprise_name, region, kind, item_code, department_code, content, source_client,
                                            source_name, source_ref)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_client, source_ref) WHERE source_ref IS NOT NULL DO NOTHING
                        RETURNING id""")
                .params(number, uscc, name, region, kind.name(), item, department, content, client, clientName, reference)
                .query(Long.class).optional();
    }

    /** The appeal a system handed over under its reference. */
    public Optional<Appeal> bySource(String client, String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appeal WHERE source_client = ? AND source_ref = ?").params(client, reference)
                .query(AppealRows::appeal).optional();
    }

    /** Who handed the appeal over, if a system did: {client id, reference}. */
    public Optional<String[]> source(long id) {
        return jdbc.sql("SELECT source_client, source_ref FROM appeal WHERE id = ? AND source_client IS NOT NULL").param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    public Optional<Appeal> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appeal WHERE id = ?").param(id).query(AppealRows::appeal).optional();
    }

    public List<Appeal> forEnterprise(String uscc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appeal WHERE uscc = ? ORDER BY submitted_at DESC").param(uscc).query(AppealRows::appeal).list();
    }

    /** 诉求 of one department (null = all), optionally in one status and of one kind: those waiting first, then newest first. */
    public Listing<Appeal> forDepartment(String department, String status, String kind) {
        return Listing.sql(jdbc, "SELECT " + COLUMNS, "FROM appeal WHERE (CAST(:department AS text) IS NULL OR department_code = :department) "
                        + "AND (CAST(:status AS text) IS NULL OR status = :status) AND (CAST(:kind AS text) IS NULL OR kind = :kind)",
                        "CASE status WHEN 'SUBMITTED' THEN 0 WHEN 'DISPATCHED' THEN 1 ELSE 2 END, submitted_at DESC, id DESC", AppealRows::appeal)
                .param("department", department).param("status", status).param("kind", kind);
    }

    /** A guarded status change: only from the status expected. */
    public boolean transition(long id, Appeal.Status from, String set, Object... params) {
        var spec = jdbc.sql("UPDATE appeal SET " + set + " WHERE id = ? AND status = ?");
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.param(id).param(from.name()).update() == 1;
    }

    public void linkProblem(long id, long problem) {
        jdbc.sql("UPDATE appeal SET problem_id = ? WHERE id = ?").params(problem, id).update();
    }

    public List<Appeal> overdueWithoutProblem(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appeal WHERE status = 'DISPATCHED' AND due_at < ? AND problem_id IS NULL")
                .param(Timestamp.from(now)).query(AppealRows::appeal).list();
    }

    public List<Appeal> unresolvedWithoutProblem() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appeal WHERE status = 'CLOSED' AND problem_id IS NULL AND (NOT resolved OR stars <= 2)")
                .query(AppealRows::appeal).list();
    }

    static Appeal appeal(ResultSet rs, int n) throws SQLException {
        return new Appeal(rs.getLong("id"), rs.getString("number"), rs.getString("uscc"), rs.getString("enterprise_name"),
                rs.getString("region"), Appeal.Kind.valueOf(rs.getString("kind")), rs.getString("item_code"),
                rs.getString("department_code"), rs.getString("content"), Appeal.Status.valueOf(rs.getString("status")),
                ProblemRows.instant(rs, "due_at"), rs.getString("answer"), rs.getString("answered_by"), ProblemRows.instant(rs, "answered_at"),
                (Integer) rs.getObject("stars", Integer.class), (Boolean) rs.getObject("resolved", Boolean.class),
                (Long) rs.getObject("problem_id", Long.class), ProblemRows.instant(rs, "submitted_at"));
    }
}
