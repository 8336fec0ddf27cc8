package io.zhida.catalog.internal;

import io.zhida.catalog.HandlingMode;
import io.zhida.catalog.ItemContent;
import io.zhida.catalog.PolicyDocument;
import io.zhida.catalog.PolicyItem;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for documents, items and item versions. */
@Component
public class PolicyRows {

    private static final String VERSION_SELECT = """
            SELECT i.code, v.*, d.doc_number, d.title AS document_title, i.published_version, i.working_version,
                   i.abolished_at IS NOT NULL AS abolished
            FROM policy_item_version v
            JOIN policy_item i ON i.id = v.item_id
            LEFT JOIN policy_document d ON d.id = v.document_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PolicyRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- documents

    public Optional<Long> documentId(String number) {
        return jdbc.sql("SELECT id FROM policy_document WHERE doc_number = :n").param("n", number).query(Long.class).optional();
    }

    public long saveDocument(PolicyDocument d) {
        return jdbc.sql("""
                INSERT INTO policy_document (doc_number, title, level, issuer, published_on, valid_from, valid_to, full_text, themes,
                    industries, regions)
                VALUES (:number, :title, :level, :issuer, :published, :from, :to, :text, :themes, :industries, :regions)
                ON CONFLICT (doc_number) DO UPDATE SET title = EXCLUDED.title, level = EXCLUDED.level, issuer = EXCLUDED.issuer,
                    published_on = EXCLUDED.published_on, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
                    full_text = EXCLUDED.full_text, themes = EXCLUDED.themes,
                    industries = EXCLUDED.industries, regions = EXCLUDED.regions
                RETURNING id""")
                .param("number", d.number()).param("title", d.title()).param("level", d.level()).param("issuer", d.issuer())
                .param("published", d.publishedOn()).param("from", d.validFrom()).param("to", d.validTo())
                .param("text", d.fullText() == null ? "" : d.fullText()).param("themes", d.themes().toArray(String[]::new))
                .param("industries", d.industries().toArray(String[]::new)).param("regions", d.regions().toArray(String[]::new))
                .query(Long.class).single();
    }

    /** Marks the document abolished; answers the codes of its items that were not abolished yet. */
    public List<String> abolishDocument(long id, String reason) {
        jdbc.sql("UPDATE policy_document SET status = 'ABOLISHED', abolished_at = now(), abolish_reason = :r WHERE id = :id")
                .param("r", reason).param("id", id).update();
        return jdbc.sql("""
                SELECT i.code FROM policy_item i
                JOIN policy_item_version v ON v.item_id = i.id AND v.version = coalesce(i.working_version, i.published_version)
                WHERE v.document_id = :id AND i.abolished_at IS NULL ORDER BY i.code""")
                .param("id", id).query(String.class).list();
    }

    public List<PolicyDocument> documents() {
        return jdbc.sql("SELECT * FROM policy_document ORDER BY published_on DESC NULLS LAST, id").query(PolicyRows::document).list();
    }

    public Optional<PolicyDocument> document(long id) {
        return jdbc.sql("SELECT * FROM policy_document WHERE id = :id").param("id", id).query(PolicyRows::document).optional();
    }

    // --- items

    public Optional<long[]> itemIds(String code) {
        return jdbc.sql("SELECT id, coalesce(published_version, 0), coalesce(working_version, 0) FROM policy_item WHERE code = :code")
                .param("code", code).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).optional();
    }

    public long createItem(String code) {
        return jdbc.sql("INSERT INTO policy_item (code) VALUES (:code) RETURNING id").param("code", code).query(Long.class).single();
    }

    public int nextVersion(long itemId) {
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM policy_item_version WHERE item_id = :id")
                .param("id", itemId).query(Integer.class).single();
    }

    public void setWorkingVersion(long itemId, Integer version) {
        jdbc.sql("UPDATE policy_item SET working_version = :v WHERE id = :id").param("v", version).param("id", itemId).update();
    }

    public void writeVersion(long itemId, int version, ItemContent c, Long documentId, String author) {
        jdbc.sql("DELETE FROM policy_item_version WHERE item_id = :id AND version = :v AND state IN ('DRAFT', 'RETURNED')")
                .param("id", itemId).param("v", version).update();
        jdbc.sql("""
                INSERT INTO policy_item_version (item_id, version, state, name, document_id, clause, departments, mode, target,
                    conditions_text, condition_rule, materials, benefit_type, amount_formula, cap, time_limit_days, apply_from,
                    apply_to, valid_from, valid_to, themes, industries, regions, contact, legal_basis, interpretation, faq,
                    fund_source, annual_budget, exclusion_group, annual_cap, author)
                VALUES (:id, :v, 'DRAFT', :name, :doc, :clause, :departments, :mode, :target, :conditionsText, :condition,
                    CAST(:materials AS jsonb), :benefitType, :formula, :cap, :days, :applyFrom, :applyTo, :validFrom, :validTo,
                    :themes, :industries, :regions, :contact, :legalBasis, :interpretation, CAST(:faq AS jsonb), :fundSource,
                    :budget, :group, :annualCap, :author)""")
                .param("id", itemId).param("v", version).param("name", c.name()).param("doc", documentId)
                .param("clause", c.clause()).param("departments", c.departments().toArray(String[]::new))
                .param("mode", c.mode().name()).param("target", c.target()).param("conditionsText", c.conditionsText())
                .param("condition", c.condition()).param("materials", json.writeValueAsString(c.materials()))
                .param("benefitType", c.benefitType()).param("formula", c.amountFormula()).param("cap", c.cap())
                .param("days", c.timeLimitDays()).param("applyFrom", c.applyFrom()).param("applyTo", c.applyTo())
                .param("validFrom", c.validFrom()).param("validTo", c.validTo())
                .param("themes", c.themes().toArray(String[]::new)).param("industries", c.industries().toArray(String[]::new))
                .param("regions", c.regions().toArray(String[]::new)).param("contact", c.contact())
                .param("legalBasis", c.legalBasis()).param("interpretation", c.interpretation())
                .param("faq", json.writeValueAsString(c.faq())).param("fundSource", c.fundSource())
                .param("budget", c.annualBudget()).param("group", c.exclusionGroup()).param("annualCap", c.annualCap())
                .param("author", author).update();
    }

    public int setState(long itemId, int version, String from, String to) {
        return jdbc.sql("UPDATE policy_item_version SET state = :to WHERE item_id = :id AND version = :v AND state = :from")
                .param("to", to).param("id", itemId).param("v", version).param("from", from).update();
    }

    public void recordReview(long itemId, int version, String reviewer, String note) {
        jdbc.sql("UPDATE policy_item_version SET reviewed_by = :r, review_note = :note, reviewed_at = now() WHERE item_id = :id AND version = :v")
                .param("r", reviewer).param("note", note).param("id", itemId).param("v", version).update();
    }

    public void publish(long itemId, int version) {
        jdbc.sql("UPDATE policy_item_version SET state = 'SUPERSEDED' WHERE item_id = :id AND state = 'PUBLISHED' AND version <> :v")
                .param("id", itemId).param("v", version).update();
        jdbc.sql("UPDATE policy_item_version SET published_at = now() WHERE item_id = :id AND version = :v")
                .param("id", itemId).param("v", version).update();
        jdbc.sql("UPDATE policy_item SET published_version = :v, working_version = NULL WHERE id = :id")
                .param("id", itemId).param("v", version).update();
    }

    public void abolish(long itemId, String reason) {
        jdbc.sql("UPDATE policy_item SET abolished_at = now(), abolish_reason = :r WHERE id = :id")
                .param("r", reason).param("id", itemId).update();
    }

    public Optional<PolicyItem> version(String code, int version) {
        return jdbc.sql(VERSION_SELECT + " WHERE i.code = :code AND v.version = :v").param("code", code).param("v", version)
                .query(this::item).optional();
    }

    /** Each item's current version: the working one for authors when asked, else the published one. */
    public List<PolicyItem> currentVersions(boolean preferWorking) {
        String pick = preferWorking ? "coalesce(i.working_version, i.published_version)" : "i.published_version";
        return jdbc.sql(VERSION_SELECT + " WHERE v.version = " + pick + " ORDER BY i.code").query(this::item).list();
    }

    public List<PolicyItem> versionsOf(String code) {
        return jdbc.sql(VERSION_SELECT + " WHERE i.code = :code ORDER BY v.version DESC").param("code", code).query(this::item).list();
    }

    public List<PolicyItem> inState(String state) {
        return jdbc.sql(VERSION_SELECT + " WHERE v.state = :s ORDER BY v.created_at").param("s", state).query(this::item).list();
    }

    private PolicyItem item(ResultSet rs, int n) throws SQLException {
        ItemContent content = new ItemContent(rs.getString("code"), rs.getString("name"), rs.getString("doc_number"),
                rs.getString("clause"), list(rs.getArray("departments")), HandlingMode.valueOf(rs.getString("mode")),
                rs.getString("target"), rs.getString("conditions_text"), rs.getString("condition_rule"),
                json.readValue(rs.getString("materials"), new TypeReference<List<ItemContent.Material>>() { }),
                rs.getString("benefit_type"), rs.getString("amount_formula"), rs.getBigDecimal("cap"),
                (Integer) rs.getObject("time_limit_days"), date(rs, "apply_from"), date(rs, "apply_to"),
                date(rs, "valid_from"), date(rs, "valid_to"), list(rs.getArray("themes")), list(rs.getArray("industries")),
                list(rs.getArray("regions")), rs.getString("contact"), rs.getString("legal_basis"),
                rs.getString("interpretation"),
                json.readValue(rs.getString("faq"), new TypeReference<List<ItemContent.Faq>>() { }),
                rs.getString("fund_source"), rs.getBigDecimal("annual_budget"), rs.getString("exclusion_group"),
                rs.getBigDecimal("annual_cap"));
        java.sql.Timestamp published = rs.getTimestamp("published_at");
        return new PolicyItem(rs.getString("code"), rs.getInt("version"), PolicyItem.State.valueOf(rs.getString("state")),
                content, rs.getString("document_title"), rs.getString("author"), rs.getString("review_note"),
                rs.getString("reviewed_by"), published == null ? null : published.toInstant(), rs.getBoolean("abolished"),
                (Integer) rs.getObject("published_version"), (Integer) rs.getObject("working_version"));
    }

    private static PolicyDocument document(ResultSet rs, int n) throws SQLException {
        return new PolicyDocument(rs.getLong("id"), rs.getString("doc_number"), rs.getString("title"), rs.getString("level"),
                rs.getString("issuer"), date(rs, "published_on"), date(rs, "valid_from"), date(rs, "valid_to"),
                rs.getString("full_text"), list(rs.getArray("themes")), list(rs.getArray("industries")),
                list(rs.getArray("regions")), rs.getString("status"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
