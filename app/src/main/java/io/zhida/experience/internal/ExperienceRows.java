package io.zhida.experience.internal;

import io.zhida.experience.ExperienceTask;
import io.zhida.platform.Listing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Experience tasks, their findings and the re-checks. */
@Repository
public class ExperienceRows {

    private static final String TASK = "id, number, item_code, service_name, department_code, channel, officer, due_date, questions, answers, "
            + "summary, status, submitted_at, verified_at, created_by, created_at";
    private static final String FINDING = "id, task_id, question, description, evidence_name, verdict, verdict_note, problem_id, problem_number, "
            + "verified_by, verified_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ExperienceRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insert(String itemCode, String serviceName, String department, ExperienceTask.Channel channel, String officer, LocalDate due,
                       List<String> questions, String by) {
        long id = jdbc.sql("""
                INSERT INTO experience_task (number, item_code, service_name, department_code, channel, officer, due_date, questions, created_by)
                VALUES ('', ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?) RETURNING id""")
                .params(itemCode, serviceName, department, channel.name(), officer, due, json.writeValueAsString(questions), by)
                .query(Long.class).single();
        jdbc.sql("UPDATE experience_task SET number = 'TYRW-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' "
                + "|| lpad(id::text, greatest(4, length(id::text)), '0') WHERE id = ?").param(id).update();
        return id;
    }

    public Optional<ExperienceTask> find(long id, boolean lock) {
        return jdbc.sql("SELECT " + TASK + " FROM experience_task WHERE id = ?" + (lock ? " FOR UPDATE" : "")).param(id).query(this::task).optional();
    }

    public int submit(long id, List<ExperienceTask.Answer> answers, String summary) {
        return jdbc.sql("UPDATE experience_task SET answers = CAST(? AS jsonb), summary = ?, status = 'SUBMITTED', submitted_at = now() "
                + "WHERE id = ? AND status = 'ASSIGNED'").params(json.writeValueAsString(answers), summary, id).update();
    }

    public void verifiedIfDone(long taskId) {
        jdbc.sql("UPDATE experience_task SET status = 'VERIFIED', verified_at = now() WHERE id = ? AND status = 'SUBMITTED' "
                + "AND NOT EXISTS (SELECT 1 FROM experience_finding WHERE task_id = ? AND verdict IS NULL)").params(taskId, taskId).update();
    }

    public Listing<ExperienceTask> list(String officer, String status) {
        return Listing.sql(jdbc, "SELECT " + TASK, "FROM experience_task WHERE (CAST(:officer AS text) IS NULL OR officer = :officer) "
                        + "AND (CAST(:status AS text) IS NULL OR status = :status)", "CASE status WHEN 'VERIFIED' THEN 1 ELSE 0 END, due_date, id DESC",
                this::task).param("officer", officer).param("status", status);
    }

    public void finding(long taskId, String question, String description, String evidenceName, String evidenceType, byte[] evidence) {
        jdbc.sql("INSERT INTO experience_finding (task_id, question, description, evidence_name, evidence_type, evidence) VALUES (?, ?, ?, ?, ?, ?)")
                .params(taskId, question, description, evidenceName, evidenceType, evidence).update();
    }

    public List<ExperienceTask.Finding> findings(long taskId) {
        return jdbc.sql("SELECT " + FINDING + " FROM experience_finding WHERE task_id = ? ORDER BY id").param(taskId).query(ExperienceRows::finding).list();
    }

    public Optional<ExperienceTask.Finding> finding(long id, boolean lock) {
        return jdbc.sql("SELECT " + FINDING + " FROM experience_finding WHERE id = ?" + (lock ? " FOR UPDATE" : "")).param(id)
                .query(ExperienceRows::finding).optional();
    }

    /** A finding's evidence: name, type and bytes. */
    public record Evidence(String name, String type, byte[] content) {
    }

    public Optional<Evidence> evidence(long findingId) {
        return jdbc.sql("SELECT evidence_name, evidence_type, evidence FROM experience_finding WHERE id = ? AND evidence IS NOT NULL")
                .param(findingId).query((rs, n) -> new Evidence(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    public int verdict(long id, ExperienceTask.FindingVerdict verdict, String note, Long problemId, String problemNumber, String by) {
        return jdbc.sql("UPDATE experience_finding SET verdict = ?, verdict_note = ?, problem_id = ?, problem_number = ?, verified_by = ?, "
                + "verified_at = now() WHERE id = ? AND verdict IS NULL").params(verdict.name(), note, problemId, problemNumber, by, id).update();
    }

    public void recheck(long findingId, String officer, boolean passed, String note) {
        jdbc.sql("INSERT INTO experience_recheck (finding_id, officer, passed, note) VALUES (?, ?, ?, ?)").params(findingId, officer, passed, note).update();
    }

    public List<ExperienceTask.Recheck> rechecks(long findingId) {
        return jdbc.sql("SELECT finding_id, officer, passed, note, at FROM experience_recheck WHERE finding_id = ? ORDER BY at, id").param(findingId)
                .query((rs, n) -> new ExperienceTask.Recheck(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    /** The confirmed findings of the officer's tasks, with when they were last re-checked (null: never). */
    public record Followed(ExperienceTask.Finding finding, String taskNumber, String serviceName, Instant lastRecheck) {
    }

    public List<Followed> confirmedOf(String officer) {
        return jdbc.sql("SELECT f.id, f.task_id, f.question, f.description, f.evidence_name, f.verdict, f.verdict_note, f.problem_id, "
                        + "f.problem_number, f.verified_by, f.verified_at, t.number, t.service_name, "
                        + "(SELECT max(r.at) FROM experience_recheck r WHERE r.finding_id = f.id) FROM experience_finding f "
                        + "JOIN experience_task t ON t.id = f.task_id WHERE t.officer = ? AND f.verdict = 'CONFIRMED' ORDER BY f.verified_at DESC")
                .param(officer).query((rs, n) -> new Followed(finding(rs, n), rs.getString(12), rs.getString(13), instant(rs, 14))).list();
    }

    /** The figures of the pool's work: services tested, problems found, confirmed, re-checked as fixed. */
    public long[] figures() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM experience_task WHERE status <> 'ASSIGNED'),
                       (SELECT count(*) FROM experience_finding),
                       (SELECT count(*) FROM experience_finding WHERE verdict = 'CONFIRMED'),
                       (SELECT count(DISTINCT finding_id) FROM experience_recheck WHERE passed)""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }

    private ExperienceTask task(ResultSet rs, int n) throws SQLException {
        String answers = rs.getString(10);
        return new ExperienceTask(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                ExperienceTask.Channel.valueOf(rs.getString(6)), rs.getString(7), rs.getObject(8, LocalDate.class),
                json.readValue(rs.getString(9), new TypeReference<List<String>>() {
                }), answers == null ? List.of() : json.readValue(answers, new TypeReference<List<ExperienceTask.Answer>>() {
                }), rs.getString(11), ExperienceTask.Status.valueOf(rs.getString(12)), instant(rs, 13), instant(rs, 14), rs.getString(15),
                rs.getTimestamp(16).toInstant());
    }

    private static ExperienceTask.Finding finding(ResultSet rs, int n) throws SQLException {
        String verdict = rs.getString(6);
        long problem = rs.getLong(8);
        Long problemId = rs.wasNull() ? null : problem;
        return new ExperienceTask.Finding(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                verdict == null ? null : ExperienceTask.FindingVerdict.valueOf(verdict), rs.getString(7), problemId, rs.getString(9),
                rs.getString(10), instant(rs, 11));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
