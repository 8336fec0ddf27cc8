package io.zhida.rectification.internal;

import io.zhida.platform.Listing;
import io.zhida.rectification.Problem;
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

/** The ledger's tables; every status change is guarded by the status it expects. */
@Repository
public class ProblemRows {

    public record Event(String step, String note, String actor, Instant at) {
    }

    private static final String COLUMNS = """
            id, number, category, source_ref, title, description, unit_kind, unit_code, co_units, person, target, measures,
            deadline, status, evidence, reopened, escalated_at, created_by, created_at, done_at, checked_at""";

    private final JdbcClient jdbc;

    ProblemRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Next number of a prefix (PJ-2026): 0001, 0002, … without gaps under concurrency. */
    public String nextNumber(String prefix) {
        int n = jdbc.sql("""
                        INSERT INTO problem_counter (prefix, last) VALUES (?, 1)
                        ON CONFLICT (prefix) DO UPDATE SET last = problem_counter.last + 1 RETURNING last""")
                .param(prefix).query(Integer.class).single();
        return prefix + "-" + String.format("%04d", n);
    }

    /** Inserts unless the same source already produced a problem; empty then. */
    public Optional<Long> insert(String number, Problem.New p, LocalDate deadline, String actor) {
        return jdbc.sql("""
                        INSERT INTO problem (number, category, source_ref, title, description, unit_kind, unit_code, co_units, person,
                                             target, measures, deadline, created_by)
                        VALUES (:number, :category, :ref, :title, :description, :kind, :code, string_to_array(:co, ','), :person,
                                :target, :measures, :deadline, :actor)
                        ON CONFLICT (category, source_ref) WHERE source_ref IS NOT NULL DO NOTHING RETURNING id""")
                .param("number", number).param("category", p.category().name()).param("ref", p.sourceRef())
                .param("title", p.title()).param("description", p.description()).param("kind", p.unitKind())
                .param("code", p.unitCode()).param("co", String.join(",", p.coUnits() == null ? List.of() : p.coUnits()))
                .param("person", p.person()).param("target", p.target()).param("measures", p.measures())
                .param("deadline", deadline).param("actor", actor)
                .query(Long.class).optional();
    }

    public boolean exists(Problem.Category category, String sourceRef) {
        return jdbc.sql("SELECT count(*) FROM problem WHERE category = ? AND source_ref = ?").params(category.name(), sourceRef)
                .query(Long.class).single() > 0;
    }

    public Optional<Problem> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM problem WHERE id = ?").param(id).query(ProblemRows::problem).optional();
    }

    public Optional<Problem> lockForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM problem WHERE id = ? FOR UPDATE").param(id).query(ProblemRows::problem).optional();
    }

    /** A responsible unit as the ledger filters by it: a kind (DEPARTMENT, COUNTY) and a code, either may be null (any). */
    public record Unit(String kind, String code) {
    }

    /**
     * The ledger, newest first: problems of any of {@code units} (null = every unit; a unit matches as the responsible
     * one or, by its code, as a co-operating one) in a status and from a source (each optional), or overdue only.
     */
    public Listing<Problem> listing(String status, List<Unit> units, String category, boolean overdueOnly, LocalDate today) {
        StringBuilder where = new StringBuilder("FROM problem WHERE (CAST(:status AS text) IS NULL OR status = :status) "
                + "AND (CAST(:category AS text) IS NULL OR category = :category) "
                + "AND (NOT :overdue OR (status IN ('OPEN','IN_PROGRESS') AND deadline < :today))");
        if (units != null) {
            where.append(" AND (FALSE");
            for (int i = 0; i < units.size(); i++) {
                where.append(" OR ((CAST(:kind%1$d AS text) IS NULL OR unit_kind = :kind%1$d) AND (CAST(:code%1$d AS text) IS NULL OR unit_code = :code%1$d OR :code%1$d = ANY(co_units)))"
                        .formatted(i));
            }
            where.append(")");
        }
        Listing<Problem> listing = Listing.sql(jdbc, "SELECT " + COLUMNS, where.toString(), "id DESC", ProblemRows::problem)
                .param("status", status).param("category", category).param("overdue", overdueOnly).param("today", today);
        for (int i = 0; units != null && i < units.size(); i++) {
            listing = listing.param("kind" + i, units.get(i).kind()).param("code" + i, units.get(i).code());
        }
        return listing;
    }

    /** Open (or in progress) problems and the overdue among them, of one unit (also as co-operator) or of all. */
    public long[] openCounts(String unitKind, String unitCode, LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE deadline < :today) FROM problem WHERE status IN ('OPEN', 'IN_PROGRESS')
                          AND (CAST(:kind AS text) IS NULL OR unit_kind = :kind) AND (CAST(:code AS text) IS NULL OR unit_code = :code OR :code = ANY(co_units))""")
                .param("kind", unitKind).param("code", unitCode).param("today", today)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    public void update(long id, String set, Object... params) {
        var spec = jdbc.sql("UPDATE problem SET " + set + " WHERE id = " + id);
        for (Object p : params) {
            spec = spec.param(p);
        }
        spec.update();
    }

    public void event(long id, String step, String note, String actor) {
        jdbc.sql("INSERT INTO problem_event (problem_id, step, note, actor) VALUES (?, ?, ?, ?)").params(id, step, note, actor).update();
    }

    public List<Event> events(long id) {
        return jdbc.sql("SELECT step, note, actor, at FROM problem_event WHERE problem_id = ? ORDER BY at, id").param(id)
                .query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    /** Overdue and not yet escalated: marked escalated in the same statement, so each is escalated once. */
    public List<Long> escalateOverdue(LocalDate today) {
        return jdbc.sql("""
                        UPDATE problem SET escalated_at = now()
                        WHERE status IN ('OPEN', 'IN_PROGRESS') AND deadline < ? AND escalated_at IS NULL RETURNING id""")
                .param(today).query(Long.class).list();
    }

    /** Per unit: opened in the window, closed (done or checked) in it, open now, overdue now. */
    public record UnitSummary(String unitKind, String unitCode, long opened, long closed, long open, long overdue) {
    }

    public List<UnitSummary> summary(Instant from, Instant to, LocalDate today) {
        return jdbc.sql("""
                        SELECT unit_kind, unit_code,
                               count(*) FILTER (WHERE created_at >= :from AND created_at < :to) AS opened,
                               count(*) FILTER (WHERE done_at >= :from AND done_at < :to) AS closed,
                               count(*) FILTER (WHERE status IN ('OPEN', 'IN_PROGRESS')) AS open,
                               count(*) FILTER (WHERE status IN ('OPEN', 'IN_PROGRESS') AND deadline < :today) AS overdue
                        FROM problem GROUP BY 1, 2 ORDER BY overdue DESC, open DESC, 2""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("today", today)
                .query((rs, n) -> new UnitSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }

    static Problem problem(ResultSet rs, int n) throws SQLException {
        Array co = rs.getArray("co_units");
        return new Problem(rs.getLong("id"), rs.getString("number"), Problem.Category.valueOf(rs.getString("category")),
                rs.getString("source_ref"), rs.getString("title"), rs.getString("description"), rs.getString("unit_kind"),
                rs.getString("unit_code"), co == null ? List.of() : Arrays.asList((String[]) co.getArray()), rs.getString("person"),
                rs.getString("target"), rs.getString("measures"), rs.getObject("deadline", LocalDate.class),
                Problem.Status.valueOf(rs.getString("status")), rs.getString("evidence"), rs.getInt("reopened"),
                instant(rs, "escalated_at"), rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "done_at"),
                instant(rs, "checked_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
