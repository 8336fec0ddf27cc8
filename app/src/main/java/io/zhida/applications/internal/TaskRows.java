package io.zhida.applications.internal;

import io.zhida.applications.TimeLimitTask;
import io.zhida.platform.Listing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TaskRows {

    private static final String SELECT_COLUMNS = """
            SELECT t.id, t.application_id, a.number, a.item_name, a.enterprise_name, t.kind, t.department_code, t.started_at, t.due_at,
                   t.paused_at, t.done_at, t.escalated_at, t.reminders, a.uscc, a.item_code, a.region""";
    private static final String FROM = "FROM application_task t JOIN application a ON a.id = t.application_id";
    private static final String SELECT = SELECT_COLUMNS + " " + FROM;

    private final JdbcClient jdbc;

    TaskRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void open(long applicationId, String kind, String department, Instant start, Instant due) {
        jdbc.sql("""
                INSERT INTO application_task (application_id, kind, department_code, started_at, due_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (application_id, kind, department_code) DO NOTHING""")
                .params(applicationId, kind, department, Timestamp.from(start), Timestamp.from(due)).update();
    }

    public int close(long applicationId, String kind, String department) {
        return jdbc.sql("UPDATE application_task SET done_at = now() WHERE application_id = ? AND kind = ? AND (CAST(? AS text) IS NULL OR department_code = ?) AND done_at IS NULL")
                .params(applicationId, kind, department, department).update();
    }

    public int closeAll(long applicationId) {
        return jdbc.sql("UPDATE application_task SET done_at = now() WHERE application_id = ? AND done_at IS NULL").param(applicationId).update();
    }

    public void pause(long applicationId, String kind) {
        jdbc.sql("UPDATE application_task SET paused_at = now() WHERE application_id = ? AND kind = ? AND done_at IS NULL AND paused_at IS NULL")
                .params(applicationId, kind).update();
    }

    public void resume(long taskId, Instant newDue) {
        jdbc.sql("UPDATE application_task SET paused_at = NULL, due_at = ? WHERE id = ?").params(Timestamp.from(newDue), taskId).update();
    }

    public Optional<TimeLimitTask> find(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = ?").param(id).query(TaskRows::task).optional();
    }

    public List<TimeLimitTask> forApplication(long applicationId) {
        return jdbc.sql(SELECT + " WHERE t.application_id = ? ORDER BY t.started_at, t.id").param(applicationId).query(TaskRows::task).list();
    }

    public List<TimeLimitTask> overdueNotEscalated(Instant now) {
        return jdbc.sql(SELECT + " WHERE t.done_at IS NULL AND t.paused_at IS NULL AND t.due_at < ? AND t.escalated_at IS NULL ORDER BY t.due_at")
                .param(Timestamp.from(now)).query(TaskRows::task).list();
    }

    public int markEscalated(long id) {
        return jdbc.sql("UPDATE application_task SET escalated_at = now() WHERE id = ? AND escalated_at IS NULL").param(id).update();
    }

    /** Open tasks that are overdue or escalated, for 督办; department null = all. A paused task waits for the enterprise. */
    public List<TimeLimitTask> overdue(String department, Instant now, int limit) {
        return jdbc.sql(SELECT + " WHERE t.done_at IS NULL AND t.paused_at IS NULL AND (t.due_at < ? OR t.escalated_at IS NOT NULL) AND (CAST(? AS text) IS NULL OR t.department_code = ?) ORDER BY t.due_at, t.id LIMIT ?")
                .params(Timestamp.from(now), department, department, limit).query(TaskRows::task).list();
    }

    /** The 督办 list: as {@link #overdue}, optionally of one step, longest overdue first. */
    public Listing<TimeLimitTask> overdueListing(String department, String kind, Instant now) {
        return Listing.sql(jdbc, SELECT_COLUMNS, FROM + " WHERE t.done_at IS NULL AND t.paused_at IS NULL AND (t.due_at < :now OR t.escalated_at IS NOT NULL) "
                        + "AND (CAST(:department AS text) IS NULL OR t.department_code = :department) AND (CAST(:kind AS text) IS NULL OR t.kind = :kind)",
                        "t.due_at, t.id", TaskRows::task)
                .param("now", Timestamp.from(now)).param("department", department).param("kind", kind);
    }

    public void remind(long taskId, String actor, String note) {
        jdbc.sql("INSERT INTO task_reminder (task_id, actor, note) VALUES (?, ?, ?)").params(taskId, actor, note).update();
        jdbc.sql("UPDATE application_task SET reminders = reminders + 1 WHERE id = ?").param(taskId).update();
    }

    private static TimeLimitTask task(ResultSet rs, int n) throws SQLException {
        return new TimeLimitTask(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                TimeLimitTask.Kind.valueOf(rs.getString(6)), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(),
                ApplicationRows.instant(rs, 10), ApplicationRows.instant(rs, 11), ApplicationRows.instant(rs, 12), rs.getInt(13),
                rs.getString(14), rs.getString(15), rs.getString(16));
    }
}
