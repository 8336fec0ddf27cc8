package io.zhida.enterprise.internal;

import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles.Page;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** SQL for enterprise profiles. */
@Component
public class EnterpriseRows {

    public record Source(String system, LocalDate asOf) {
    }

    public record HistoryEntry(String attribute, String oldValue, String newValue, Source source, java.time.Instant changedAt) {
    }

    /** The code, every stored attribute (tags both effective and as imported), and the declared ones. */
    private static final String COLUMNS = "uscc, " + ProfileColumns.ALL.stream()
            .map(c -> c.attribute().equals(c.column()) ? c.column() : c.attribute() + ", " + c.column())
            .collect(java.util.stream.Collectors.joining(", ")) + ", extra";
    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    EnterpriseRows(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    public void forEach(java.util.function.Consumer<EnterpriseProfile> consumer) {
        template.query("SELECT " + COLUMNS + " FROM enterprise ORDER BY uscc", rs -> {
            consumer.accept(profile(rs, 0));
        });
    }

    public Optional<EnterpriseProfile> find(String uscc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE uscc = :uscc").param("uscc", uscc)
                .query(this::profile).optional();
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
                .query(this::profile).list();
        return new Page(items, total, page, size);
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single();
    }

    /** The profiles of these codes, unknown codes left out. */
    public List<EnterpriseProfile> findAll(java.util.Collection<String> usccs) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE uscc = ANY(CAST(:u AS char(18)[]))")
                .param("u", usccs.toArray(String[]::new)).query(this::profile).list();
    }

    /** Sets effective tags: each update is {uscc, tags joined by U+001F}. */
    public void writeTags(List<String[]> updates) {
        template.batchUpdate("UPDATE enterprise SET tags = ?, updated_at = now() WHERE uscc = ?", updates, BATCH, (ps, u) -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", u[1].isEmpty() ? new String[0] : u[1].split("\u001f")));
            ps.setString(2, u[0]);
        });
    }

    /** Where each held value came from: attribute → (source system, as-of date). */
    public Map<String, Source> provenance(String uscc) {
        Map<String, Source> sources = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT p.key, d.system, d.as_of FROM enterprise e CROSS JOIN LATERAL jsonb_each_text(e.provenance) p
                JOIN data_source d ON d.id = p.value::int WHERE e.uscc = :u""").param("u", uscc)
                .query(rs -> {
                    sources.put(rs.getString(1), new Source(rs.getString(2), rs.getDate(3).toLocalDate()));
                });
        return sources;
    }

    public List<HistoryEntry> history(String uscc, int limit) {
        return jdbc.sql("""
                SELECT h.attribute, h.old_value, h.new_value, d.system, d.as_of, h.changed_at
                FROM enterprise_value_history h JOIN data_source d ON d.id = h.source_id
                WHERE h.uscc = :u ORDER BY h.changed_at DESC, h.id DESC LIMIT :l""")
                .param("u", uscc).param("l", limit)
                .query((rs, n) -> new HistoryEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        new Source(rs.getString(4), rs.getDate(5).toLocalDate()), rs.getTimestamp(6).toInstant()))
                .list();
    }

    private EnterpriseProfile profile(ResultSet rs, int n) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ProfileColumns.Column c : ProfileColumns.ALL) {
            Object value = switch (c.type()) {
                case DATE -> date(rs.getDate(c.attribute()));
                case DOUBLE -> rs.getBigDecimal(c.attribute());
                case STRING_LIST -> list(rs.getArray(c.attribute()));
                default -> rs.getObject(c.attribute());
            };
            if (value != null) {
                values.put(c.attribute(), value);
            }
        }
        return new EnterpriseProfile(rs.getString("uscc"), values, list(rs.getArray("manual_tags")), extra(rs.getString("extra")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> extra(String text) {
        return text == null || text.equals("{}") ? Map.of() : java.util.Collections.unmodifiableMap(json.readValue(text, LinkedHashMap.class));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
