package io.zhida.engine.rule;

/** A problem in an expression: line and column are 1-based; the message is in Chinese. */
public record RuleError(int line, int column, String message) {
}
