package io.zhida.applications.internal;

import io.zhida.applications.Application;
import io.zhida.applications.ApplicationChanged;
import io.zhida.catalog.HandlingMode;
import io.zhida.platform.Listing;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The application table; every status change is a guarded update (… WHERE status = expected). */
@Repository
public class ApplicationRows {

    private static final String COLUMNS = """
            id, number, uscc, enterprise_name, region, item_code, item_version, item_name, mode, departments, period, status,
            outcome, estimate, approved_amount, amount_reason, figures::text, commitment_signed_at, correction_note,
            decision_reason, grant_id, submitted_at, accepted_at, dispatched_at, decided_at, paid_at""";

    /** What a new application holds. */
    public record NewApplication(String uscc, String enterpriseName, String region, String itemCode, int itemVersion,
                                 String itemName, HandlingMode mode, List<String> departments, String period, String outcome,
                                 BigDecimal estimate, Map<String, String> figures, boolean commitment) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApplicationRows(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    public long insert(NewApplication a) {
        long id = jdbc.sql("""
                INSERT INTO application (number, uscc, enterprise_name, region, item_code, item_version, item_name, mode, departments,
                  period, status, outcome, estimate, figures, commitment_signed_at)
                VALUES ('', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?::jsonb, CASE WHEN ? THEN now() END) RETURNING id""")
                .params(a.uscc(), a.enterpriseName(), a.region(), a.itemCode(), a.itemVersion(), a.itemName(), a.mode().name(),
                        a.departments().toArray(String[]::new), a.period(), a.outcome(), a.estimate(),
                        json.writeValueAsString(a.figures()), a.commitment())
                .query(Long.class).single();
        jdbc.sql("UPDATE application SET number = 'SQ' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(id::text, greatest(6, length(id::text)), '0') WHERE id = ?")
                .param(id).update();
        changed(id, null, Application.Status.SUBMITTED, 1);
        return id;
    }

    /**
     * Every transition goes through this class, so every transition is announced, once, after it happened; one the
     * workflow does not allow ({@link Application.Status#next()}) is a defect and is refused before anything is written.
     */
    private static void allowed(Application.Status from, Application.Status to) {
        if (from != null && !from.canMoveTo(to)) {
            throw new IllegalStateException("an application cannot go from " + from + " to " + to);
        }
    }

    private int changed(long id, Application.Status from, Application.Status to, int updated) {
        if (updated == 1) {
            jdbc.sql("SELECT uscc, item_code, submitted_at, approved_amount FROM application WHERE id = ?").param(id)
                    .query((rs, n) -> {
                        events.publishEvent(new ApplicationChanged(id, rs.getString(1), rs.getString(2), from, to, clock.instant(),
                                rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4)));
                        return null;
                    }).list();
        }
        return updated;
    }

    private Application.Status statusOf(long id) {
        return jdbc.sql("SELECT status FROM application WHERE id = ?").param(id).query(String.class).optional()
                .map(Application.Status::valueOf).orElse(null);
    }

    public Optional<Application> findByNumber(String number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE number = ?").param(number).query(this::application).optional();
    }

