package io.zhida.funds.internal;

import io.zhida.funds.FundPool;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PoolRows {

    private static final String SELECT = """
            SELECT p.item_code, p.year, p.budget, p.reserved, p.paid,
              (SELECT count(*) FROM fund_grant g WHERE g.item_code = p.item_code AND g.year = p.year AND g.status <> 'CANCELLED'),
              (SELECT count(*) FROM fund_grant g WHERE g.item_code = p.item_code AND g.year = p.year AND g.status = 'PAID')
            FROM fund_pool p""";

    private final JdbcClient jdbc;

    PoolRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the pool with the item's annual budget unless it exists. */
    public void open(String itemCode, int year, BigDecimal budget) {
        jdbc.sql("INSERT INTO fund_pool (item_code, year, budget) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(itemCode, year, budget).update();
    }

    /** The guarded reservation: succeeds only while the pool covers it, whatever runs at the same moment. */
    public boolean reserve(String itemCode, int year, BigDecimal amount) {
        return jdbc.sql("""
                UPDATE fund_pool SET reserved = reserved + ? WHERE item_code = ? AND year = ? AND budget - reserved - paid >= ?
                  AND NOT EXISTS (SELECT 1 FROM fund_item_stop s WHERE s.item_code = fund_pool.item_code)""")
                .params(amount, itemCode, year, amount).update() == 1;
    }

    /** Why the item takes no new reservations, when its evaluation stopped it. */
    public Optional<String> stopped(String itemCode) {
        return jdbc.sql("SELECT reason FROM fund_item_stop WHERE item_code = ?").param(itemCode).query(String.class).optional();
    }

    public boolean stop(String itemCode, String reason, String by) {
        return jdbc.sql("INSERT INTO fund_item_stop (item_code, reason, stopped_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(itemCode, reason, by).update() == 1;
    }

    public void release(String itemCode, int year, BigDecimal amount) {
        jdbc.sql("UPDATE fund_pool SET reserved = reserved - ? WHERE item_code = ? AND year = ?").params(amount, itemCode, year).update();
    }

    public void settle(String itemCode, int year, BigDecimal amount) {
        jdbc.sql("UPDATE fund_pool SET reserved = reserved - ?, paid = paid + ? WHERE item_code = ? AND year = ?")
                .params(amount, amount, itemCode, year).update();
    }

    public int setBudget(String itemCode, int year, BigDecimal budget) {
        return jdbc.sql("""
                INSERT INTO fund_pool (item_code, year, budget) VALUES (?, ?, ?)
                ON CONFLICT (item_code, year) DO UPDATE SET budget = excluded.budget WHERE fund_pool.reserved + fund_pool.paid <= excluded.budget""")
                .params(itemCode, year, budget).update();
    }

    public Optional<FundPool> find(String itemCode, int year) {
        return jdbc.sql(SELECT + " WHERE p.item_code = ? AND p.year = ?").params(itemCode, year).query(PoolRows::pool).optional();
    }

    public List<FundPool> all(int year) {
        return jdbc.sql(SELECT + " WHERE p.year = ? ORDER BY p.item_code").param(year).query(PoolRows::pool).list();
    }

    private static FundPool pool(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FundPool(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                rs.getLong(6), rs.getLong(7));
    }
}
