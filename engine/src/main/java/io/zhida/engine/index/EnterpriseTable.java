package io.zhida.engine.index;

import io.zhida.engine.rule.Attribute;
import io.zhida.engine.rule.AttributeSchema;
import io.zhida.engine.rule.AttributeType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every enterprise's attributes as columns, one {@link Column} per attribute of the schema. Rows are
 * numbered 0..n-1 in the order they were added (the ordinal); {@link #uscc(int)} maps back. Immutable
 * once built; enterprises that change later are overlaid by {@link MatchIndex}.
 */
public final class EnterpriseTable {

    private final AttributeSchema schema;
    private final String[] usccs;
    private final Map<String, Integer> ordinals;
    private final Map<String, Column> columns;

    private EnterpriseTable(AttributeSchema schema, String[] usccs, Map<String, Column> columns) {
        this.schema = schema;
        this.usccs = usccs;
        this.columns = columns;
        this.ordinals = new HashMap<>(usccs.length * 2);
        for (int i = 0; i < usccs.length; i++) {
            ordinals.put(usccs[i], i);
        }
    }

    public static Builder builder(AttributeSchema schema) {
        return new Builder(schema);
    }

    public AttributeSchema schema() {
        return schema;
    }

    public int size() {
        return usccs.length;
    }

    public String uscc(int ordinal) {
        return usccs[ordinal];
    }

    public Optional<Integer> ordinal(String uscc) {
        return Optional.ofNullable(ordinals.get(uscc));
    }

    Column column(String attribute) {
        return columns.get(attribute);
    }

    /** The enterprise's values as CEL reads them (absent attributes are left out). */
    public Map<String, Object> row(int ordinal) {
        Map<String, Object> row = new HashMap<>();
        for (Column c : columns.values()) {
            Object v = c.value(ordinal);
            if (v != null) {
                row.put(c.attribute.name(), v);
            }
        }
        return row;
    }

    /** The values of the given attributes only: what a residual clause needs to be evaluated by CEL. */
    Map<String, Object> row(int ordinal, List<Column> needed) {
        Map<String, Object> row = new HashMap<>(needed.size() * 2);
        for (Column c : needed) {
            Object v = c.value(ordinal);
            if (v != null) {
                row.put(c.attribute.name(), v);
            }
        }
        return row;
    }

    /** Approximate heap held by the columns and the code map, in bytes. */
    public long bytes() {
        long b = 0;
        for (Column c : columns.values()) {
            b += c.bytes();
        }
        return b + (long) usccs.length * (8 + 64 + 48);
    }

    /** Adds rows of normalised, enriched values (see EnterpriseValues and DerivedAttributes). */
    public static final class Builder {

        private final AttributeSchema schema;
        private final List<Attribute> attributes;
        private final List<Map<Object, Integer>> provisional = new ArrayList<>();
        private final List<int[]> codes = new ArrayList<>();
        private final List<String> usccs = new ArrayList<>();

        private Builder(AttributeSchema schema) {
            this.schema = schema;
            this.attributes = List.copyOf(schema.all());
            for (int i = 0; i < attributes.size(); i++) {
                provisional.add(new HashMap<>());
                codes.add(new int[1024]);
            }
        }

        public Builder add(String uscc, Map<String, Object> values) {
            int row = usccs.size();
            usccs.add(uscc);
            for (int i = 0; i < attributes.size(); i++) {
                Object v = values.get(attributes.get(i).name());
                int[] c = codes.get(i);
                if (row == c.length) {
                    c = Arrays.copyOf(c, c.length * 2);
                    codes.set(i, c);
                }
                c[row] = v == null ? Column.MISSING : code(provisional.get(i), v);
            }
            return this;
        }

        private static int code(Map<Object, Integer> dictionary, Object value) {
            Integer code = dictionary.get(value);
            if (code == null) {
                code = dictionary.size();
                dictionary.put(value, code);
            }
            return code;
        }

        public EnterpriseTable build() {
            Map<String, Column> columns = new LinkedHashMap<>();
            int n = usccs.size();
            for (int i = 0; i < attributes.size(); i++) {
                Attribute a = attributes.get(i);
                Map<Object, Integer> dictionary = provisional.get(i);
                Object[] keys = dictionary.keySet().toArray();
                if (a.type() != AttributeType.STRING_LIST) {
                    Arrays.sort(keys, Builder::compareKeys);
                }
                Map<Object, Integer> rankOf = new HashMap<>(keys.length * 2);
                for (int r = 0; r < keys.length; r++) {
                    rankOf.put(keys[r], r);
                }
                int[] provisionalCodes = codes.get(i);
                Object[] byProvisional = new Object[dictionary.size()];
                dictionary.forEach((k, code) -> byProvisional[code] = k);
                int[] ranks = new int[n];
                for (int row = 0; row < n; row++) {
                    int code = provisionalCodes[row];
                    ranks[row] = code == Column.MISSING ? Column.MISSING : rankOf.get(byProvisional[code]);
                }
                columns.put(a.name(), new Column(a, i, keys, ranks));
                codes.set(i, null);
                provisional.set(i, null);
            }
            return new EnterpriseTable(schema, usccs.toArray(String[]::new), columns);
        }

        private static int compareKeys(Object a, Object b) {
            if (a instanceof Number x && b instanceof Number y) {
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
            if (a instanceof String x && b instanceof String y) {
                return Column.CODE_POINT_ORDER.compare(x, y);
            }
            return ((Boolean) a).compareTo((Boolean) b);
        }
    }
}
