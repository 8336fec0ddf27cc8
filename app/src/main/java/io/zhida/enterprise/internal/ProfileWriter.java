package io.zhida.enterprise.internal;

import io.zhida.enterprise.internal.ProfileValidator.RowError;
import io.zhida.enterprise.internal.ProfileValidator.ValidRow;
import io.zhida.platform.PostgresCopy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes validated rows into the profiles in one set-based merge: COPY into a staging table, record the
 * history of every value that changes, update what differs, insert what is new. A row that would change
 * nothing touches nothing, so re-importing the same extract is a no-op. Must run inside a transaction.
 */
@Component
public class ProfileWriter {

    public record Merged(int created, int updated, int unchanged, List<RowError> rejected, List<String> changed) {
    }

    private static final String COLUMNS = ProfileColumns.ALL.stream().map(ProfileColumns.Column::column)
            .collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final JsonMapper json;

    ProfileWriter(JdbcTemplate jdbc, DataSource dataSource, JsonMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The id of a source system's extract of one as-of date; the same pair always gets the same id. */
    public int sourceId(String system, LocalDate asOf) {
        return jdbc.queryForObject("""
                INSERT INTO data_source (system, as_of) VALUES (?, ?)
                ON CONFLICT (system, as_of) DO UPDATE SET system = EXCLUDED.system RETURNING id""", Integer.class, system, asOf);
    }

    public Merged merge(List<ValidRow> rows, int sourceId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("merge needs a transaction");
        }
        jdbc.execute("DROP TABLE IF EXISTS enterprise_stage");
        jdbc.execute("CREATE TEMP TABLE enterprise_stage ON COMMIT DROP AS SELECT 0::bigint AS row_no, uscc, " + COLUMNS
                + ", extra FROM enterprise WITH NO DATA");
        copy(rows);
        jdbc.update("DELETE FROM enterprise_stage s USING enterprise_stage t WHERE s.uscc = t.uscc AND s.row_no < t.row_no");
        int staged = jdbc.queryForObject("SELECT count(*) FROM enterprise_stage", Integer.class);
        List<RowError> rejected = jdbc.query("""
                DELETE FROM enterprise_stage s
                WHERE (s.name IS NULL OR s.region IS NULL OR s.industry IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM enterprise e WHERE e.uscc = s.uscc)
                RETURNING s.row_no, CASE WHEN s.name IS NULL THEN 'name' WHEN s.region IS NULL THEN 'region' ELSE 'industry' END""",
                (rs, n) -> new RowError(rs.getLong(1), rs.getString(2), "平台尚无该企业，新企业须同时报送企业名称（name）、注册地区划（region）和所属行业（industry）"));
        recordHistory(sourceId);
        String provenance = provenance(sourceId);
        List<String> changed = new ArrayList<>(jdbc.queryForList("UPDATE enterprise e SET "
                + ProfileColumns.ALL.stream().map(c -> c.column() + " = COALESCE(s." + c.column() + ", e." + c.column() + ")")
                .collect(Collectors.joining(", "))
                + ", extra = e.extra || s.extra, provenance = e.provenance || " + provenance + ", updated_at = now() "
                + "FROM enterprise_stage s WHERE e.uscc = s.uscc AND ((" + prefixed("e.") + ") IS DISTINCT FROM ("
                + ProfileColumns.ALL.stream().map(c -> "COALESCE(s." + c.column() + ", e." + c.column() + ")").collect(Collectors.joining(", "))
                + ") OR e.extra IS DISTINCT FROM e.extra || s.extra OR e.provenance IS DISTINCT FROM e.provenance || " + provenance + ") "
                + "RETURNING e.uscc", String.class));
        int updated = changed.size();
        List<String> created = jdbc.queryForList("INSERT INTO enterprise (uscc, " + COLUMNS + ", tags, extra, provenance) SELECT s.uscc, "
                + ProfileColumns.ALL.stream().map(c -> c.type() == io.zhida.engine.rule.AttributeType.STRING_LIST
                        ? "COALESCE(s." + c.column() + ", '{}')" : "s." + c.column()).collect(Collectors.joining(", "))
                + ", COALESCE(s.manual_tags, '{}'), s.extra, " + provenance
                + " FROM enterprise_stage s WHERE NOT EXISTS (SELECT 1 FROM enterprise e WHERE e.uscc = s.uscc) RETURNING uscc", String.class);
        changed.addAll(created);
        return new Merged(created.size(), updated, staged - rejected.size() - updated - created.size(), rejected, changed);
    }

    private void recordHistory(int sourceId) {
        jdbc.update("INSERT INTO enterprise_value_history (uscc, attribute, old_value, new_value, source_id) "
                + "SELECT e.uscc, v.attribute, v.old_value, v.new_value, ? FROM enterprise_stage s JOIN enterprise e ON e.uscc = s.uscc "
                + "CROSS JOIN LATERAL (VALUES " + ProfileColumns.ALL.stream()
                .map(c -> "('" + c.attribute() + "', e." + c.column() + "::text, s." + c.column() + "::text)")
                .collect(Collectors.joining(", "))
                + ") AS v(attribute, old_value, new_value) "
                + "WHERE v.new_value IS NOT NULL AND v.new_value IS DISTINCT FROM v.old_value", sourceId);
        jdbc.update("""
                INSERT INTO enterprise_value_history (uscc, attribute, old_value, new_value, source_id)
                SELECT e.uscc, k.key, e.extra -> k.key #>> '{}', k.value #>> '{}', ?
                FROM enterprise_stage s JOIN enterprise e ON e.uscc = s.uscc CROSS JOIN LATERAL jsonb_each(s.extra) k
                WHERE (e.extra -> k.key) IS DISTINCT FROM k.value""", sourceId);
    }

    /** attribute → source id for every value the staged row gives. The id is our own integer, safe to inline. */
    private static String provenance(int sourceId) {
        return "(jsonb_strip_nulls(jsonb_build_object(" + ProfileColumns.ALL.stream()
                .map(c -> "'" + c.attribute() + "', CASE WHEN s." + c.column() + " IS NOT NULL THEN " + sourceId + " END")
                .collect(Collectors.joining(", "))
                + ")) || COALESCE((SELECT jsonb_object_agg(k, " + sourceId + ") FROM jsonb_object_keys(s.extra) k), '{}'::jsonb))";
    }

    private static String prefixed(String alias) {
        return ProfileColumns.ALL.stream().map(c -> alias + c.column()).collect(Collectors.joining(", "));
    }

    private void copy(List<ValidRow> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 300);
        for (ValidRow row : rows) {
            text.append(row.rowNo()).append('\t').append(row.uscc());
            for (Object value : row.stored()) {
                text.append('\t');
                CopyText.append(text, value);
            }
            text.append('\t');
            CopyText.appendEscaped(text, json.writeValueAsString(row.extra()));
            text.append('\n');
        }
        PostgresCopy.copyIn(dataSource, "COPY enterprise_stage FROM STDIN", text);
    }
}
