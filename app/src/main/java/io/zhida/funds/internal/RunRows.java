package io.zhida.funds.internal;

import io.zhida.funds.NoApplicationRun;
import io.zhida.platform.Listing;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RunRows {

    private static final String SELECT_COLUMNS = """
            SELECT id, item_code, item_name, trigger, actor, started_at, finished_at, granted, skipped, undetermined, total_amount,
                   status, failure, confirmed_by, confirmed_at, planned, planned_amount, pool_available, left_out, shortfall""";
    private static final String FROM = "FROM no_application_run";
    private static final String SELECT = SELECT_COLUMNS + " " + FROM;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RunRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** @return the new run, or empty when the item already has one in this status group (one preview, one active run per item) */
    public Optional<Long> start(String itemCode, String itemName, String trigger, String actor, String status, int node) {
        try {
            return Optional.of(jdbc.sql("""
                            INSERT INTO no_application_run (item_code, item_name, trigger, actor, status, node_id)
                            VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(itemCode, itemName, trigger, actor, status, node).query(Long.class).single());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /** The item's open preview or active run, whichever the status group names. */
    public Optional<Long> open(String itemCode, List<String> statuses) {
        return jdbc.sql("SELECT id FROM no_application_run WHERE item_code = ? AND status = ANY(?) ORDER BY id DESC LIMIT 1")
                .params(itemCode, statuses.toArray(String[]::new)).query(Long.class).optional();
    }

    /** Moves a run on if it is in the expected status; false otherwise (someone else moved it first). */
    public boolean transition(long id, String from, String to, int node) {
        return jdbc.sql("UPDATE no_application_run SET status = ?, node_id = ? WHERE id = ? AND status = ?")
                .params(to, node, id, from).update() == 1;
    }

    /** Confirms a preview: false when it is no longer a preview; throws DuplicateKeyException when the item already has an active run. */
    public boolean confirm(long id, String by, int node) {
        return jdbc.sql("""
                UPDATE no_application_run SET status = 'QUEUED', confirmed_by = ?, confirmed_at = now(), node_id = ?
                WHERE id = ? AND status = 'PREVIEW'""").params(by, node, id).update() == 1;
    }

    /** A queued run starts (on the node that queued or claimed it). */
    public void running(long id) {
        jdbc.sql("UPDATE no_application_run SET status = 'RUNNING' WHERE id = ? AND status = 'QUEUED'").param(id).update();
    }

    public void planned(long id, BigDecimal poolAvailable) {
        jdbc.sql("""
                UPDATE no_application_run r SET
                  planned = (SELECT count(*) FROM no_application_plan_line p WHERE p.run_id = r.id),
                  planned_amount = (SELECT COALESCE(sum(amount), 0) FROM no_application_plan_line p WHERE p.run_id = r.id),
                  left_out = (SELECT count(*) FROM no_application_plan_line p WHERE p.run_id = r.id AND NOT p.covered),
                  shortfall = (SELECT COALESCE(sum(amount), 0) FROM no_application_plan_line p WHERE p.run_id = r.id AND NOT p.covered),
                  pool_available = ?
                WHERE id = ?""").params(poolAvailable, id).update();
    }

    public void finish(long id, String status, String failure) {
        jdbc.sql("UPDATE no_application_run SET status = ?, failure = ?, finished_at = now() WHERE id = ?").params(status, failure, id).update();
    }

    /**
     * Runs left behind by a node that is no longer alive (killed, crashed): previews fail, confirmed runs are
     * claimed by this node to be finished (each grant is idempotent). Returns the runs to resume.
     */
    public List<Long> recoverOrphans(int node) {
        jdbc.sql("""
                UPDATE no_application_run SET status = 'FAILED', finished_at = now(),
                  failure = '预览时运行节点停止（重启或故障），请重新预览'
                WHERE status = 'PLANNING' AND NOT zhida_node_alive(node_id)""").update();
        return jdbc.sql("""
                UPDATE no_application_run SET node_id = ?, status = 'QUEUED'
                WHERE status IN ('QUEUED', 'RUNNING') AND NOT zhida_node_alive(node_id) RETURNING id""").param(node).query(Long.class).list();
    }

    public void line(long runId, String uscc, String name, String outcome, BigDecimal amount, String reason) {
        jdbc.sql("INSERT INTO no_application_run_line (run_id, uscc, enterprise_name, outcome, amount, reason) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(runId, uscc, name, outcome, amount, reason).update();
    }

    public void planLines(long runId, List<NoApplicationRun.PlanLine> lines) {
        template.batchUpdate("INSERT INTO no_application_plan_line (run_id, seq, uscc, enterprise_name, amount, covered) VALUES (?, ?, ?, ?, ?, ?)",
                lines, 1000, (ps, l) -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, l.seq());
                    ps.setString(3, l.uscc());
                    ps.setString(4, l.enterpriseName());
                    ps.setBigDecimal(5, l.amount());
                    ps.setBoolean(6, l.covered());
                });
    }

    /** Plan lines from seq on that have no report line yet (what is left to do after a restart), in plan order. */
    public List<NoApplicationRun.PlanLine> pending(long runId, int limit) {
        return jdbc.sql("""
                SELECT p.seq, p.uscc, p.enterprise_name, p.amount, p.covered FROM no_application_plan_line p
                WHERE p.run_id = ? AND NOT EXISTS (SELECT 1 FROM no_application_run_line l WHERE l.run_id = p.run_id AND l.uscc = p.uscc)
                ORDER BY p.seq LIMIT ?""").params(runId, limit).query(RunRows::planLine).list();
    }

    public List<NoApplicationRun.PlanLine> plan(long runId, int limit) {
        return jdbc.sql("SELECT seq, uscc, enterprise_name, amount, covered FROM no_application_plan_line WHERE run_id = ? ORDER BY seq LIMIT ?")
                .params(runId, limit).query(RunRows::planLine).list();
    }

    /** Refreshes the run's counts from its lines (called every few hundred enterprises and at the end). */
    public void count(long runId) {
        jdbc.sql("""
                UPDATE no_application_run r SET
                  granted = (SELECT count(*) FROM no_application_run_line l WHERE l.run_id = r.id AND l.outcome = 'GRANTED'),
                  skipped = (SELECT count(*) FROM no_application_run_line l WHERE l.run_id = r.id AND l.outcome = 'SKIPPED'),
                  undetermined = (SELECT count(*) FROM no_application_run_line l WHERE l.run_id = r.id AND l.outcome = 'UNDETERMINED'),
                  total_amount = (SELECT COALESCE(sum(amount), 0) FROM no_application_run_line l WHERE l.run_id = r.id AND l.outcome = 'GRANTED')
                WHERE id = ?""").param(runId).update();
    }

    /** The runs of one item and in one state (each optional), newest first. */
    public Listing<NoApplicationRun> listing(String itemCode, String status) {
        return Listing.sql(jdbc, SELECT_COLUMNS, FROM + " WHERE (CAST(:item AS text) IS NULL OR item_code = :item) "
                        + "AND (CAST(:status AS text) IS NULL OR status = :status)", "id DESC", RunRows::run)
                .param("item", itemCode).param("status", status);
    }

    public Optional<NoApplicationRun> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(RunRows::run).optional();
    }

    public List<NoApplicationRun.Line> lines(long runId, String outcome, int limit) {
        return jdbc.sql("""
                SELECT uscc, enterprise_name, outcome, amount, reason FROM no_application_run_line
                WHERE run_id = ? AND (CAST(? AS text) IS NULL OR outcome = ?) ORDER BY outcome, uscc LIMIT ?""")
                .params(runId, outcome, outcome, limit)
                .query((rs, n) -> new NoApplicationRun.Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5)))
                .list();
    }

    private static NoApplicationRun.PlanLine planLine(ResultSet rs, int n) throws SQLException {
        return new NoApplicationRun.PlanLine(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBoolean(5));
    }

    private static NoApplicationRun run(ResultSet rs, int n) throws SQLException {
        return new NoApplicationRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), instant(rs.getTimestamp(7)), rs.getInt(8), rs.getInt(9),
                rs.getInt(10), rs.getBigDecimal(11), rs.getString(12), rs.getString(13), rs.getString(14), instant(rs.getTimestamp(15)),
                rs.getInt(16), rs.getBigDecimal(17), rs.getBigDecimal(18), rs.getInt(19), rs.getBigDecimal(20));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
