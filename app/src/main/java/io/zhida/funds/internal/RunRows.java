package io.zhida.funds.internal;

import io.zhida.funds.NoApplicationRun;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RunRows {

    private static final String SELECT = """
            SELECT id, item_code, item_name, trigger, actor, started_at, finished_at, granted, skipped, undetermined, total_amount
            FROM no_application_run""";

    private final JdbcClient jdbc;

    RunRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long start(String itemCode, String itemName, String trigger, String actor) {
        return jdbc.sql("INSERT INTO no_application_run (item_code, item_name, trigger, actor) VALUES (?, ?, ?, ?) RETURNING id")
                .params(itemCode, itemName, trigger, actor).query(Long.class).single();
    }

    public void line(long runId, String uscc, String name, String outcome, BigDecimal amount, String reason) {
        jdbc.sql("INSERT INTO no_application_run_line (run_id, uscc, enterprise_name, outcome, amount, reason) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(runId, uscc, name, outcome, amount, reason).update();
    }

    /** Refreshes the run's counts from its lines (called every few hundred enterprises and at the end). */
    public void count(long runId, boolean finished) {
        jdbc.sql("""
                UPDATE no_application_run r SET
                  granted = (SELECT count(*) FROM no_application_run_line l WHERE l.run_id = r.id AND l.outcome = 'GRANTED'),
                  skipped = (SELECT count(*) FROM no_application_run_line l WHERE l.run_id = r.id AND l.outcome = 'SKIPPED'),
                  undetermined = (SELECT count(*) FROM no_application_run_line l WHERE l.run_id = r.id AND l.outcome = 'UNDETERMINED'),
                  total_amount = (SELECT COALESCE(sum(amount), 0) FROM no_application_run_line l WHERE l.run_id = r.id AND l.outcome = 'GRANTED'),
                  finished_at = CASE WHEN ? THEN now() ELSE finished_at END
                WHERE id = ?""").params(finished, runId).update();
    }

    public List<NoApplicationRun> recent(int limit) {
        return jdbc.sql(SELECT + " ORDER BY id DESC LIMIT ?").param(limit).query(RunRows::run).list();
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

    private static NoApplicationRun run(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp(7);
        return new NoApplicationRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), finished == null ? null : finished.toInstant(), rs.getInt(8), rs.getInt(9),
                rs.getInt(10), rs.getBigDecimal(11));
    }
}
