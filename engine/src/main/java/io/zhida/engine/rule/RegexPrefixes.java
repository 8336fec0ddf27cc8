package io.zhida.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The codes a simple anchored pattern stands for, so that it can be said by name: {@code ^(C|I|M)} is C, I, M;
 * {@code ^C1[34]} is C13, C14; {@code ^[BCD]} is B, C, D. Anything else (quantifiers, wildcards, more than
 * {@value #LIMIT} codes) is not simple, and is said without naming codes.
 */
final class RegexPrefixes {

    static final int LIMIT = 40;

    private RegexPrefixes() {
    }

    static Optional<List<String>> of(String regex) {
        if (regex == null || !regex.startsWith("^")) {
            return Optional.empty();
        }
        List<String> prefixes = new ArrayList<>(List.of(""));
        int i = 1;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            List<String> options = new ArrayList<>();
            if (Character.isLetterOrDigit(c)) {
                options.add(String.valueOf(c));
                i++;
            } else if (c == '[') {
                int end = regex.indexOf(']', i);
                if (end < 0 || !classOptions(regex.substring(i + 1, end), options)) {
                    return Optional.empty();
                }
                i = end + 1;
            } else if (c == '(') {
                int end = regex.indexOf(')', i);
                if (end < 0) {
                    return Optional.empty();
                }
                for (String alternative : regex.substring(i + 1, end).split("\\|", -1)) {
                    if (!alternative.matches("[A-Za-z0-9]+")) {
                        return Optional.empty();
                    }
                    options.add(alternative);
                }
                i = end + 1;
            } else {
                return Optional.empty();
            }
            List<String> longer = new ArrayList<>();
            for (String p : prefixes) {
                for (String o : options) {
                    longer.add(p + o);
                }
            }
            if (longer.size() > LIMIT) {
                return Optional.empty();
            }
            prefixes = longer;
        }
        return prefixes.equals(List.of("")) ? Optional.empty() : Optional.of(prefixes);
    }

    /** [BCD], [0-4], [A-CX]: letters, digits and ranges of them. */
    private static boolean classOptions(String body, List<String> options) {
        if (body.isEmpty() || body.startsWith("^")) {
            return false;
        }
        for (int j = 0; j < body.length(); j++) {
            char from = body.charAt(j);
            if (!Character.isLetterOrDigit(from)) {
                return false;
            }
            if (j + 2 < body.length() && body.charAt(j + 1) == '-') {
                char to = body.charAt(j + 2);
                if (to < from || !Character.isLetterOrDigit(to)) {
                    return false;
                }
                for (char k = from; k <= to; k++) {
                    options.add(String.valueOf(k));
                }
                j += 2;
            } else {
                options.add(String.valueOf(from));
            }
        }
        return true;
    }
}
