package io.zhida.evaluation.internal;

import io.zhida.evaluation.Indicator;
import io.zhida.evaluation.IndicatorScheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class IndicatorRows {

    private final JdbcClient jdbc;

    IndicatorRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<IndicatorScheme> schemes() {
        return jdbc.sql("SELECT id, name, half FROM eval_scheme ORDER BY half, id").query(IndicatorScheme.class).list();
    }

    public long insertScheme(String name, int half) {
        return jdbc.sql("INSERT INTO eval_scheme (name, half) VALUES (?, ?) RETURNING id").params(name, half).query(Long.class).single();
    }

    public long insert(long scheme, Long parent, String code, String name, BigDecimal weight, String source, String ref, int position) {
        return jdbc.sql("""
                        INSERT INTO eval_indicator (scheme_id, parent_id, code, name, weight, source, source_ref, position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(scheme, parent, code, name, weight, source, ref, position).query(Long.class).single();
    }

    public int update(long scheme, long id, String name, BigDecimal weight, String source, String ref) {
        return jdbc.sql("UPDATE eval_indicator SET name = ?, weight = ?, source = ?, source_ref = ? WHERE id = ? AND scheme_id = ?")
                .params(name, weight, source, ref, id, scheme).update();
    }

    public int delete(long scheme, long id) {
        return jdbc.sql("DELETE FROM eval_indicator WHERE id = ? AND scheme_id = ?").params(id, scheme).update();
    }

    /** The tree, roots in order, children in order. */
    public List<Indicator> tree(long scheme) {
        List<Indicator> flat = jdbc.sql("SELECT id, parent_id, code, name, weight, source, source_ref, position FROM eval_indicator "
                        + "WHERE scheme_id = ? ORDER BY position, id").param(scheme)
                .query((rs, n) -> new Indicator(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6) == null ? null : Indicator.Source.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getInt(8), List.of())).list();
        Map<Long, List<Indicator>> byParent = new LinkedHashMap<>();
        flat.forEach(i -> byParent.computeIfAbsent(i.parentId() == null ? 0L : i.parentId(), k -> new ArrayList<>()).add(i));
        return children(0L, byParent);
    }

    private static List<Indicator> children(long parent, Map<Long, List<Indicator>> byParent) {
        List<Indicator> nodes = new ArrayList<>();
        for (Indicator i : byParent.getOrDefault(parent, List.of())) {
            nodes.add(new Indicator(i.id(), i.parentId(), i.code(), i.name(), i.weight(), i.source(), i.sourceRef(), i.position(),
                    children(i.id(), byParent)));
        }
        return nodes;
    }
}