    public Optional<Application> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE id = ?").param(id).query(this::application).optional();
    }

    /** Locks the row for a decision, so two reviewers deciding at once go one after the other. */
    public Optional<Application> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE id = ? FOR UPDATE").param(id).query(this::application).optional();
    }

    public List<Application> forEnterprise(String uscc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE uscc = ? ORDER BY submitted_at DESC").param(uscc)
                .query(this::application).list();
    }

    /**
     * The window's queue: applications in the given states, optionally of one county and one of those states,
     * oldest first (first come, first served; the id breaks ties so pages never overlap).
     */
    public Listing<Application> inStatus(List<String> statuses, String region, String status) {
        return Listing.sql(jdbc, "SELECT " + COLUMNS, "FROM application WHERE status IN (:statuses) "
                        + "AND (CAST(:region AS text) IS NULL OR region = :region) AND (CAST(:status AS text) IS NULL OR status = :status)",
                        "submitted_at, id", this::application)
                .param("statuses", statuses).param("region", region).param("status", status);
    }

    /** Applications dispatched to a department: still to decide (open) or decided, newest dispatch first; optionally of one state. */
    public Listing<Application> forDepartment(String departmentCode, boolean open, String status) {
        return Listing.sql(jdbc, "SELECT " + COLUMNS, "FROM application WHERE :department = ANY (departments) AND dispatched_at IS NOT NULL AND "
                        + (open ? "status = 'DISPATCHED'" : "status <> 'DISPATCHED'") + " AND (CAST(:status AS text) IS NULL OR status = :status)",
                        "dispatched_at DESC, id DESC", this::application)
                .param("department", departmentCode).param("status", status);
    }

    public int move(long id, Application.Status from, Application.Status to) {
        allowed(from, to);
        return changed(id, from, to, jdbc.sql("UPDATE application SET status = ? WHERE id = ? AND status = ?").params(to.name(), id, from.name()).update());
    }

    public int accept(long id) {
        return changed(id, Application.Status.SUBMITTED, Application.Status.ACCEPTED,
                jdbc.sql("UPDATE application SET status = 'ACCEPTED', accepted_at = now() WHERE id = ? AND status = 'SUBMITTED'").param(id).update());
    }

    public int returnForCorrection(long id, String note) {
        return changed(id, Application.Status.SUBMITTED, Application.Status.RETURNED,
                jdbc.sql("UPDATE application SET status = 'RETURNED', correction_note = ? WHERE id = ? AND status = 'SUBMITTED'").params(note, id).update());
    }

    public int refuse(long id, String reason) {
        Application.Status before = statusOf(id);
        if (before == null || !before.canMoveTo(Application.Status.REFUSED)) {
            return 0; // decided meanwhile, or gone
        }
        return changed(id, before, Application.Status.REFUSED, jdbc.sql("UPDATE application SET status = 'REFUSED', decision_reason = ?, "
                + "decided_at = now() WHERE id = ? AND status = ?").params(reason, id, before.name()).update());
    }

    /** 撤回: from any status that may still be withdrawn; 0 when it was decided (or withdrawn) meanwhile. */
    public int withdraw(long id, String reason) {
        Application.Status before = statusOf(id);
        if (before == null || !before.canMoveTo(Application.Status.WITHDRAWN)) {
            return 0;
        }
        return changed(id, before, Application.Status.WITHDRAWN, jdbc.sql("UPDATE application SET status = 'WITHDRAWN', decision_reason = ?, "
                + "withdrawn_at = now() WHERE id = ? AND status = ?").params(reason, id, before.name()).update());
    }

    public int dispatch(long id) {
        return changed(id, Application.Status.ACCEPTED, Application.Status.DISPATCHED,
                jdbc.sql("UPDATE application SET status = 'DISPATCHED', dispatched_at = now() WHERE id = ? AND status = 'ACCEPTED'").param(id).update());
    }

    public int approve(long id, Application.Status fromStatus, BigDecimal amount, String amountReason, String reason, long grantId) {
        allowed(fromStatus, Application.Status.APPROVED);
        return changed(id, fromStatus, Application.Status.APPROVED, jdbc.sql("""
                UPDATE application SET status = 'APPROVED', approved_amount = ?, amount_reason = ?, decision_reason = ?, grant_id = ?,
                  decided_at = now() WHERE id = ? AND status = ?""")
                .params(amount, amountReason, reason, grantId, id, fromStatus.name()).update());
    }

    public int reject(long id, Application.Status fromStatus, String reason) {
        allowed(fromStatus, Application.Status.REJECTED);
        return changed(id, fromStatus, Application.Status.REJECTED,
                jdbc.sql("UPDATE application SET status = 'REJECTED', decision_reason = ?, decided_at = now() WHERE id = ? AND status = ?")
                        .params(reason, id, fromStatus.name()).update());
    }

    /** Approved applications of the enterprise whose payment clock waits (paused) for its receiving account. */
    public List<Long> waitingForPayment(String uscc) {
        return jdbc.sql("""
                SELECT a.id FROM application a JOIN application_task t ON t.application_id = a.id
                WHERE a.uscc = ? AND a.status = 'APPROVED' AND t.kind = 'PAY' AND t.done_at IS NULL AND t.paused_at IS NOT NULL""")
                .param(uscc).query(Long.class).list();
    }

    public int paid(long id) {
        return changed(id, Application.Status.APPROVED, Application.Status.PAID,
                jdbc.sql("UPDATE application SET status = 'PAID', paid_at = now() WHERE id = ? AND status = 'APPROVED'").param(id).update());
    }

    private Application application(ResultSet rs, int n) throws SQLException {
        Array departments = rs.getArray(10);
        long grant = rs.getLong(21);
        Long grantId = rs.wasNull() ? null : grant;
        return new Application(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getInt(7), rs.getString(8), HandlingMode.valueOf(rs.getString(9)), Arrays.asList((String[]) departments.getArray()),
                rs.getString(11), Application.Status.valueOf(rs.getString(12)), rs.getString(13), rs.getBigDecimal(14),
                rs.getBigDecimal(15), rs.getString(16), json.readValue(rs.getString(17), new TypeReference<java.util.LinkedHashMap<String, String>>() {
                }), instant(rs, 18), rs.getString(19), rs.getString(20), grantId, instant(rs, 22), instant(rs, 23),
                instant(rs, 24), instant(rs, 25), instant(rs, 26));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public boolean existsNumber(String number) {
        return jdbc.sql("SELECT count(*) FROM application WHERE number = ?").param(number).query(Long.class).single() > 0;
    }
}
