package io.zhida.engine.rule;

import java.util.List;

/** An expression that does not parse or type-check; carries every error with its position. */
public class RuleCompilationException extends RuntimeException {

    private final List<RuleError> errors;

    public RuleCompilationException(List<RuleError> errors) {
        super(errors.isEmpty() ? "invalid expression"
                : errors.get(0).line() + ":" + errors.get(0).column() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}
