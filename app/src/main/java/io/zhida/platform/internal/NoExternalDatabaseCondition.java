package io.zhida.platform.internal;

import io.zhida.platform.Deployment;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when spring.datasource.url is not set, i.e. the embedded PostgreSQL is wanted. */
class NoExternalDatabaseCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Deployment.usesEmbeddedDatabase(context.getEnvironment());
    }
}
