package io.zhida.funds.internal;

import io.zhida.funds.Grant;
import io.zhida.funds.GrantRequest;
import io.zhida.funds.GrantRoute;
import io.zhida.platform.Listing;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GrantRows {

    static final String COLUMNS = """
            g.id, g.uscc, g.enterprise_name, g.region, g.item_code, g.item_name, g.period, g.amount, g.formula_amount,
            g.basis, g.route, g.application_id, g.status, g.disclosure_from, g.disclosure_until, g.pay_due_at, g.paid_at,
            g.created_at""";

    /** An existing grant of the same exclusion group this year, from another item. */
    public record GroupGrant(String itemName, BigDecimal amount) {
    }

    private final JdbcClient jdbc;

    GrantRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises one enterprise's grants within the transaction, so group and cap checks see each other. */
    public void lockEnterprise(String uscc) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('grant:' || ?))").param(uscc).query().singleRow();
    }

    public Optional<Grant> live(String uscc, String itemCode, String period) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fund_grant g WHERE uscc = ? AND item_code = ? AND period = ?")
                .params(uscc, itemCode, period).query(GrantRows::grant).optional();
    }

    public List<GroupGrant> sameGroup(String uscc, String group, int year, String exceptItem) {
        return jdbc.sql("""
                SELECT item_name, amount FROM fund_grant WHERE uscc = ? AND exclusion_group = ? AND year = ?
                AND item_code <> ? AND status <> 'CANCELLED' ORDER BY amount DESC""")
                .params(uscc, group, year, exceptItem).query((rs, n) -> new GroupGrant(rs.getString(1), rs.getBigDecimal(2))).list();
    }

    public BigDecimal grantedThisYear(String uscc, String itemCode, int year) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM fund_grant WHERE uscc = ? AND item_code = ? AND year = ? AND status <> 'CANCELLED'")
                .params(uscc, itemCode, year).query(BigDecimal.class).single();
    }

    /** @return the new grant's id, or empty when the (enterprise, item, period) grant exists already */
    public Optional<Long> insert(GrantRequest r, BigDecimal amount, String basis, LocalDate from, LocalDate until, String actor) {
        return jdbc.sql("""
                INSERT INTO fund_grant (uscc, enterprise_name, region, item_code, item_name, period, year, amount, formula_amount,
                    basis, exclusion_group, route, application_id, run_id, status, disclosure_from, disclosure_until, created_by, confirmed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DISCLOSING', ?, ?, ?, ?)
                ON CONFLICT (uscc, item_code, period) DO NOTHING RETURNING id""")
                .params(r.uscc(), r.enterpriseName(), r.region(), r.itemCode(), r.itemName(), r.period(), r.year(), amount,
                        r.formulaAmount(), basis, r.exclusionGroup(), r.route().name(), r.applicationId(), r.runId(), from, until, actor, r.confirmedBy())
                .query(Long.class).optional();
    }

    /** The enterprises holding a grant of the item for the period, cancelled ones too, as the unique key does (one query for a whole 免申即享 plan). */
    public java.util.Set<String> enterprisesGranted(String itemCode, String period) {
        return new java.util.HashSet<>(jdbc.sql("SELECT uscc FROM fund_grant WHERE item_code = ? AND period = ?")
                .params(itemCode, period).query(String.class).list());
    }

    public Optional<Grant> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fund_grant g WHERE id = ?").param(id).query(GrantRows::grant).optional();
    }

    public List<Grant> forEnterprise(String uscc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fund_grant g WHERE uscc = ? ORDER BY created_at DESC").param(uscc)
                .query(GrantRows::grant).list();
    }

    public List<Grant> byStatus(String status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fund_grant g WHERE status = ? ORDER BY created_at, id LIMIT ?")
                .params(status, limit).query(GrantRows::grant).list();
    }

    public List<Grant> recent(String itemCode, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fund_grant g WHERE (CAST(? AS text) IS NULL OR item_code = ?) ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(itemCode, itemCode, limit).query(GrantRows::grant).list();
    }

    /** 资金明细, also the records behind a cockpit figure: grants of an item, a county and a state (each optional), newest first. */
    public Listing<Grant> filtered(String itemCode, String region, String status) {
        return Listing.sql(jdbc, "SELECT " + COLUMNS, "FROM fund_grant g WHERE (CAST(:item AS text) IS NULL OR item_code = :item) "
                        + "AND (CAST(:region AS text) IS NULL OR region = :region) AND (CAST(:status AS text) IS NULL OR status = :status)",
                        "created_at DESC, id DESC", GrantRows::grant)
                .param("item", itemCode).param("region", region).param("status", status);
    }

    /** Grants by enterprise, item and period (each optional), for other systems; newest first. */
    public Listing<Grant> byEnterpriseItemPeriod(String uscc, String itemCode, String period) {
        return Listing.sql(jdbc, "SELECT " + COLUMNS, "FROM fund_grant g WHERE (CAST(:uscc AS text) IS NULL OR uscc = :uscc) "
                        + "AND (CAST(:item AS text) IS NULL OR item_code = :item) AND (CAST(:period AS text) IS NULL OR period = :period)",
                        "created_at DESC, id DESC", GrantRows::grant)
                .param("uscc", uscc).param("item", itemCode).param("period", period);
    }

    public List<Grant> forYear(int year) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fund_grant g WHERE year = ? ORDER BY item_code, created_at, id").param(year)
                .query(GrantRows::grant).list();
    }

    /**
     * Grants in 公示 on the given day, or whose 公示 ended within the last {@code days} days, for the public page: the
     * latest published first (a page of 20 must show what was published today, however many grants one item had).
     */
    public Listing<Grant> disclosed(String itemCode, String query, LocalDate today, int days) {
        return Listing.sql(jdbc, "SELECT " + COLUMNS, """
                         FROM fund_grant g WHERE status <> 'CANCELLED' AND disclosure_from <= :today AND disclosure_until >= :since
                         AND (CAST(:item AS text) IS NULL OR item_code = :item)
                         AND (CAST(:q AS text) IS NULL OR enterprise_name LIKE '%' || :q || '%' OR item_name LIKE '%' || :q || '%')""",
                        "disclosure_from DESC, id DESC", GrantRows::grant)
                .param("today", today).param("since", today.minusDays(days)).param("item", itemCode).param("q", query);
    }

    /** 公示 over and no objection under review (received ones hold nothing until staff accept them): ready to pay. */
    public List<Grant> dueForPayment(LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " " + """
                 FROM fund_grant g WHERE status = 'DISCLOSING' AND disclosure_until < ?
                 AND NOT EXISTS (SELECT 1 FROM disclosure_objection o WHERE o.grant_id = g.id AND o.status = 'ACCEPTED')
                 ORDER BY id""").param(today).query(GrantRows::grant).list();
    }

    /** A guarded change of state; one the payout workflow does not have ({@link Grant.Status#next()}) is refused unwritten. */
    public int transition(long id, Grant.Status from, Grant.Status to) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("a grant cannot go from " + from + " to " + to);
        }
        return jdbc.sql("UPDATE fund_grant SET status = ? WHERE id = ? AND status = ?").params(to.name(), id, from.name()).update();
    }

    public int markPayable(long id, Instant dueAt) {
        return jdbc.sql("UPDATE fund_grant SET status = 'PAYABLE', payable_at = now(), pay_due_at = ? WHERE id = ? AND status = 'DISCLOSING'")
                .params(Timestamp.from(dueAt), id).update();
    }

    public int markPaid(long id) {
        return jdbc.sql("UPDATE fund_grant SET status = 'PAID', paid_at = now() WHERE id = ? AND status = 'IN_BATCH'").param(id).update();
    }

    static Grant grant(ResultSet rs, int n) throws SQLException {
        Timestamp due = rs.getTimestamp(16);
        Timestamp paid = rs.getTimestamp(17);
        long app = rs.getLong(12);
        Long applicationId = rs.wasNull() ? null : app; // read before any other column: wasNull() speaks of the last one read
        return new Grant(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10), GrantRoute.valueOf(rs.getString(11)),
                applicationId, Grant.Status.valueOf(rs.getString(13)), rs.getObject(14, LocalDate.class),
                rs.getObject(15, LocalDate.class), due == null ? null : due.toInstant(), paid == null ? null : paid.toInstant(),
                rs.getTimestamp(18).toInstant());
    }
}
