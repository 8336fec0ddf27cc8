package io.zhida.consultation;

import io.zhida.engine.rule.DataStandard;
import io.zhida.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the author's invitation list, and saying an amount in words for the public page. */
final class Invitees {

    /** A contact line: 名称 手机号 — an association, chamber of commerce or expert, invited by SMS. */
    private static final Pattern CONTACT = Pattern.compile("(.{1,100}?)[\\s,，:：]+(1\\d{10})");
    private static final Pattern RATE = Pattern.compile("e\\.([a-z_]+) \\* (\\d+(?:\\.\\d+)?)");

    private Invitees() {
    }

    /** {name, phone} per line; at most 50; a line not of that shape is refused, naming it. */
    static List<String[]> contacts(String text) {
        List<String> lines = text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() > 50) {
            throw new InvalidInputException("contacts", "协会、商会、专家一次最多邀请 50 位");
        }
        List<String[]> contacts = new ArrayList<>();
        for (String line : lines) {
            Matcher m = CONTACT.matcher(line);
            if (!m.matches()) {
                throw new InvalidInputException("contacts", "“" + (line.length() > 30 ? line.substring(0, 30) + "…" : line)
                        + "”应为“名称 手机号”，如：示范市软件行业协会 13800000000");
            }
            contacts.add(new String[] {m.group(1).strip(), m.group(2)});
        }
        return contacts;
    }

    /** What an enterprise gets, in words for the public page: never the rule's own text. */
    static String supportInWords(String formula, BigDecimal fixed) {
        if (formula == null || formula.isBlank()) {
            return "以审核为准";
        }
        if (fixed != null) {
            return fixed.stripTrailingZeros().toPlainString() + " 元";
        }
        Matcher m = RATE.matcher(formula.strip());
        if (m.matches()) {
            String label = DataStandard.find(m.group(1)).map(DataStandard.Entry::label).orElse(m.group(1));
            BigDecimal factor = new BigDecimal(m.group(2));
            String unit = DataStandard.find(m.group(1)).map(DataStandard.Entry::unit).orElse("");
            return "人".equals(unit) ? "按" + label + "每人 " + factor.stripTrailingZeros().toPlainString() + " 元"
                    : "按" + label + "的 " + factor.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
        }
        return formula.contains("?") ? "按规模分档给予" : "按事项规定的公式计算";
    }
}
