package io.zhida.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list that grows, with its filters and data scope already applied, read two ways: one page (LIMIT/OFFSET and a
 * count over the same FROM … WHERE) for the screen, and every row for the XLSX export. One query for both, so the
 * page, its pager's total and the export never disagree about what the list holds.
 *
 * <p>{@code from} starts at FROM and holds the WHERE, with named parameters; {@code orderBy} must end in a unique
 * column (the id), so that no row shows on two pages or on none.
 */
public final class Listing<T> {

    private final JdbcClient jdbc;
    private final String select;
    private final String from;
    private final String orderBy;
    private final Map<String, Object> params;
    private final RowMapper<T> rows;

    private Listing(JdbcClient jdbc, String select, String from, String orderBy, Map<String, Object> params, RowMapper<T> rows) {
        this.jdbc = jdbc;
        this.select = select;
        this.from = from;
        this.orderBy = orderBy;
        this.params = params;
        this.rows = rows;
    }

    public static <T> Listing<T> sql(JdbcClient jdbc, String select, String from, String orderBy, RowMapper<T> rows) {
        return new Listing<>(jdbc, select, from, orderBy, Map.of(), rows);
    }

    /** A list of nothing, for someone whose data scope holds no rows of it. */
    public static <T> Listing<T> empty() {
        return new Listing<>(null, null, null, null, Map.of(), null);
    }

    /** A named parameter; null is allowed (a filter not given). */
    public Listing<T> param(String name, Object value) {
        Map<String, Object> more = new HashMap<>(params);
        more.put(name, value);
        return new Listing<>(jdbc, select, from, orderBy, more, rows);
    }

    /** The same rows, each turned into something else as it is read. */
    public <R> Listing<R> map(Function<? super T, ? extends R> f) {
        return new Listing<>(jdbc, select, from, orderBy, params, rows == null ? null : (rs, n) -> f.apply(rows.mapRow(rs, n)));
    }

    public long count() {
        return jdbc == null ? 0 : jdbc.sql("SELECT count(*) " + from).params(params).query(Long.class).single();
    }

    public Page<T> page(PageQuery page) {
        long total = count();
        if (page.offset() >= total) {
            return new Page<>(List.of(), total, page); // past the end: nothing to read
        }
        List<T> list = jdbc.sql(select + " " + from + " ORDER BY " + orderBy + " LIMIT :pageLimit OFFSET :pageOffset")
                .params(params).param("pageLimit", page.size()).param("pageOffset", page.offset())
                .query(rows).list();
        return new Page<>(list, total, page);
    }

    /** Every row, in the page order: exports carry the whole list, not the page on screen. */
    public List<T> all() {
        return jdbc == null ? List.of() : jdbc.sql(select + " " + from + " ORDER BY " + orderBy).params(params).query(rows).list();
    }
}
