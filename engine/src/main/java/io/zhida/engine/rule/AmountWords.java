package io.zhida.engine.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Numbers and dates as people write them, with the comparison words that go with them ("不低于 1,000 万元",
 * "不少于 20 人", "大于零", "在2024年1月1日或以后"). Clause wording and near-miss gaps both use it, so an amount
 * reads the same in a condition and in how far an enterprise is from it.
 */
final class AmountWords {

    private AmountWords() {
    }

    /** A number attribute compared with v: counts take 不少于/多于, other figures 不低于/高于. */
    static String compared(String op, Attribute a, BigDecimal v) {
        boolean countable = a.unit().equals("人") || a.type() == AttributeType.INT;
        if (v.signum() == 0 && op.equals("_>_")) {
            return countable && !a.isRatio() ? "不少于 1" + a.unit() : "大于零";
        }
        String amount = amount(a, v);
        return switch (op) {
            case "_>=_" -> countable ? "不少于 " + amount : "不低于 " + amount;
            case "_>_" -> countable ? "多于 " + amount : "高于 " + amount;
            case "_<=_" -> countable ? "不多于 " + amount : "不高于 " + amount;
            case "_<_" -> countable ? "少于 " + amount : "低于 " + amount;
            case "_==_" -> "为 " + amount;
            case "_!=_" -> "不为 " + amount;
            default -> throw new Unsayable();
        };
    }

    /** An amount as people write it: 1,000 万元, 5,000 元, 5%, 20 人, 2024 年. */
    static String amount(Attribute a, BigDecimal v) {
        if (a.isRatio()) {
            return v.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }
        if (a.unit().equals("元") && v.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            return String.format("%,.2f", v.movePointLeft(4)).replaceAll("\\.?0+$", "") + " 万元";
        }
        String plain = v.stripTrailingZeros().scale() <= 0 ? String.format("%,d", v.toBigInteger()) : v.stripTrailingZeros().toPlainString();
        return a.unit().isEmpty() ? plain : plain + " " + a.unit();
    }

    /** A date attribute compared with a date already in words ("今天", "2024年1月1日"). */
    static String dateCompared(String op, String date) {
        return switch (op) {
            case "_>=_" -> "在" + date + "或以后";
            case "_>_" -> "在" + date + "以后";
            case "_<=_" -> "在" + date + "或以前";
            case "_<_" -> "在" + date + "以前";
            case "_==_" -> "为" + date;
            case "_!=_" -> "不为" + date;
            default -> throw new Unsayable();
        };
    }

    /** An ISO date (2024-01-01) as 2024年1月1日. */
    static String date(String iso) {
        try {
            LocalDate d = LocalDate.parse(iso);
            return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        } catch (DateTimeParseException e) {
            throw new Unsayable();
        }
    }
}
