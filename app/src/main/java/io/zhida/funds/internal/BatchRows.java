package io.zhida.funds.internal;

import io.zhida.funds.PayoutBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class BatchRows {

    private static final String BATCH = """
            SELECT b.id, b.number, b.created_by, b.created_at, b.settled_at, count(l.id), COALESCE(sum(l.amount), 0),
                   count(l.id) FILTER (WHERE l.status = 'PAID'), count(l.id) FILTER (WHERE l.status = 'FAILED'),
                   count(l.id) FILTER (WHERE l.status = 'SENT')
            FROM payout_batch b LEFT JOIN payout_line l ON l.batch_id = b.id""";
    private static final String LINE = """
            SELECT l.id, l.grant_id, g.uscc, g.enterprise_name, g.item_name, g.period, l.amount, l.account_name, l.bank_name,
                   l.account_no, l.status, l.failure_reason
            FROM payout_line l JOIN fund_grant g ON g.id = l.grant_id""";

    private final JdbcClient jdbc;

    BatchRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(String actor) {
        long id = jdbc.sql("INSERT INTO payout_batch (number, created_by) VALUES ('', ?) RETURNING id").param(actor).query(Long.class).single();
        jdbc.sql("UPDATE payout_batch SET number = 'BF' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(id::text, greatest(5, length(id::text)), '0') WHERE id = ?")
                .param(id).update();
        return id;
    }

    /** Puts every payable (or failed, for a retry) grant with a confirmed account into the batch. */
    public int fill(long batchId, int limit) {
        int lines = jdbc.sql("""
                INSERT INTO payout_line (batch_id, grant_id, amount, account_name, bank_name, account_no)
                SELECT ?, g.id, g.amount, a.account_name, a.bank_name, a.account_no
                FROM fund_grant g JOIN bank_account a ON a.uscc = g.uscc
                WHERE g.status IN ('PAYABLE', 'FAILED') AND (zhida_same_name(a.account_name, g.enterprise_name) OR a.name_exception_by IS NOT NULL)
                ORDER BY g.pay_due_at NULLS LAST, g.id LIMIT ?""")
                .params(batchId, limit).update();
        jdbc.sql("UPDATE fund_grant SET status = 'IN_BATCH' WHERE id IN (SELECT grant_id FROM payout_line WHERE batch_id = ?) AND status IN ('PAYABLE', 'FAILED')")
                .param(batchId).update();
        return lines;
    }

    public void delete(long batchId) {
        jdbc.sql("DELETE FROM payout_batch WHERE id = ?").param(batchId).update();
    }

    /** Enterprises whose payable grants wait for their receiving account, oldest first, with when they were last reminded. */
    /** The enterprises whose payable money waits for a receiving account, longest waiting first; query: name or credit code. */
    public io.zhida.platform.Listing<PayoutBatch.WaitingForAccount> waitingForAccount(String query) {
        return io.zhida.platform.Listing.sql(jdbc, "SELECT w.*", """
                FROM (SELECT g.uscc, max(g.enterprise_name) AS name, count(*) AS grants, sum(g.amount) AS amount,
                             min(coalesce(g.payable_at, g.created_at)) AS since, max(r.last_reminded_at) AS reminded, coalesce(max(r.times), 0) AS times
                      FROM fund_grant g LEFT JOIN account_reminder r ON r.uscc = g.uscc
                      WHERE g.status IN ('PAYABLE', 'FAILED') AND NOT EXISTS (SELECT 1 FROM bank_account a WHERE a.uscc = g.uscc)
                        AND (CAST(:q AS text) IS NULL OR g.uscc = upper(:q) OR g.enterprise_name LIKE '%' || :q || '%')
                      GROUP BY g.uscc) w""", "w.since, w.uscc",
                (rs, n) -> new PayoutBatch.WaitingForAccount(rs.getString("uscc"), rs.getString("name"), rs.getInt("grants"), rs.getBigDecimal("amount"),
                        rs.getTimestamp("since").toInstant(), rs.getTimestamp("reminded") == null ? null : rs.getTimestamp("reminded").toInstant(),
                        rs.getInt("times"))).param("q", query);
    }

    /** Records a reminder unless the enterprise was reminded in the last day; false when it was. */
    public boolean remind(String uscc, String by) {
        return jdbc.sql("""
                INSERT INTO account_reminder (uscc, last_reminded_at, reminded_by) VALUES (?, now(), ?)
                ON CONFLICT (uscc) DO UPDATE SET last_reminded_at = now(), times = account_reminder.times + 1, reminded_by = excluded.reminded_by
                WHERE account_reminder.last_reminded_at < now() - interval '1 day'""").params(uscc, by).update() == 1;
    }

    public long waitingForAccount() {
        return jdbc.sql("SELECT count(*) FROM fund_grant g WHERE g.status IN ('PAYABLE', 'FAILED') AND NOT EXISTS (SELECT 1 FROM bank_account a WHERE a.uscc = g.uscc)")
                .query(Long.class).single();
    }

    public long ready() {
        return jdbc.sql("""
                SELECT count(*) FROM fund_grant g JOIN bank_account a ON a.uscc = g.uscc WHERE g.status IN ('PAYABLE', 'FAILED')
                  AND (zhida_same_name(a.account_name, g.enterprise_name) OR a.name_exception_by IS NOT NULL)""")
                .query(Long.class).single();
    }

    /** Payable grants held back because the account's holder is not the enterprise's registered name and no one confirmed it. */
    public List<PayoutBatch.NameMismatch> nameMismatches(int limit) {
        return jdbc.sql("""
                SELECT g.uscc, max(g.enterprise_name), max(a.account_name), count(*), sum(g.amount)
                FROM fund_grant g JOIN bank_account a ON a.uscc = g.uscc
                WHERE g.status IN ('PAYABLE', 'FAILED') AND NOT zhida_same_name(a.account_name, g.enterprise_name) AND a.name_exception_by IS NULL
                GROUP BY g.uscc ORDER BY g.uscc LIMIT ?""").param(limit)
                .query((rs, n) -> new PayoutBatch.NameMismatch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5)))
                .list();
    }

    /** Every batch, the newest first. */
    public io.zhida.platform.Listing<PayoutBatch> all() {
        return io.zhida.platform.Listing.sql(jdbc, "SELECT x.*", "FROM (" + BATCH + " GROUP BY b.id) x", "x.id DESC", BatchRows::batch);
    }

    public Optional<PayoutBatch> find(long id) {
        return jdbc.sql(BATCH + " WHERE b.id = ? GROUP BY b.id").param(id).query(BatchRows::batch).optional();
    }

    public Optional<PayoutBatch> findByNumber(String number) {
        return jdbc.sql(BATCH + " WHERE b.number = ? GROUP BY b.id").param(number).query(BatchRows::batch).optional();
    }

    public List<PayoutBatch.Line> lines(long batchId) {
        return jdbc.sql(LINE + " WHERE l.batch_id = ? ORDER BY l.id").param(batchId).query(BatchRows::line).list();
    }

    public int settleLine(long lineId, boolean paid, String reason) {
        return jdbc.sql("UPDATE payout_line SET status = ?, failure_reason = ?, settled_at = now() WHERE id = ? AND status = 'SENT'")
                .params(paid ? "PAID" : "FAILED", reason, lineId).update();
    }

    public void markSettledIfComplete(long batchId) {
        jdbc.sql("UPDATE payout_batch SET settled_at = now() WHERE id = ? AND settled_at IS NULL AND NOT EXISTS (SELECT 1 FROM payout_line WHERE batch_id = ? AND status = 'SENT')")
                .params(batchId, batchId).update();
    }

    private static PayoutBatch batch(ResultSet rs, int n) throws SQLException {
        Timestamp settled = rs.getTimestamp(5);
        return new PayoutBatch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                settled == null ? null : settled.toInstant(), rs.getLong(6), rs.getBigDecimal(7), rs.getLong(8), rs.getLong(9), rs.getLong(10));
    }

    private static PayoutBatch.Line line(ResultSet rs, int n) throws SQLException {
        return new PayoutBatch.Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12));
    }
}
