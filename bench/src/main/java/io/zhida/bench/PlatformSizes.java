package io.zhida.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Memory and storage: the index memory and stored results as the platform reports them, the app's
 * resident memory, and PostgreSQL's sizes read from its catalogue (the fallback for stored results).
 */
final class PlatformSizes {

    private static final String STORED_FALLBACK = "stored results = PostgreSQL relations named *match* (no status endpoint)";
    private static final int LARGEST = 12;

    private final PlatformRun run;

    PlatformSizes(PlatformRun run) {
        this.run = run;
    }

    /** Adds sizes_{when} to the report, and index_bytes and stored_results_bytes (the last reading wins). */
    void record(String when) {
        Map<String, Object> sizes = new LinkedHashMap<>();
        if (run.statusEndpoint()) {
            platformFigures(sizes);
        }
        AppProcess app = run.app();
        sizes.put("app_resident_bytes", app.residentBytes());
        sizes.put("postgres_data_dir_bytes", app.dataBytes());
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + app.databasePort() + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            databaseFigures(s, sizes);
        } catch (Exception e) {
            sizes.put("postgres_error", e.getMessage());
        }
        run.put("sizes_" + when, sizes);
    }

    private void platformFigures(Map<String, Object> sizes) {
        HttpResponse r = run.http().get("/api/v1/matching/status", run.adminToken());
        if (r.ok()) {
            JsonNode status = Jsons.read(r.body());
            sizes.put("matching_status", status);
            run.put("index_bytes", status.path("indexBytes").asLong());
            run.put("stored_results_bytes", status.path("storedBytes").asLong());
        }
    }

    private void databaseFigures(Statement s, Map<String, Object> sizes) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            sizes.put("postgres_database_bytes", rs.getLong(1));
        }
        Map<String, Long> largest = new LinkedHashMap<>();
        long matching = 0;
        try (ResultSet rs = s.executeQuery("""
                SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                ORDER BY 2 DESC""")) {
            while (rs.next()) {
                if (largest.size() < LARGEST) {
                    largest.put(rs.getString(1), rs.getLong(2));
                }
                if (rs.getString(1).contains("match")) {
                    matching += rs.getLong(2);
                }
            }
        }
        sizes.put("largest_relations_bytes", largest);
        sizes.put("match_relations_bytes", matching);
        if (!run.statusEndpoint()) {
            run.put("stored_results_bytes", matching);
            run.note(STORED_FALLBACK);
        }
    }
}
