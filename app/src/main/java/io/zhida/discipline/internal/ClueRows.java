package io.zhida.discipline.internal;

import io.zhida.discipline.Clue;
import io.zhida.platform.Listing;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clues and their records. */
@Repository
public class ClueRows {

    private static final String COLUMNS = """
            id, number, source, source_ref, title, evidence, department_code, due_date, status, answer, answered_by, answered_at, joint_units,
            joint_plan, conclusion, result, closed_by, closed_at, created_by, created_at""";

    private final JdbcClient jdbc;

    ClueRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new clue's id; an open clue of the same source record is a duplicate key */
    public long insert(Clue.Source source, String sourceRef, String title, String evidence, String department, LocalDate due, String actor) {
        long id = jdbc.sql("""
                INSERT INTO discipline_clue (number, source, source_ref, title, evidence, department_code, due_date, created_by)
                VALUES ('', ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(source.name(), sourceRef, title, evidence, department, due, actor).query(Long.class).single();
        jdbc.sql("UPDATE discipline_clue SET number = 'XS-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' "
                + "|| lpad(id::text, greatest(4, length(id::text)), '0') WHERE id = ?").param(id).update();
        return id;
    }

    public Optional<Clue> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM discipline_clue WHERE id = ?").param(id).query(ClueRows::clue).optional();
    }

    public Optional<Clue> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM discipline_clue WHERE id = ? FOR UPDATE").param(id).query(ClueRows::clue).optional();
    }

    /** Moves the clue on if it is still in {@code from}; {@code set} is a fixed fragment of this module. */
    public int move(long id, Clue.Status from, Clue.Status to, String set, Object... params) {
        Object[] all = new Object[params.length + 3];
        all[0] = to.name();
        System.arraycopy(params, 0, all, 1, params.length);
        all[params.length + 1] = id;
        all[params.length + 2] = from.name();
        return jdbc.sql("UPDATE discipline_clue SET status = ?, " + set + " WHERE id = ? AND status = ?").params(all).update();
    }

    /** All clues (the inspector), or one unit's (null: all), open ones first. */
    public Listing<Clue> list(String department, String status) {
        return Listing.sql(jdbc, "SELECT " + COLUMNS, "FROM discipline_clue WHERE (CAST(:department AS text) IS NULL OR department_code = :department) "
                        + "AND (CAST(:status AS text) IS NULL OR status = :status)",
                "CASE status WHEN 'CLOSED' THEN 1 ELSE 0 END, created_at DESC, id DESC", ClueRows::clue)
                .param("department", department).param("status", status);
    }

    public void event(long clueId, String actor, String step, String note) {
        jdbc.sql("INSERT INTO discipline_clue_event (clue_id, actor, step, note) VALUES (?, ?, ?, ?)").params(clueId, actor, step, note).update();
    }

    public List<Clue.Event> events(long clueId) {
        return jdbc.sql("SELECT at, actor, step, note FROM discipline_clue_event WHERE clue_id = ? ORDER BY at, id").param(clueId)
                .query((rs, n) -> new Clue.Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    private static Clue clue(ResultSet rs, int n) throws SQLException {
        Array units = rs.getArray(13);
        String conclusion = rs.getString(15);
        return new Clue(rs.getLong(1), rs.getString(2), Clue.Source.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getObject(8, LocalDate.class), Clue.Status.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11),
                instant(rs, 12), Arrays.asList((String[]) units.getArray()), rs.getString(14),
                conclusion == null ? null : Clue.Conclusion.valueOf(conclusion), rs.getString(16), rs.getString(17), instant(rs, 18),
                rs.getString(19), rs.getTimestamp(20).toInstant());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
