package io.zhida.engine.text;

import io.zhida.engine.rule.DataStandard;
import java.math.BigDecimal;

/** A condition said in words, for the ones the extractor makes itself (the opposite of an exclusion). */
final class Wording {

    private Wording() {
    }

    static String of(String attribute, String op, String value) {
        String label = DataStandard.find(attribute).map(DataStandard.Entry::label).orElse(attribute);
        String says = switch (op) {
            case ">=" -> "不低于";
            case ">" -> "超过";
            case "<=" -> "不超过";
            default -> "低于";
        };
        return label + says + amount(attribute, value);
    }

    private static String amount(String attribute, String value) {
        if (attribute.equals("founded")) {
            return value;
        }
        BigDecimal v = new BigDecimal(value);
        String unit = DataStandard.find(attribute).map(DataStandard.Entry::unit).orElse("");
        if (unit.equals("元")) {
            if (v.abs().compareTo(new BigDecimal("100000000")) >= 0) {
                return ChineseNumbers.plain(v.divide(new BigDecimal("100000000"))) + "亿元";
            }
            return v.abs().compareTo(new BigDecimal("10000")) >= 0 ? ChineseNumbers.plain(v.divide(new BigDecimal("10000"))) + "万元" : value + "元";
        }
        if (unit.isEmpty() && v.abs().compareTo(BigDecimal.ONE) < 0) {
            return ChineseNumbers.plain(v.multiply(BigDecimal.valueOf(100))) + "%";
        }
        return value + unit;
    }
}
