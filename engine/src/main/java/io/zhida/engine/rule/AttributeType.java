package io.zhida.engine.rule;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;

/** The CEL types an enterprise attribute can have. Dates are ISO strings, so they compare as strings. */
public enum AttributeType {
    STRING(SimpleType.STRING, "文本"),
    DATE(SimpleType.STRING, "日期"),
    INT(SimpleType.INT, "整数"),
    DOUBLE(SimpleType.DOUBLE, "数值"),
    BOOL(SimpleType.BOOL, "是/否"),
    STRING_LIST(ListType.create(SimpleType.STRING), "文本列表");

    private final CelType celType;
    private final String label;

    AttributeType(CelType celType, String label) {
        this.celType = celType;
        this.label = label;
    }

    CelType celType() {
        return celType;
    }

    public String label() {
        return label;
    }

    /** Parses the names administrators use when declaring an attribute: string, int, double, bool, date, list(string). */
    public static AttributeType fromCelName(String name) {
        return switch (name == null ? "" : name.trim()) {
            case "string" -> STRING;
            case "date" -> DATE;
            case "int" -> INT;
            case "double" -> DOUBLE;
            case "bool" -> BOOL;
            case "list(string)" -> STRING_LIST;
            default -> throw new IllegalArgumentException("unknown attribute type " + name);
        };
    }
}
