package io.zhida.discipline.internal;

import io.zhida.discipline.Finding;
import io.zhida.platform.Listing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The findings, read from the views the other modules publish; nothing here writes. */
@Repository
public class FindingQueries {

    private final JdbcClient jdbc;

    FindingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Listing<Finding.Overdue> overdue(Instant now) {
        return Listing.sql(jdbc, "SELECT a.id, a.number, a.enterprise_name, a.item_name, t.kind, t.department_code, t.due_at, t.done_at",
                "FROM application_task_facts t JOIN application_facts a ON a.id = t.application_id "
                        + "WHERE (t.done_at IS NULL AND t.due_at < :now) OR t.done_at > t.due_at", "t.due_at DESC, a.id DESC",
                (rs, n) -> new Finding.Overdue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        instant(rs, 7), instant(rs, 8))).param("now", java.sql.Timestamp.from(now));
    }

    /** Units with at least {@code minimum} late steps since {@code from}, the most first. */
    public List<Finding.UnitLateness> lateUnits(Instant from, Instant now, int minimum) {
        return jdbc.sql("""
                SELECT department_code, count(*) AS steps,
                       count(*) FILTER (WHERE (done_at IS NULL AND due_at < :now) OR done_at > due_at) AS late
                FROM application_task_facts WHERE started_at >= :from GROUP BY department_code
                HAVING count(*) FILTER (WHERE (done_at IS NULL AND due_at < :now) OR done_at > due_at) >= :minimum
                ORDER BY late DESC, department_code""")
                .param("from", Timestamp.from(from)).param("now", Timestamp.from(now)).param("minimum", minimum)
                .query((rs, n) -> new Finding.UnitLateness(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    public Listing<Finding.DishonestGrant> dishonestGrants() {
        return Listing.sql(jdbc, "SELECT g.id, g.uscc, g.enterprise_name, g.item_code, coalesce((SELECT i.name FROM item_author_facts i "
                        + "WHERE i.item_code = g.item_code ORDER BY i.version DESC LIMIT 1), g.item_code), g.amount, g.status, g.created_at",
                "FROM grant_facts g JOIN enterprise_facts e ON e.uscc = g.uscc WHERE e.dishonest AND g.status <> 'CANCELLED'",
                "g.created_at DESC, g.id DESC", (rs, n) -> new Finding.DishonestGrant(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getString(7), instant(rs, 8)));
    }

    public Listing<Finding.ChangedAmount> changedAmounts() {
        return Listing.sql(jdbc, """
                        SELECT a.id, a.number, a.enterprise_name, a.item_name, a.estimate, a.approved_amount,
                               (SELECT d.decided_by FROM application_decision_facts d WHERE d.application_id = a.id ORDER BY d.decided_at DESC LIMIT 1),
                               a.decided_at""",
                "FROM application_facts a WHERE a.approved_amount IS NOT NULL AND a.estimate IS NOT NULL AND a.approved_amount <> a.estimate",
                "abs(a.approved_amount - a.estimate) DESC, a.id DESC", (rs, n) -> new Finding.ChangedAmount(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7), instant(rs, 8)));
    }

    public Listing<Finding.SelfApproval> selfApprovals() {
        return Listing.sql(jdbc, "SELECT a.id, a.number, a.item_code, a.item_name, a.item_version, i.author, d.decided_by, d.confirmed_by, d.decided_at",
                "FROM application_decision_facts d JOIN application_facts a ON a.id = d.application_id "
                        + "JOIN item_author_facts i ON i.item_code = a.item_code AND i.version = a.item_version "
                        + "WHERE d.decision = 'APPROVE' AND (d.decided_by = i.author OR d.confirmed_by = i.author)",
                "d.decided_at DESC, a.id DESC", (rs, n) -> new Finding.SelfApproval(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9)));
    }

    public Listing<Finding.Objection> objections() {
        return Listing.sql(jdbc, "SELECT o.id, o.grant_id, g.enterprise_name, g.item_code, o.reason, o.status, o.answer, o.created_at",
                "FROM objection_facts o JOIN grant_facts g ON g.id = o.grant_id", "o.created_at DESC, o.id DESC",
                (rs, n) -> new Finding.Objection(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), instant(rs, 8)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
