package io.zhida.bench;

import io.zhida.engine.index.MatchIndex;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.postgresql.PGConnection;

/**
 * A real PostgreSQL with the enterprises in a table, sensible indexes (B-tree per threshold column,
 * pattern index for industry prefixes, GIN for qualifications and tags), and one SQL query per item.
 */
final class PostgresPeer {

    private static final String[] TEXT = {"industry", "region", "scale", "status", "tax_credit_rating"};
    private static final String[] DOUBLES = {"revenue", "rd_ratio", "revenue_growth"};
    private static final String[] LONGS = {"employees", "layoffs", "insured_employees"};

    private final MatchIndex index;
    private final List<BenchItem> items;

    PostgresPeer(MatchIndex index, List<BenchItem> items) {
        this.index = index;
        this.items = items;
    }

    Map<String, Object> run(Map<String, Integer> engineEligible, int cores) throws Exception {
        Path dir = Files.createTempDirectory("zhida-bench-pg");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "64MB")
                .setServerConfig("max_parallel_workers_per_gather", "0").start();
             Connection c = pg.getPostgresDatabase().getConnection()) {
            long t0 = System.nanoTime();
            load(c);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            Random random = new Random(9);
            Latencies perItem = new Latencies();
            int agree = 0;
            int compared = 0;
            try (Statement st = c.createStatement()) {
                for (int s = 0; s < 220; s++) {
                    BenchItem item = items.get(random.nextInt(items.size()));
                    long start = System.nanoTime();
                    int count = 0;
                    try (ResultSet rs = st.executeQuery("SELECT ordinal FROM firm WHERE " + item.sql())) {
                        while (rs.next()) {
                            count++;
                        }
                    }
                    if (s >= 20) {
                        perItem.add(System.nanoTime() - start);
                        compared++;
                        agree += count == engineEligible.get(item.code()) ? 1 : 0;
                    }
                }
                Latencies single = new Latencies();
                int sampleItems = Math.min(1000, items.size());
                for (int s = 0; s < 6; s++) {
                    int ordinal = random.nextInt(index.table().size());
                    long start = System.nanoTime();
                    int hits = 0;
                    for (int i = 0; i < sampleItems; i++) {
                        try (ResultSet rs = st.executeQuery("SELECT 1 FROM firm WHERE ordinal = " + ordinal + " AND (" + items.get(i).sql() + ")")) {
                            hits += rs.next() ? 1 : 0;
                        }
                    }
                    if (s > 0) {
                        single.add((long) ((System.nanoTime() - start) * (items.size() / (double) sampleItems)));
                    }
                    Blackhole.consume(hits);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("single_enterprise_us", single.summary(1e3));
                m.put("single_item_ms", perItem.summary(1e6));
                m.put("full_recompute_s", Latencies.round(perItem.mean() * items.size() / cores / 1e9));
                m.put("full_recompute_extrapolated", true);
                m.put("load_and_index_s", Latencies.round(loadSeconds));
                m.put("index_bytes", size(st, "SELECT pg_total_relation_size('firm')"));
                m.put("eligible_counts_equal_engine", agree + "/" + compared);
                m.put("note", "single_item: one SELECT per item fetching all eligible ids; single_enterprise: one query per item "
                        + "for that enterprise, " + sampleItems + " items measured and scaled to " + items.size()
                        + "; full_recompute extrapolated from single_item over " + cores + " connections");
                return m;
            }
        }
    }

    private void load(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    CREATE UNLOGGED TABLE firm (ordinal INT PRIMARY KEY, industry TEXT, region TEXT, scale TEXT, status TEXT,
                        tax_credit_rating TEXT, revenue FLOAT8, rd_ratio FLOAT8, revenue_growth FLOAT8, employees BIGINT,
                        layoffs BIGINT, insured_employees BIGINT, founded DATE, dishonest BOOLEAN, qualifications TEXT[], tags TEXT[])""");
        }
        StringBuilder batch = new StringBuilder();
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        int n = index.table().size();
        for (int o = 0; o < n; o++) {
            Map<String, Object> v = index.table().row(o);
            batch.append(o);
            for (String t : TEXT) {
                batch.append('\t').append(text(v.get(t)));
            }
            for (String d : DOUBLES) {
                batch.append('\t').append(text(v.get(d)));
            }
            for (String l : LONGS) {
                batch.append('\t').append(text(v.get(l)));
            }
            batch.append('\t').append(text(v.get("founded"))).append('\t').append(text(v.get("dishonest")))
                    .append('\t').append(array(v.get("qualifications"))).append('\t').append(array(v.get("tags"))).append('\n');
            if (batch.length() > 8_000_000 || o == n - 1) {
                copy.copyIn("COPY firm FROM STDIN", new StringReader(batch.toString()));
                batch.setLength(0);
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX ON firm (industry text_pattern_ops)");
            for (String col : List.of("region", "scale", "status", "tax_credit_rating", "revenue", "rd_ratio", "revenue_growth",
                    "employees", "founded")) {
                st.execute("CREATE INDEX ON firm (" + col + ")");
            }
            st.execute("CREATE INDEX ON firm USING gin (qualifications)");
            st.execute("CREATE INDEX ON firm USING gin (tags)");
            st.execute("VACUUM ANALYZE firm");
        }
    }

    private static String text(Object v) {
        return v == null ? "\\N" : v.toString().replace("\\", "\\\\").replace("\t", " ");
    }

    private static String array(Object v) {
        if (!(v instanceof List<?> list)) {
            return "\\N";
        }
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < list.size(); i++) {
            b.append(i > 0 ? "," : "").append('"').append(list.get(i).toString().replace("\"", "\\\\\"")).append('"');
        }
        return b.append('}').toString();
    }

    private static long size(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
