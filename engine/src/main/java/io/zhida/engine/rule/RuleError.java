package io.zhida.engine.rule;

/** A problem in an expression: line and column are 1-based; the message is in Chinese. */
public record RuleError(int line, int column, String message) {

    /** "第 2 行第 5 列：…" — how a form shows the error next to the expression. */
    public String located() {
        return "第 " + line + " 行第 " + column + " 列：" + message;
    }
}
