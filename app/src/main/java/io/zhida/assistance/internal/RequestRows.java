package io.zhida.assistance.internal;

import io.zhida.assistance.AssistanceRequest;
import io.zhida.platform.Listing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The 帮办 requests, their documents and their timelines. */
@Repository
public class RequestRows {

    private static final String COLUMNS = """
            id, number, uscc, enterprise_name, region, item_code, item_name, origin, note, contact_phone, status, agent, dispatched_by,
            dispatched_at, accepted_at, prepared_at, application_id, application_number, submitted_at, closed_at, stars, rating_comment,
            rated_at, created_by, created_at""";

    /** What a new request holds. */
    public record NewRequest(String uscc, String enterpriseName, String region, String itemCode, String itemName,
                             AssistanceRequest.Origin origin, String note, String contactPhone, AssistanceRequest.Status status,
                             String agent, String createdBy) {
    }

    private final JdbcClient jdbc;

    RequestRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new request's id; a live request of the enterprise for the item is a duplicate key */
    public long insert(NewRequest r) {
        long id = jdbc.sql("""
                INSERT INTO assistance_request (number, uscc, enterprise_name, region, item_code, item_name, origin, note, contact_phone,
                  status, agent, created_by) VALUES ('', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(r.uscc(), r.enterpriseName(), r.region(), r.itemCode(), r.itemName(), r.origin().name(), r.note(), r.contactPhone(),
                        r.status().name(), r.agent(), r.createdBy()).query(Long.class).single();
        jdbc.sql("UPDATE assistance_request SET number = 'BB' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' "
                + "|| lpad(id::text, greatest(5, length(id::text)), '0') WHERE id = ?").param(id).update();
        return id;
    }

    public Optional<AssistanceRequest> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assistance_request WHERE id = ?").param(id).query(RequestRows::request).optional();
    }

    /** Locks the row, so that two people acting on one request go one after the other. */
    public Optional<AssistanceRequest> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assistance_request WHERE id = ? FOR UPDATE").param(id).query(RequestRows::request).optional();
    }

    public List<AssistanceRequest> byApplication(long applicationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assistance_request WHERE application_id = ?").param(applicationId)
                .query(RequestRows::request).list();
    }

    /**
     * Moves the request if it is still in {@code from}; {@code set} is a fixed SQL fragment of this module with its own
     * parameters. @return 1 when moved, 0 when it moved meanwhile
     */
    public int move(long id, AssistanceRequest.Status from, AssistanceRequest.Status to, String set, Object... params) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("a request cannot go from " + from + " to " + to);
        }
        Object[] all = new Object[params.length + 3];
        all[0] = to.name();
        System.arraycopy(params, 0, all, 1, params.length);
        all[params.length + 1] = id;
        all[params.length + 2] = from.name();
        return jdbc.sql("UPDATE assistance_request SET status = ?" + (set.isEmpty() ? "" : ", " + set) + " WHERE id = ? AND status = ?")
                .params(all).update();
    }

    public int rate(long id, int stars, String comment) {
        return jdbc.sql("UPDATE assistance_request SET stars = ?, rating_comment = ?, rated_at = now() WHERE id = ? AND stars IS NULL "
                + "AND status IN ('SUBMITTED', 'DONE')").params(stars, comment, id).update();
    }

    public Listing<AssistanceRequest> forEnterprise(String uscc) {
        return Listing.sql(jdbc, "SELECT " + COLUMNS, "FROM assistance_request WHERE uscc = :uscc", "created_at DESC, id DESC", RequestRows::request)
                .param("uscc", uscc);
    }

    public Listing<AssistanceRequest> forAgent(String agent, boolean open) {
        return Listing.sql(jdbc, "SELECT " + COLUMNS, "FROM assistance_request WHERE agent = :agent AND "
                        + (open ? "status IN ('OFFERED', 'DISPATCHED', 'PREPARING', 'CONFIRMING')" : "status NOT IN ('OFFERED', 'DISPATCHED', 'PREPARING', 'CONFIRMING')"),
                "created_at DESC, id DESC", RequestRows::request).param("agent", agent);
    }

    /** The centre's list: by status, of one county (null: all). */
    public Listing<AssistanceRequest> forCentre(String status, String region) {
        return Listing.sql(jdbc, "SELECT " + COLUMNS, "FROM assistance_request WHERE (CAST(:status AS text) IS NULL OR status = :status) "
                        + "AND (CAST(:region AS text) IS NULL OR region = :region)", "created_at DESC, id DESC", RequestRows::request)
                .param("status", status).param("region", region);
    }

    public List<AssistanceRequest.AgentLoad> loads(String region) {
        return jdbc.sql("""
                SELECT agent, count(*) FILTER (WHERE status IN ('OFFERED', 'DISPATCHED', 'PREPARING', 'CONFIRMING')) AS open,
                       count(*) FILTER (WHERE submitted_at IS NOT NULL) AS submitted, count(stars) AS rated, avg(stars)::float8 AS stars,
                       (avg(EXTRACT(EPOCH FROM submitted_at - dispatched_at) / 3600.0) FILTER (WHERE submitted_at IS NOT NULL))::float8 AS hours
                FROM assistance_request WHERE agent IS NOT NULL AND (CAST(:region AS text) IS NULL OR region = :region)
                GROUP BY agent ORDER BY open DESC, agent""").param("region", region)
                .query((rs, n) -> new AssistanceRequest.AgentLoad(rs.getString(1), rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        (Double) rs.getObject(5, Double.class), (Double) rs.getObject(6, Double.class))).list();
    }

    public void event(long requestId, String actor, String step, String note) {
        jdbc.sql("INSERT INTO assistance_event (request_id, actor, step, note) VALUES (?, ?, ?, ?)").params(requestId, actor, step, note).update();
    }

    public List<AssistanceRequest.Event> events(long requestId) {
        return jdbc.sql("SELECT at, actor, step, note FROM assistance_event WHERE request_id = ? ORDER BY at, id").param(requestId)
                .query((rs, n) -> new AssistanceRequest.Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Keeps the newest document of each material: a second upload replaces the first. */
    public void file(long requestId, String material, String fileName, String contentType, byte[] content, String sha256, String by) {
        jdbc.sql("""
                INSERT INTO assistance_file (request_id, material, file_name, content_type, size_bytes, sha256, content, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id, material) DO UPDATE SET file_name = EXCLUDED.file_name,
                  content_type = EXCLUDED.content_type, size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256,
                  content = EXCLUDED.content, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now()""")
                .params(requestId, material, fileName, contentType, content.length, sha256, content, by).update();
    }

    public List<AssistanceRequest.File> files(long requestId) {
        return jdbc.sql("SELECT id, material, file_name, content_type, size_bytes, uploaded_by, uploaded_at FROM assistance_file "
                        + "WHERE request_id = ? ORDER BY id").param(requestId)
                .query((rs, n) -> new AssistanceRequest.File(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant())).list();
    }

    /** A document's bytes, with the request it belongs to. */
    public record StoredFile(long requestId, String material, String fileName, String contentType, byte[] content) {
    }

    public Optional<StoredFile> fileContent(long fileId) {
        return jdbc.sql("SELECT request_id, material, file_name, content_type, content FROM assistance_file WHERE id = ?").param(fileId)
                .query((rs, n) -> new StoredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5))).optional();
    }

    public List<StoredFile> fileContents(long requestId) {
        return jdbc.sql("SELECT request_id, material, file_name, content_type, content FROM assistance_file WHERE request_id = ? ORDER BY id")
                .param(requestId)
                .query((rs, n) -> new StoredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5))).list();
    }

    private static AssistanceRequest request(ResultSet rs, int n) throws SQLException {
        long application = rs.getLong(17);
        Long applicationId = rs.wasNull() ? null : application;
        int stars = rs.getInt(21);
        Integer rated = rs.wasNull() ? null : stars;
        return new AssistanceRequest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), AssistanceRequest.Origin.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10),
                AssistanceRequest.Status.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13), instant(rs, 14), instant(rs, 15),
                instant(rs, 16), applicationId, rs.getString(18), instant(rs, 19), instant(rs, 20), rated, rs.getString(22), instant(rs, 23),
                rs.getString(24), rs.getTimestamp(25).toInstant());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
