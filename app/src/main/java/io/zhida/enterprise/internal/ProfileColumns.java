package io.zhida.enterprise.internal;

import io.zhida.engine.rule.AttributeType;
import io.zhida.engine.rule.DataStandard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enterprise table's columns that hold data-standard values ({@link DataStandard}), in one order shared by validation,
 * the staging COPY and the merge SQL. Attribute and column names agree except {@code tags}, which an
 * import writes to {@code manual_tags} (the effective tags add those of the tag rules).
 */
public final class ProfileColumns {

    public record Column(String attribute, String column, AttributeType type) {
    }

    /** Every stored attribute of {@link DataStandard} but the code, which is the key. */
    public static final List<Column> ALL = DataStandard.stored().stream()
            .filter(e -> !e.name().equals("uscc"))
            .map(e -> new Column(e.name(), e.name().equals("tags") ? "manual_tags" : e.name(), e.type()))
            .toList();

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
}
