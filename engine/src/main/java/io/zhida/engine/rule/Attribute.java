package io.zhida.engine.rule;

/**
 * One name a rule can use on the enterprise variable {@code e}.
 *
 * @param label the Chinese name shown to people (e.g. 营业收入)
 * @param unit  e.g. 元, 人; may be empty
 * @param derived computed by the platform from other attributes when not given
 */
public record Attribute(String name, AttributeType type, String label, String unit, boolean derived) {

    /** A share or growth held as a fraction (0.05), shown and compared in per cent (5%). */
    public boolean isRatio() {
        return type == AttributeType.DOUBLE && unit.isEmpty()
                && (name.endsWith("_ratio") || name.endsWith("_growth") || label.contains("比例") || label.endsWith("率"));
    }

    public Attribute {
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("attribute names are lower_snake_case: " + name);
        }
    }
}
