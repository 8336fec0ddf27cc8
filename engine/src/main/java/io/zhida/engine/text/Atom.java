package io.zhida.engine.text;

import java.util.List;

/**
 * One condition read from a policy's words: an attribute of the enterprise data standard, how it is tested,
 * the rule clause that tests it and the words it came from (shown to enterprises as the clause's text).
 *
 * @param canonical a stable written form, e.g. {@code revenue >= 20000000} or {@code industry in B,C,D}
 */
public record Atom(String canonical, String cel, String words) {

    /** A numeric or date comparison in canonical form: attribute, operator, value. */
    static final java.util.regex.Pattern COMPARISON = java.util.regex.Pattern.compile("([a-z_]+) (>=|>|<=|<) (.+)");

    static Atom compare(String attribute, String op, String value, String words) {
        String literal = attribute.equals("founded") ? "\"" + value + "\"" : value;
        return new Atom(attribute + " " + op + " " + value, "e." + attribute + " " + op + " " + literal, words);
    }

    static Atom industries(List<String> codes, String words) {
        List<String> sorted = codes.stream().distinct().sorted().toList();
        String cel = sorted.size() == 1 ? "e.industry.startsWith(\"" + sorted.get(0) + "\")"
                : "e.industry.matches(\"^(" + String.join("|", sorted) + ")\")";
        return new Atom("industry in " + String.join(",", sorted), cel, words);
    }

    static Atom regions(List<String> codes, String words) {
        List<String> sorted = codes.stream().distinct().sorted().toList();
        String cel = sorted.size() == 1 ? "e.region == \"" + sorted.get(0) + "\"" : "e.region in " + quoted(sorted);
        return new Atom("region in " + String.join(",", sorted), cel, words);
    }

    static Atom qualification(String name, String words) {
        return new Atom("qualifications has " + name, quote(name) + " in e.qualifications", words);
    }

    static Atom anyQualification(List<String> names, String words) {
        if (names.size() == 1) {
            return qualification(names.get(0), words);
        }
        return new Atom("qualifications any " + String.join(",", names),
                "e.qualifications.exists(q, q in " + quoted(names) + ")", words);
    }

    /** Values of a text attribute, kept in the order given (the size classes from 大型 to 微型). */
    static Atom oneOf(String attribute, List<String> values, boolean negated, String words) {
        String cel = negated ? "!(e." + attribute + " in " + quoted(values) + ")" : "e." + attribute + " in " + quoted(values);
        return new Atom(attribute + (negated ? " notin " : " in ") + String.join(",", values), cel, words);
    }

    static Atom fact(String canonical, String cel, String words) {
        return new Atom(canonical, cel, words);
    }

    private static String quoted(List<String> values) {
        return "[" + String.join(", ", values.stream().map(Atom::quote).toList()) + "]";
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
