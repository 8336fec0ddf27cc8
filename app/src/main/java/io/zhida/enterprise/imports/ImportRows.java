package io.zhida.enterprise.imports;

import io.zhida.enterprise.imports.EnterpriseImports.ErrorRow;
import io.zhida.enterprise.imports.EnterpriseImports.Status;
import io.zhida.enterprise.internal.ProfileValidator.RowError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import io.zhida.platform.Nodes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ImportRows {

    private static final String SELECT = """
            SELECT i.id, i.file_name, d.system, d.as_of, i.status, i.read_bytes, i.total_bytes, i.rows_read, i.created,
                   i.updated, i.unchanged, i.rejected, i.message, i.started_by, i.started_at, i.finished_at
            FROM enterprise_import i JOIN data_source d ON d.id = i.source_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Nodes nodes;

    ImportRows(JdbcClient jdbc, JdbcTemplate template, Nodes nodes) {
        this.jdbc = jdbc;
        this.template = template;
        this.nodes = nodes;
    }

    long create(String fileName, int source, long bytes, String by) {
        return jdbc.sql("""
                        INSERT INTO enterprise_import (file_name, source_id, total_bytes, started_by, node_id)
                        VALUES (:f, :s, :b, :by, :node) RETURNING id""")
                .param("f", fileName.length() > 200 ? fileName.substring(0, 200) : fileName).param("s", source)
                .param("b", Math.max(1, bytes)).param("by", by).param("node", nodes.current()).query(Long.class).single();
    }

    /** Imports left running by a node that has stopped: failed with the reason (the committed batches stay). */
    int failOrphans() {
        return jdbc.sql("""
                UPDATE enterprise_import SET status = 'FAILED', finished_at = now(),
                  message = '导入中断：运行该导入的节点已停止（重启或故障）。已提交的批次保留，重新导入同一文件即可继续，已导入的企业不会重复'
                WHERE status = 'RUNNING' AND NOT zhida_node_alive(node_id)""").update();
    }

    /** Progress is kept in thousandths of the file (read_bytes / total_bytes). */
    void progress(long id, double fraction, int read, int created, int updated, int unchanged, int rejected) {
        jdbc.sql("""
                UPDATE enterprise_import SET read_bytes = GREATEST(read_bytes, round(total_bytes * :f)::bigint),
                  rows_read = rows_read + :r, created = created + :c, updated = updated + :u,
                  unchanged = unchanged + :n, rejected = rejected + :x WHERE id = :id""")
                .param("f", fraction).param("r", read).param("c", created).param("u", updated).param("n", unchanged)
                .param("x", rejected).param("id", id).update();
    }

    void recordErrors(long id, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        int kept = jdbc.sql("SELECT count(*) FROM enterprise_import_error WHERE import_id = :id").param("id", id)
                .query(Integer.class).single();
        List<RowError> room = errors.subList(0, Math.max(0, Math.min(errors.size(), EnterpriseImports.ERRORS_KEPT - kept)));
        template.batchUpdate("INSERT INTO enterprise_import_error (import_id, row_no, field, reason) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", room, 1000, (ps, e) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, e.rowNo());
                    ps.setString(3, e.field().length() > 40 ? e.field().substring(0, 40) : e.field());
                    ps.setString(4, e.reason().length() > 300 ? e.reason().substring(0, 300) : e.reason());
                });
    }

    void finish(long id, String status, String message) {
        jdbc.sql("UPDATE enterprise_import SET status = :s, message = :m, finished_at = now(), "
                        + "read_bytes = CASE WHEN :s = 'DONE' THEN total_bytes ELSE read_bytes END WHERE id = :id")
                .param("s", status).param("m", message).param("id", id).update();
    }

    Optional<Status> status(long id) {
        return jdbc.sql(SELECT + " WHERE i.id = :id").param("id", id).query(ImportRows::status).optional();
    }

    List<Status> recent(int limit) {
        return jdbc.sql(SELECT + " ORDER BY i.id DESC LIMIT :l").param("l", limit).query(ImportRows::status).list();
    }

    List<ErrorRow> errors(long id) {
        return jdbc.sql("SELECT row_no, field, reason FROM enterprise_import_error WHERE import_id = :id ORDER BY row_no, field")
                .param("id", id).query((rs, n) -> new ErrorRow(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    private static Status status(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Status(rs.getLong("id"), rs.getString("file_name"), rs.getString("system"), rs.getDate("as_of").toLocalDate(),
                rs.getString("status"), (double) rs.getLong("read_bytes") / rs.getLong("total_bytes"), rs.getInt("rows_read"),
                rs.getInt("created"), rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("rejected"),
                rs.getString("message"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
