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

    static {
        Map<String, Column> m = new LinkedHashMap<>();
        ALL.forEach(c -> m.put(c.attribute(), c));
        BY_ATTRIBUTE = Map.copyOf(m);
    }

    private ProfileColumns() {
    }

    private static Column c(String name, AttributeType type) {
        return new Column(name, name, type);
    }
}
