package io.zhida.matching.internal;

import io.zhida.engine.rule.Outcome;
import io.zhida.matching.MatchRow;
import io.zhida.platform.PostgresCopy;
import java.sql.Timestamp;
import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for stored match results. */
@Repository
public class MatchResults {

    public record Pair(String uscc, Outcome outcome) {
    }

    private static final String SELECT = """
            SELECT m.uscc, e.name, e.region, m.item_code, m.item_version, m.outcome, m.matched_at
            FROM match_result m JOIN enterprise e ON e.uscc = m.uscc""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;

    MatchResults(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
    }

    /** The enterprises already eligible for the item, to tell new matches from old ones. */
    public Set<String> eligible(String itemCode) {
        return Set.copyOf(jdbc.sql("SELECT uscc FROM match_result WHERE item_code = :c AND outcome = 'ELIGIBLE'")
                .param("c", itemCode).query(String.class).list());
    }

    /** Replaces the item's results with these; streamed with COPY, as an item can match most of a province. */
    public void replace(String itemCode, int version, List<Pair> pairs) {
        jdbc.sql("DELETE FROM match_result WHERE item_code = :c").param("c", itemCode).update();
        StringBuilder rows = new StringBuilder(pairs.size() * 48);
        for (Pair p : pairs) {
            rows.append(p.uscc()).append('\t').append(itemCode).append('\t').append(version).append('\t')
                    .append(p.outcome().name()).append('\n');
        }
        PostgresCopy.copyIn(dataSource, "COPY match_result (uscc, item_code, item_version, outcome) FROM STDIN", rows);
    }

    /** The items the enterprise is already eligible for. */
    public Set<String> eligibleItems(String uscc) {
        return Set.copyOf(jdbc.sql("SELECT item_code FROM match_result WHERE uscc = :u AND outcome = 'ELIGIBLE'")
                .param("u", uscc).query(String.class).list());
    }

    /** Replaces one enterprise's results: item code → (version, outcome). */
    public void replaceForEnterprise(String uscc, java.util.Map<String, java.util.Map.Entry<Integer, Outcome>> results) {
        jdbc.sql("DELETE FROM match_result WHERE uscc = :u").param("u", uscc).update();
        List<Object[]> rows = new ArrayList<>(results.size());
        results.forEach((code, r) -> rows.add(new Object[] {uscc, code, r.getKey(), r.getValue().name()}));
        template.batchUpdate("INSERT INTO match_result (uscc, item_code, item_version, outcome) VALUES (?, ?, ?, ?)", rows);
    }

    public void removeItem(String itemCode) {
        jdbc.sql("DELETE FROM match_result WHERE item_code = :c").param("c", itemCode).update();
    }

    public void removeItemsNotIn(Set<String> online) {
        jdbc.sql("DELETE FROM match_result WHERE NOT (item_code = ANY(:codes))").param("codes", online.toArray(String[]::new)).update();
    }

    /** item code → {eligible, undetermined}, within a county when given. */
    public java.util.Map<String, long[]> countsByItem(String region) {
        java.util.Map<String, long[]> counts = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT m.item_code, count(*) FILTER (WHERE m.outcome = 'ELIGIBLE'), count(*) FILTER (WHERE m.outcome = 'UNDETERMINED')
                        FROM match_result m JOIN enterprise e ON e.uscc = m.uscc WHERE (:r = '' OR e.region = :r) GROUP BY m.item_code""")
                .param("r", region == null ? "" : region)
                .query(rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return counts;
    }

    public List<MatchRow> forEnterprise(String uscc) {
        return jdbc.sql(SELECT + " WHERE m.uscc = :u ORDER BY m.outcome, m.item_code").param("u", uscc).query(this::row).list();
    }

    public List<MatchRow> forItem(String itemCode, Outcome outcome, String region, int offset, int limit) {
        return jdbc.sql(SELECT + " WHERE m.item_code = :c AND m.outcome = :o AND (:r = '' OR e.region = :r)"
                        + " ORDER BY e.name LIMIT :limit OFFSET :offset")
                .param("c", itemCode).param("o", outcome.name()).param("r", region == null ? "" : region)
                .param("limit", limit).param("offset", offset).query(this::row).list();
    }

    public long countForItem(String itemCode, Outcome outcome, String region) {
        return jdbc.sql("SELECT count(*) FROM match_result m JOIN enterprise e ON e.uscc = m.uscc"
                        + " WHERE m.item_code = :c AND m.outcome = :o AND (:r = '' OR e.region = :r)")
                .param("c", itemCode).param("o", outcome.name()).param("r", region == null ? "" : region)
                .query(Long.class).single();
    }

    private MatchRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp("matched_at");
        return new MatchRow(rs.getString("uscc"), rs.getString("name"), rs.getString("region"), rs.getString("item_code"),
                rs.getInt("item_version"), Outcome.valueOf(rs.getString("outcome")), at.toInstant());
    }
}
