package io.zhida.catalog;

import io.zhida.engine.rule.RuleCompiler;
import io.zhida.enterprise.AttributeCatalog;
import org.springframework.stereotype.Component;

/**
 * The platform's one rule compiler, typed against the enterprise data standard and every attribute an
 * administrator has declared; ask for it each time, as a declaration replaces it.
 */
@Component
public class RuleBook {

    private final AttributeCatalog attributes;

    RuleBook(AttributeCatalog attributes) {
        this.attributes = attributes;
    }

    public RuleCompiler compiler() {
        return attributes.compiler();
    }
}
