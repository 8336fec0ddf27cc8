package io.zhida.matching.internal;

import io.zhida.engine.rule.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the stored results: subjects (stable numbering), one bitmap per item and outcome, per-enterprise deltas, runs. */
@Repository
public class MatchSetRows {

    /** An item's two sets as stored. */
    public record ItemSets(String itemCode, int version, Instant matchedAt, RoaringBitmap eligible, RoaringBitmap undetermined) {
    }

    /** One enterprise's outcome for one item since the item's sets were stored; outcome null: neither. */
    public record Delta(int ordinal, String itemCode, int version, Outcome outcome, Instant at) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MatchSetRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // --- subjects

    /** Numbers the enterprises that have no number yet, in the order given (ordinals are never reused). */
    public void number(Collection<String> usccs) {
        if (!usccs.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO match_subject (uscc) SELECT u FROM unnest(CAST(? AS char(18)[])) WITH ORDINALITY AS x(u, n)
                    WHERE NOT EXISTS (SELECT 1 FROM match_subject s WHERE s.uscc = x.u) ORDER BY n ON CONFLICT (uscc) DO NOTHING""")
                    .param(usccs.toArray(String[]::new)).update();
        }
    }

    public void subjects(java.util.function.BiConsumer<Integer, String> each) {
        jdbc.sql("SELECT ordinal, uscc FROM match_subject ORDER BY ordinal").query(rs -> {
            each.accept(rs.getInt(1), rs.getString(2));
        });
    }

    public Map<String, Integer> ordinalsOf(Collection<String> usccs) {
        Map<String, Integer> found = new java.util.HashMap<>();
        jdbc.sql("SELECT uscc, ordinal FROM match_subject WHERE uscc = ANY(CAST(? AS char(18)[]))").param(usccs.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString(1), rs.getInt(2));
                });
        return found;
    }

    // --- sets

    public List<ItemSets> allSets() {
        return sets("SELECT item_code, outcome, item_version, matched_at, bitmap FROM match_set ORDER BY item_code", List.of());
    }

    public List<ItemSets> sets(Collection<String> itemCodes) {
        return sets("SELECT item_code, outcome, item_version, matched_at, bitmap FROM match_set WHERE item_code = ANY(CAST(? AS text[])) ORDER BY item_code",
                List.<Object>of((Object) itemCodes.toArray(String[]::new)));
    }

    private List<ItemSets> sets(String sql, List<Object> params) {
        Map<String, ItemSets> byItem = new java.util.LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            String code = rs.getString(1);
            RoaringBitmap bitmap = deserialize(rs.getBytes(5));
            ItemSets before = byItem.get(code);
            RoaringBitmap eligible = before == null ? new RoaringBitmap() : before.eligible();
            RoaringBitmap undetermined = before == null ? new RoaringBitmap() : before.undetermined();
            if (rs.getString(2).equals("ELIGIBLE")) {
                eligible = bitmap;
            } else {
                undetermined = bitmap;
            }
            byItem.put(code, new ItemSets(code, rs.getInt(3), rs.getTimestamp(4).toInstant(), eligible, undetermined));
        });
        return new ArrayList<>(byItem.values());
    }

    /** Replaces the items' sets (two rows each) and drops their deltas: the sets now say what the deltas said. */
    public void replace(Collection<ItemSets> items) {
        String[] codes = items.stream().map(ItemSets::itemCode).toArray(String[]::new);
        jdbc.sql("DELETE FROM match_set WHERE item_code = ANY(CAST(? AS text[]))").param(codes).update();
        jdbc.sql("DELETE FROM match_delta WHERE item_code = ANY(CAST(? AS text[]))").param(codes).update();
        insert(items);
    }

    /**
     * Replaces every set by the full match's: items no longer online disappear; deltas recorded before the
     * match read the enterprises are folded in, later ones (a profile changed while it ran) stay on top.
     */
    public void replaceAll(Collection<ItemSets> items, Instant readAt) {
        jdbc.sql("DELETE FROM match_set").update();
        jdbc.sql("DELETE FROM match_delta WHERE matched_at < ? OR NOT (item_code = ANY(CAST(? AS text[])))")
                .params(Timestamp.from(readAt), items.stream().map(ItemSets::itemCode).toArray(String[]::new)).update();
        insert(items);
    }

    public void removeItem(String itemCode) {
        jdbc.sql("DELETE FROM match_set WHERE item_code = ?").param(itemCode).update();
        jdbc.sql("DELETE FROM match_announced WHERE item_code = ?").param(itemCode).update();
        jdbc.sql("DELETE FROM match_delta WHERE item_code = ?").param(itemCode).update();
    }

    private void insert(Collection<ItemSets> items) {
        List<Object[]> rows = new ArrayList<>(items.size() * 2);
        for (ItemSets s : items) {
            rows.add(new Object[] {s.itemCode(), "ELIGIBLE", s.version(), Timestamp.from(s.matchedAt()), s.eligible().getCardinality(), serialize(s.eligible())});
            rows.add(new Object[] {s.itemCode(), "UNDETERMINED", s.version(), Timestamp.from(s.matchedAt()), s.undetermined().getCardinality(),
                    serialize(s.undetermined())});
        }
        template.batchUpdate("INSERT INTO match_set (item_code, outcome, item_version, matched_at, members, bitmap) VALUES (?, ?, ?, ?, ?, ?)",
                rows, 200, (ps, r) -> {
                    for (int i = 0; i < r.length; i++) {
                        ps.setObject(i + 1, r[i]);
                    }
                });
    }

    // --- announced: every (enterprise, item) ever announced, one bitmap per item, so a pair is announced once

    /**
     * The items' announced sets, locked until the transaction ends (rows created empty where missing, in code
     * order so that two announcements never wait for each other in a circle).
     */
    public Map<String, RoaringBitmap> lockAnnounced(Collection<String> itemCodes) {
        String[] codes = itemCodes.stream().sorted().toArray(String[]::new);
        jdbc.sql("""
                INSERT INTO match_announced (item_code, members, bitmap) SELECT c, 0, ? FROM unnest(CAST(? AS text[])) AS c
                ORDER BY c ON CONFLICT (item_code) DO NOTHING""").params(serialize(new RoaringBitmap()), codes).update();
        Map<String, RoaringBitmap> announced = new java.util.HashMap<>();
        jdbc.sql("SELECT item_code, bitmap FROM match_announced WHERE item_code = ANY(CAST(? AS text[])) ORDER BY item_code FOR UPDATE")
                .param(codes).query(rs -> {
                    announced.put(rs.getString(1), deserialize(rs.getBytes(2)));
                });
        return announced;
    }

    public void saveAnnounced(Map<String, RoaringBitmap> announced) {
        List<Object[]> rows = new ArrayList<>(announced.size());
        announced.forEach((code, members) -> rows.add(new Object[] {members.getCardinality(), serialize(members), code}));
        template.batchUpdate("UPDATE match_announced SET members = ?, bitmap = ? WHERE item_code = ?", rows);
    }

    // --- deltas

    public List<Delta> allDeltas() {
        return jdbc.sql("SELECT ordinal, item_code, item_version, outcome, matched_at FROM match_delta").query(MatchSetRows::delta).list();
    }

    public List<Delta> deltasOf(Collection<Integer> ordinals) {
        return jdbc.sql("SELECT ordinal, item_code, item_version, outcome, matched_at FROM match_delta WHERE ordinal = ANY(CAST(? AS int[]))")
                .param(ordinals.toArray(Integer[]::new)).query(MatchSetRows::delta).list();
    }

    public void upsertDeltas(Collection<Delta> deltas) {
        template.batchUpdate("""
                INSERT INTO match_delta (ordinal, item_code, item_version, outcome, matched_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (ordinal, item_code) DO UPDATE SET item_version = excluded.item_version, outcome = excluded.outcome,
                  matched_at = excluded.matched_at""", new ArrayList<>(deltas), 500, (ps, d) -> {
            ps.setInt(1, d.ordinal());
            ps.setString(2, d.itemCode());
            ps.setInt(3, d.version());
            ps.setString(4, d.outcome() == null ? null : d.outcome().name());
            ps.setTimestamp(5, Timestamp.from(d.at()));
        });
    }

    private static Delta delta(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String outcome = rs.getString(4);
        return new Delta(rs.getInt(1), rs.getString(2), rs.getInt(3), outcome == null ? null : Outcome.valueOf(outcome),
                rs.getTimestamp(5).toInstant());
    }

    // --- runs

    public long startRun(String kind, int node) {
        return jdbc.sql("INSERT INTO match_run (kind, node_id) VALUES (?, ?) RETURNING id").params(kind, node).query(Long.class).single();
    }

    public void finishRun(long id, int items, int enterprises, long millis) {
        jdbc.sql("UPDATE match_run SET finished_at = now(), items = ?, enterprises = ?, millis = ? WHERE id = ?")
                .params(items, enterprises, millis, id).update();
    }

    /** When the cluster last finished a full match, if ever. */
    public java.util.Optional<Instant> lastFullMatch() {
        return jdbc.sql("SELECT max(finished_at) FROM match_run WHERE finished_at IS NOT NULL").query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    /** Serialises the cluster's full matches: held until the transaction ends. */
    public void lockFullMatch() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('matching.full-match'))").query().listOfRows();
    }

    public long storedBytes() {
        return jdbc.sql("SELECT pg_total_relation_size('match_set') + pg_total_relation_size('match_delta') + pg_total_relation_size('match_subject') + pg_total_relation_size('match_announced')")
                .query(Long.class).single();
    }

    static byte[] serialize(RoaringBitmap bitmap) {
        bitmap.runOptimize();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(bitmap.serializedSizeInBytes());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            bitmap.serialize(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static RoaringBitmap deserialize(byte[] bytes) {
        RoaringBitmap bitmap = new RoaringBitmap();
        try {
            bitmap.deserialize(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bitmap;
    }
}
