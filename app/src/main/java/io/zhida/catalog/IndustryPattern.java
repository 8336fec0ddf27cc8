package io.zhida.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The industry codes a simple anchored pattern stands for, as prefixes: {@code ^(C|I|M)} → C, I, M; {@code ^[BCD]} →
 * B, C, D; {@code ^C1[34]} → C13, C14. Anything beyond literals, character classes of literals and one group of
 * literal alternatives is not read (empty), so a scope is never dropped on a guess.
 */
final class IndustryPattern {

    private static final int MAX = 200;

    private IndustryPattern() {
    }

    static Optional<List<String>> prefixes(String regex) {
        if (regex == null || !regex.startsWith("^")) {
            return Optional.empty();
        }
        String body = regex.substring(1);
        if (body.startsWith("(") && body.endsWith(")") && body.indexOf('(', 1) < 0) {
            List<String> out = new ArrayList<>();
            for (String alternative : body.substring(1, body.length() - 1).split("\\|", -1)) {
                Optional<List<String>> expanded = sequence(alternative);
                if (expanded.isEmpty()) {
                    return Optional.empty();
                }
                out.addAll(expanded.get());
            }
            return out.isEmpty() || out.size() > MAX ? Optional.empty() : Optional.of(out);
        }
        return sequence(body);
    }

    /** Literals and [..] classes of literals, e.g. C1[34]. */
    private static Optional<List<String>> sequence(String s) {
        List<String> out = new ArrayList<>(List.of(""));
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            List<Character> choices = new ArrayList<>();
            if (c == '[') {
                int end = s.indexOf(']', i);
                if (end < 0 || end == i + 1) {
                    return Optional.empty();
                }
                for (char x : s.substring(i + 1, end).toCharArray()) {
                    if (!literal(x)) {
                        return Optional.empty();
                    }
                    choices.add(x);
                }
                i = end + 1;
            } else if (literal(c)) {
                choices.add(c);
                i++;
            } else {
                return Optional.empty();
            }
            List<String> next = new ArrayList<>();
            for (String prefix : out) {
                for (char x : choices) {
                    next.add(prefix + x);
                }
            }
            if (next.size() > MAX) {
                return Optional.empty();
            }
            out = next;
        }
        return out.size() == 1 && out.get(0).isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private static boolean literal(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
