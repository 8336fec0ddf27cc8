package io.zhida.engine.rule;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Says a clause in Chinese when its author gave no label: attribute names become their labels. */
final class Explanations {

    private static final Pattern IN_LIST = Pattern.compile("\"([^\"]*)\"\\s+in\\s+e\\.([a-z_]+)");
    private static final Pattern STARTS_WITH = Pattern.compile("e\\.([a-z_]+)\\.startsWith\\(\"([^\"]*)\"\\)");
    private static final Pattern IN_VALUES = Pattern.compile("e\\.([a-z_]+)\\s+in\\s+\\[([^\\]]*)\\]");
    private static final Pattern MATCHES = Pattern.compile("e\\.([a-z_]+)\\.matches\\([\"']([^\"']*)[\"']\\)");
    private static final Pattern PREFIXES = Pattern.compile("\\^(\\[([A-Z0-9]+)\\]|([A-Z0-9]+))");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\be\\.([a-z][a-z0-9_]*)");

    private Explanations() {
    }

    static String humanize(String expression, AttributeSchema schema) {
        String text = expression.replaceAll("\\s+", " ").strip();
        text = replace(IN_LIST, text, m -> schema.label(m.group(2)) + "包含“" + m.group(1) + "”");
        text = replace(IN_VALUES, text, m -> schema.label(m.group(1)) + "为"
                + String.join("、", m.group(2).replaceAll("[\"']", "").split("\\s*,\\s*")) + "之一");
        text = replace(MATCHES, text, m -> schema.label(m.group(1)) + prefixes(m.group(2)));
        text = replace(STARTS_WITH, text, m -> schema.label(m.group(1)) + "以“" + m.group(2) + "”开头");
        text = replace(ATTRIBUTE, text, m -> schema.label(m.group(1)));
        return text.replace("&&", "并且").replace("||", "或者").replace(">=", "≥").replace("<=", "≤")
                .replace("!=", "≠").replace("==", "=").replace("today", "评估日期").replace("!", "非 ");
    }

    /** "^[BCD]" reads 以 B、C、D 开头, "^C39" 以“C39”开头; other patterns are quoted as they are. */
    private static String prefixes(String regex) {
        Matcher m = PREFIXES.matcher(regex);
        if (!m.matches()) {
            return "符合格式“" + regex + "”";
        }
        return m.group(2) != null ? "以 " + String.join("、", m.group(2).split("")) + " 开头" : "以“" + m.group(3) + "”开头";
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
