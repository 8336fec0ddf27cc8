package io.zhida.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log every module writes to: who, when, what, before and after. The table
 * itself refuses UPDATE, DELETE and TRUNCATE, so a record once written stays.
 */
@Service
public class AuditLog {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public record Entry(long id, Instant at, String actor, String action, String subjectType, String subjectId,
                        String summary, String before, String after) {
    }

    /** Search criteria; null or blank fields do not filter. Dates are business dates in Asia/Shanghai. */
    public record Query(String actor, String action, String subjectType, String text, LocalDate from, LocalDate to,
                        int page, int size) {
    }

    public record Page(List<Entry> entries, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a change by the current user (or "system"); before/after are serialised as JSON. */
    public void record(String action, String subjectType, String subjectId, String summary, Object before, Object after) {
        recordBy(CurrentUser.actor(), action, subjectType, subjectId, summary, before, after);
    }

    /** Records a change the platform made on its own in someone's request (秒批 on an enterprise's submission). */
    public void recordBy(String actor, String action, String subjectType, String subjectId, String summary, Object before, Object after) {
        jdbc.sql("""
                INSERT INTO audit_log (actor, action, subject_type, subject_id, summary, before_state, after_state)
                VALUES (:actor, :action, :type, :id, :summary, CAST(:before AS jsonb), CAST(:after AS jsonb))""")
                .param("actor", actor)
                .param("action", action)
                .param("type", subjectType)
                .param("id", subjectId)
                .param("summary", summary)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    public Page search(Query q) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new HashMap<>();
        filter(where, params, "actor", q.actor(), " AND actor = :actor");
        filter(where, params, "action", q.action(), " AND action = :action");
        filter(where, params, "type", q.subjectType(), " AND subject_type = :type");
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND (summary ILIKE :text OR subject_id ILIKE :text OR before_state::text ILIKE :text OR after_state::text ILIKE :text)");
            params.put("text", "%" + q.text().trim() + "%");
        }
        if (q.from() != null) {
            where.append(" AND at >= :from");
            params.put("from", q.from().atStartOfDay(SHANGHAI).toOffsetDateTime());
        }
        if (q.to() != null) {
            where.append(" AND at < :to");
            params.put("to", q.to().plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime());
        }
        long total = jdbc.sql("SELECT count(*) FROM audit_log" + where).params(params).query(Long.class).single();
        List<Entry> entries = new ArrayList<>(jdbc.sql("""
                SELECT id, at, actor, action, subject_type, subject_id, summary,
                       before_state::text AS before_state, after_state::text AS after_state
                FROM audit_log""" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", q.size())
                .param("offset", (long) Math.max(0, q.page()) * q.size())
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                        rs.getString("summary"), rs.getString("before_state"), rs.getString("after_state")))
                .list());
        return new Page(entries, total, q.page(), q.size());
    }

    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_log ORDER BY action").query(String.class).list();
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String name, String value, String clause) {
        if (value != null && !value.isBlank()) {
            where.append(clause);
            params.put(name, value.trim());
        }
    }
}
