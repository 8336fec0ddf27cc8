package io.zhida.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The module tests' database: one real PostgreSQL for the whole test JVM, and in it a fresh database for each
 * module's test context, so a module's fixtures are its own and no module test sees another's rows or the demo city.
 */
public final class ModuleDatabase {

    /** The password of {@code admin}, the administrator a fresh platform creates for itself. */
    public static final String ADMIN_PASSWORD = "module-test-administrator";

    private static EmbeddedPostgres postgres;

    private ModuleDatabase() {
    }

    /** Points the context at the module's own database (created empty; Flyway migrates it as the app does). */
    public static synchronized void register(DynamicPropertyRegistry registry, String module) {
        String database = "module_" + module;
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of("target", "module-postgres"))
                        .setCleanDataDirectory(true).setServerConfig("fsync", "off").setServerConfig("max_connections", "200").start();
            }
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
                s.execute("CREATE DATABASE " + database);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String url = postgres.getJdbcUrl("postgres", database);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
        registry.add("zhida.demo.enabled", () -> "false");
        registry.add("zhida.admin.password", () -> ADMIN_PASSWORD); // the first administrator, as in production
    }
}
