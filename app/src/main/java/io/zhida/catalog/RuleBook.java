package io.zhida.catalog;

import io.zhida.engine.rule.AttributeSchema;
import io.zhida.engine.rule.RuleCompiler;
import org.springframework.stereotype.Component;

/** The platform's one rule compiler over the enterprise data standard. */
@Component
public class RuleBook {

    private final RuleCompiler compiler = new RuleCompiler(AttributeSchema.standard());

    public RuleCompiler compiler() {
        return compiler;
    }
}
