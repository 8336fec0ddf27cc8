package io.zhida.engine.rule;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Says a clause in Chinese when its author gave no label: attribute names become their labels. */
final class Explanations {

    private static final Pattern IN_LIST = Pattern.compile("\"([^\"]*)\"\\s+in\\s+e\\.([a-z_]+)");
    private static final Pattern STARTS_WITH = Pattern.compile("e\\.([a-z_]+)\\.startsWith\\(\"([^\"]*)\"\\)");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\be\\.([a-z][a-z0-9_]*)");

    private Explanations() {
    }

    static String humanize(String expression, AttributeSchema schema) {
        String text = expression.replaceAll("\\s+", " ").strip();
        text = replace(IN_LIST, text, m -> schema.label(m.group(2)) + "包含“" + m.group(1) + "”");
        text = replace(STARTS_WITH, text, m -> schema.label(m.group(1)) + "以“" + m.group(2) + "”开头");
        text = replace(ATTRIBUTE, text, m -> schema.label(m.group(1)));
        return text.replace("&&", "并且").replace("||", "或者").replace(">=", "≥").replace("<=", "≤")
                .replace("!=", "≠").replace("==", "=").replace("today", "评估日期").replace("!", "非 ");
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
