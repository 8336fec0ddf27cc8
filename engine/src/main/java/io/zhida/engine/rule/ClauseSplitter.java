package io.zhida.engine.rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a condition into its top-level clauses, as written: "a && b && c" gives three clauses
 * joined by AND; "a || b" two joined by OR (&& binds tighter, so a top-level || wins). A clause's
 * label is the author's line comment inside it: {@code e.revenue >= 5e6 // 上年营业收入不低于500万元}.
 */
final class ClauseSplitter {

    enum Join { SINGLE, AND, OR }

    record Part(String expression, String label) {
    }

    record Split(Join join, List<Part> parts) {
    }

    private ClauseSplitter() {
    }

    static Split split(String source) {
        String body = source;
        for (Join join : new Join[] {Join.OR, Join.AND}) {
            List<String> pieces = splitTopLevel(body, join == Join.OR ? "||" : "&&");
            if (pieces.size() > 1) {
                return new Split(join, pieces.stream().map(ClauseSplitter::part).toList());
            }
        }
        String inner = stripOuterParentheses(body);
        if (!inner.equals(body.strip())) {
            Split split = split(inner);
            if (split.join() != Join.SINGLE) {
                return split;
            }
        }
        return new Split(Join.SINGLE, List.of(part(source)));
    }

    private static Part part(String text) {
        StringBuilder expression = new StringBuilder();
        List<String> labels = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            int comment = commentStart(line);
            if (comment >= 0) {
                labels.add(line.substring(comment + 2).strip());
                line = line.substring(0, comment);
            }
            expression.append(line).append('\n');
        }
        String label = String.join("；", labels.stream().filter(l -> !l.isEmpty()).toList());
        return new Part(expression.toString().strip(), label.isEmpty() ? null : label);
    }

    /** Splits at the operator where it stands outside brackets, strings and comments. */
    private static List<String> splitTopLevel(String s, String operator) {
        List<String> pieces = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(s, i);
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && s.startsWith(operator, i)) {
                pieces.add(s.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        pieces.add(s.substring(start));
        return pieces;
    }

    private static int skipString(String s, int open) {
        char quote = s.charAt(open);
        for (int i = open + 1; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == quote) {
                return i;
            }
        }
        return s.length();
    }

    private static int commentStart(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(line, i);
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return i;
            }
        }
        return -1;
    }

    /** "(a && b)" becomes "a && b" when the outer parentheses enclose everything. */
    private static String stripOuterParentheses(String s) {
        String t = s.strip();
        if (!t.startsWith("(") || !t.endsWith(")")) {
            return t;
        }
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(t, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0 && i < t.length() - 1) {
                return t;
            }
        }
        return t.substring(1, t.length() - 1);
    }
}
