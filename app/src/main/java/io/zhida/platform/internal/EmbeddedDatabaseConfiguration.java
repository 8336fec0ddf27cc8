package io.zhida.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * A real PostgreSQL started by the application itself when no SPRING_DATASOURCE_URL is given: the
 * quick start keeps its data under ./data/postgres so a restart keeps everything; tests point it at
 * a clean directory under target/.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${zhida.embedded-db.data-dir}") Path dataDir,
                                      @Value("${zhida.embedded-db.port}") int port,
                                      @Value("${zhida.embedded-db.clean}") boolean clean) throws IOException {
        Files.createDirectories(dataDir.toAbsolutePath().getParent());
        boolean existing = Files.exists(dataDir.resolve("PG_VERSION"));
        if (existing && !clean) {
            LeftoverPostgres.stopIfRunning(dataDir);
        }
        log.info("Starting embedded PostgreSQL, data in {} ({})", dataDir.toAbsolutePath(), existing && !clean ? "existing" : "new");
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(clean)
                .setPort(port > 0 ? port : freePort())
                .setServerConfig("max_connections", "60")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("fsync", clean ? "off" : "on")
                // Spring stops it (destroyMethod) after everything that uses the database has stopped; its own JVM
                // shutdown hook would stop it at the same time as Spring's, under the feet of the last writers
                .setRegisterShutdownHook(false)
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(12);
        config.setPoolName("zhida-embedded");
        return new HikariDataSource(config);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
