package io.zhida.platform.internal;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Bucket4j's buckets in the table rate_limit_bucket (row lock per bucket), so rate limits hold
 * across app nodes. A bucket that has refilled completely is dropped by a periodic clean-up.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitStore {

    @Bean
    PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    @Component
    static class CleanUp {

        private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

        CleanUp(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
            this.buckets = buckets;
        }

        /** Idempotent and safe on every node at once (the delete skips rows another node holds). */
        @Scheduled(fixedDelayString = "${zhida.rate-limits.clean-up-interval:PT15M}", initialDelayString = "${zhida.rate-limits.clean-up-interval:PT15M}")
        void removeFullBuckets() {
            while (buckets.removeExpired(1000) == 1000) {
                // keep going until a batch comes back short
            }
        }
    }
}
