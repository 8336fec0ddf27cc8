package io.zhida.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL so that any node serves any request. Two requests of one session at the same
 * moment (a double click, two tabs) may both write the same attribute (the flash message); Spring Session's
 * PostgreSQL customizer writes attributes with INSERT … ON CONFLICT so the second does not fail with a 500.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
