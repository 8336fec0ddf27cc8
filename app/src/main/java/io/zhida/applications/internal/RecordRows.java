package io.zhida.applications.internal;

import io.zhida.applications.Application;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What accumulates around an application: uploads, timeline, reviews, expert scores, the rating. */
@Repository
public class RecordRows {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RecordRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void file(long applicationId, String material, String fileName, String contentType, byte[] content, String sha256) {
        jdbc.sql("INSERT INTO application_file (application_id, material, file_name, content_type, size_bytes, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(applicationId, material, fileName, contentType, content.length, sha256, content).update();
    }

    public List<Application.File> files(long applicationId) {
        return jdbc.sql("SELECT id, material, file_name, content_type, size_bytes, sha256, uploaded_at FROM application_file WHERE application_id = ? ORDER BY id")
                .param(applicationId).query((rs, n) -> new Application.File(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant())).list();
    }

    public record StoredFile(long applicationId, String fileName, String contentType, byte[] content) {
    }

    public Optional<StoredFile> fileContent(long fileId) {
        return jdbc.sql("SELECT application_id, file_name, content_type, content FROM application_file WHERE id = ?").param(fileId)
                .query((rs, n) -> new StoredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4))).optional();
    }

    public void event(long applicationId, String actor, String step, String title, String note) {
        jdbc.sql("INSERT INTO application_event (application_id, actor, step, title, note) VALUES (?, ?, ?, ?, ?)")
                .params(applicationId, actor, step, title, note).update();
    }

    public List<Application.Event> events(long applicationId) {
        return jdbc.sql("SELECT at, actor, step, title, note FROM application_event WHERE application_id = ? ORDER BY at, id")
                .param(applicationId).query((rs, n) -> new Application.Event(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    public void openReview(long applicationId, String departmentCode) {
        jdbc.sql("INSERT INTO application_review (application_id, department_code) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(applicationId, departmentCode).update();
    }

    public int respond(long applicationId, String departmentCode, String actor) {
        return jdbc.sql("UPDATE application_review SET responded_at = now(), responded_by = ? WHERE application_id = ? AND department_code = ? AND responded_at IS NULL")
                .params(actor, applicationId, departmentCode).update();
    }

    public int decide(long applicationId, String departmentCode, String decision, BigDecimal amount, String reason, String actor) {
        return jdbc.sql("""
                UPDATE application_review SET decision = ?, amount = ?, reason = ?, decided_by = ?, decided_at = now(),
                  responded_at = COALESCE(responded_at, now()), responded_by = COALESCE(responded_by, ?)
                WHERE application_id = ? AND department_code = ? AND decision IS NULL""")
                .params(decision, amount, reason, actor, actor, applicationId, departmentCode).update();
    }

    /** A lead reviewer's approval with an amount that differs from the estimate, waiting for the head (四眼); 0 when already decided or proposed. */
    public int propose(long applicationId, String departmentCode, BigDecimal amount, String opinion, String amountReason, String actor) {
        return jdbc.sql("""
                UPDATE application_review SET proposed_amount = ?, proposed_opinion = ?, amount_reason = ?, proposed_by = ?, proposed_at = now(),
                  responded_at = COALESCE(responded_at, now()), responded_by = COALESCE(responded_by, ?)
                WHERE application_id = ? AND department_code = ? AND decision IS NULL AND proposed_amount IS NULL""")
                .params(amount, opinion, amountReason, actor, actor, applicationId, departmentCode).update();
    }

    public Optional<Application.Proposal> proposal(long applicationId, String departmentCode) {
        return jdbc.sql("""
                SELECT proposed_amount, proposed_opinion, amount_reason, proposed_by, proposed_at FROM application_review
                WHERE application_id = ? AND department_code = ? AND decision IS NULL AND proposed_amount IS NOT NULL""")
                .params(applicationId, departmentCode)
                .query((rs, n) -> new Application.Proposal(rs.getBigDecimal(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).optional();
    }

    /** The head confirms: the proposal becomes the department's decision, decided by the proposer and confirmed by the head. */
    public int confirmProposal(long applicationId, String departmentCode, String head) {
        return jdbc.sql("""
                UPDATE application_review SET decision = 'APPROVE', amount = proposed_amount, reason = proposed_opinion,
                  decided_by = proposed_by, decided_at = now(), confirmed_by = ?, confirmed_at = now()
                WHERE application_id = ? AND department_code = ? AND decision IS NULL AND proposed_amount IS NOT NULL AND proposed_by <> ?""")
                .params(head, applicationId, departmentCode, head).update();
    }

    public int withdrawProposal(long applicationId, String departmentCode) {
        return jdbc.sql("""
                UPDATE application_review SET proposed_amount = NULL, proposed_opinion = NULL, amount_reason = NULL, proposed_by = NULL,
                  proposed_at = NULL WHERE application_id = ? AND department_code = ? AND decision IS NULL AND proposed_amount IS NOT NULL""")
                .params(applicationId, departmentCode).update();
    }

    /** Applications of the department whose amount waits for the head's confirmation. */
    public List<Long> awaitingConfirmation(String departmentCode) {
        return jdbc.sql("""
                SELECT r.application_id FROM application_review r JOIN application a ON a.id = r.application_id
                WHERE r.department_code = ? AND r.decision IS NULL AND r.proposed_amount IS NOT NULL AND a.status = 'DISPATCHED'
                ORDER BY r.proposed_at""").param(departmentCode).query(Long.class).list();
    }

    public List<Application.Review> reviews(long applicationId) {
        return jdbc.sql("""
                SELECT r.department_code, r.department_code, r.responded_at, r.decision, r.amount, r.reason, r.decided_by, r.decided_at
                FROM application_review r
                WHERE r.application_id = ? ORDER BY r.department_code""").param(applicationId)
                .query((rs, n) -> new Application.Review(rs.getString(1), rs.getString(2), ApplicationRows.instant(rs, 3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6), rs.getString(7), ApplicationRows.instant(rs, 8))).list();
    }

    public void score(long applicationId, String expert, Map<String, Integer> scores, BigDecimal total, String comment) {
        jdbc.sql("""
                INSERT INTO expert_score (application_id, expert, scores, total, comment) VALUES (?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (application_id, expert) DO UPDATE SET scores = excluded.scores, total = excluded.total,
                  comment = excluded.comment, scored_at = now()""")
                .params(applicationId, expert, json.writeValueAsString(scores), total, comment).update();
    }

    public List<Application.ExpertScore> scores(long applicationId) {
        return jdbc.sql("SELECT expert, scores::text, total, comment, scored_at FROM expert_score WHERE application_id = ? ORDER BY scored_at")
                .param(applicationId).query((rs, n) -> new Application.ExpertScore(rs.getString(1),
                        json.readValue(rs.getString(2), new TypeReference<java.util.LinkedHashMap<String, Integer>>() {
                        }), rs.getBigDecimal(3), rs.getString(4), rs.getTimestamp(5).toInstant())).list();
    }

    /** @return false when the transaction was rated already */
    public boolean rate(long applicationId, String uscc, int stars, String comment) {
        return jdbc.sql("INSERT INTO service_rating (application_id, uscc, stars, comment) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(applicationId, uscc, stars, comment).update() == 1;
    }

    public Optional<Application.Rating> rating(long applicationId) {
        return jdbc.sql("SELECT stars, comment, rated_at FROM service_rating WHERE application_id = ?").param(applicationId)
                .query((rs, n) -> new Application.Rating(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant())).optional();
    }
}
