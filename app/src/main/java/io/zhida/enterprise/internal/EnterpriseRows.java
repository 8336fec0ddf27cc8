package io.zhida.enterprise.internal;

import io.zhida.datagen.EnterpriseRecord;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles.Page;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** SQL for enterprise profiles. */
@Component
public class EnterpriseRows {

    private static final String COLUMNS = "uscc, name, entity_type, status, founded, registered_capital, region, industry, "
            + "employees, revenue, revenue_prev, total_assets, tax_paid, rd_expense, export_value, insured_employees, "
            + "unemployment_insurance_paid, layoffs, youth_hires, qualifications, hitech_certified, tax_credit_rating, "
            + "dishonest, tags, contact_phone";
    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EnterpriseRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void forEach(java.util.function.Consumer<EnterpriseProfile> consumer) {
        template.query("SELECT " + COLUMNS + " FROM enterprise ORDER BY uscc", rs -> {
            consumer.accept(profile(rs, 0));
        });
    }

    public Optional<EnterpriseProfile> find(String uscc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE uscc = :uscc").param("uscc", uscc)
                .query(EnterpriseRows::profile).optional();
    }

    public Page search(String query, String region, int page, int size) {
        String q = query == null ? "" : query.trim();
        String r = region == null ? "" : region;
        String where = " WHERE (:q = '' OR name ILIKE :like OR uscc = upper(:q)) AND (:r = '' OR region = :r)";
        long total = jdbc.sql("SELECT count(*) FROM enterprise" + where).param("q", q).param("like", "%" + q + "%")
                .param("r", r).query(Long.class).single();
        List<EnterpriseProfile> items = jdbc.sql("SELECT " + COLUMNS + " FROM enterprise" + where
                        + " ORDER BY name LIMIT :limit OFFSET :offset")
                .param("q", q).param("like", "%" + q + "%").param("r", r)
                .param("limit", size).param("offset", (long) page * size)
                .query(EnterpriseRows::profile).list();
        return new Page(items, total, page, size);
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single();
    }

    @Transactional
    public long upsertAll(Iterator<EnterpriseRecord> records) {
        String placeholders = String.join(", ", java.util.Collections.nCopies(25, "?"));
        String sql = "INSERT INTO enterprise (" + COLUMNS + ") VALUES (" + placeholders + ") ON CONFLICT (uscc) DO UPDATE SET "
                + Arrays.stream(COLUMNS.split(", ")).skip(1).map(c -> c + " = EXCLUDED." + c).reduce((a, b) -> a + ", " + b).orElseThrow()
                + ", updated_at = now()";
        long written = 0;
        List<EnterpriseRecord> batch = new ArrayList<>(BATCH);
        while (records.hasNext()) {
            batch.add(records.next());
            if (batch.size() == BATCH || !records.hasNext()) {
                template.batchUpdate(sql, batch, batch.size(), EnterpriseRows::bind);
                written += batch.size();
                batch.clear();
            }
        }
        return written;
    }

    private static void bind(PreparedStatement ps, EnterpriseRecord e) throws SQLException {
        ps.setString(1, e.uscc());
        ps.setString(2, e.name());
        ps.setString(3, e.entityType());
        ps.setString(4, e.status());
        ps.setObject(5, e.founded() == null ? null : LocalDate.parse(e.founded()), Types.DATE);
        ps.setBigDecimal(6, money(e.registeredCapital()));
        ps.setString(7, e.region());
        ps.setString(8, e.industry());
        ps.setObject(9, e.employees(), Types.INTEGER);
        ps.setBigDecimal(10, money(e.revenue()));
        ps.setBigDecimal(11, money(e.revenuePrev()));
        ps.setBigDecimal(12, money(e.totalAssets()));
        ps.setBigDecimal(13, money(e.taxPaid()));
        ps.setBigDecimal(14, money(e.rdExpense()));
        ps.setBigDecimal(15, money(e.exportValue()));
        ps.setObject(16, e.insuredEmployees(), Types.INTEGER);
        ps.setBigDecimal(17, money(e.unemploymentInsurancePaid()));
        ps.setObject(18, e.layoffs(), Types.INTEGER);
        ps.setObject(19, e.youthHires(), Types.INTEGER);
        ps.setArray(20, ps.getConnection().createArrayOf("text", e.qualifications().toArray()));
        ps.setObject(21, e.hitechCertified() == null ? null : LocalDate.parse(e.hitechCertified()), Types.DATE);
        ps.setString(22, e.taxCreditRating());
        ps.setObject(23, e.dishonest(), Types.BOOLEAN);
        ps.setArray(24, ps.getConnection().createArrayOf("text", e.tags().toArray()));
        ps.setString(25, e.phone());
    }

    private static BigDecimal money(Double yuan) {
        return yuan == null ? null : BigDecimal.valueOf(yuan).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static EnterpriseProfile profile(ResultSet rs, int n) throws SQLException {
        return new EnterpriseProfile(rs.getString("uscc"), rs.getString("name"), rs.getString("entity_type"),
                rs.getString("status"), date(rs.getDate("founded")), rs.getBigDecimal("registered_capital"),
                rs.getString("region"), rs.getString("industry"), (Integer) rs.getObject("employees"),
                rs.getBigDecimal("revenue"), rs.getBigDecimal("revenue_prev"), rs.getBigDecimal("total_assets"),
                rs.getBigDecimal("tax_paid"), rs.getBigDecimal("rd_expense"), rs.getBigDecimal("export_value"),
                (Integer) rs.getObject("insured_employees"), rs.getBigDecimal("unemployment_insurance_paid"),
                (Integer) rs.getObject("layoffs"), (Integer) rs.getObject("youth_hires"), list(rs.getArray("qualifications")),
                date(rs.getDate("hitech_certified")), rs.getString("tax_credit_rating"), (Boolean) rs.getObject("dishonest"),
                list(rs.getArray("tags")), rs.getString("contact_phone"));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
