package io.zhida.enterprise.internal;

import io.zhida.engine.rule.AttributeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enterprise table's columns that hold data-standard values, in one order shared by validation,
 * the staging COPY and the merge SQL. Attribute and column names agree except {@code tags}, which an
 * import writes to {@code manual_tags} (the effective tags add those of the tag rules).
 */
public final class ProfileColumns {

    public record Column(String attribute, String column, AttributeType type) {
    }

    public static final List<Column> ALL = List.of(
            c("name", AttributeType.STRING), c("entity_type", AttributeType.STRING), c("status", AttributeType.STRING),
            c("founded", AttributeType.DATE), c("registered_capital", AttributeType.DOUBLE), c("region", AttributeType.STRING),
            c("industry", AttributeType.STRING), c("employees", AttributeType.INT), c("revenue", AttributeType.DOUBLE),
            c("revenue_prev", AttributeType.DOUBLE), c("total_assets", AttributeType.DOUBLE), c("tax_paid", AttributeType.DOUBLE),
            c("rd_expense", AttributeType.DOUBLE), c("export_value", AttributeType.DOUBLE),
            c("insured_employees", AttributeType.INT), c("unemployment_insurance_paid", AttributeType.DOUBLE),
            c("layoffs", AttributeType.INT), c("youth_hires", AttributeType.INT),
            c("qualifications", AttributeType.STRING_LIST), c("hitech_certified", AttributeType.DATE),
            c("tax_credit_rating", AttributeType.STRING), c("dishonest", AttributeType.BOOL),
            c("contact_phone", AttributeType.STRING), c("contact_email", AttributeType.STRING),
            new Column("tags", "manual_tags", AttributeType.STRING_LIST));

    public static final Map<String, Column> BY_ATTRIBUTE;
    /** attribute → position in {@link #ALL}, so a row's values sit in an array in column order. */
    public static final Map<String, Integer> INDEX;

    static {
        Map<String, Column> m = new LinkedHashMap<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < ALL.size(); i++) {
            m.put(ALL.get(i).attribute(), ALL.get(i));
            index.put(ALL.get(i).attribute(), i);
        }
        BY_ATTRIBUTE = Map.copyOf(m);
        INDEX = Map.copyOf(index);
    }

    private ProfileColumns() {
    }

    private static Column c(String name, AttributeType type) {
        return new Column(name, name, type);
    }
}
