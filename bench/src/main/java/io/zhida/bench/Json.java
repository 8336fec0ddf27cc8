package io.zhida.bench;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Just enough JSON for the bench report: maps, lists, numbers, strings, booleans. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b, "");
        return b.append('\n').toString();
    }

    private static void write(Object value, StringBuilder b, String indent) {
        if (value instanceof Map<?, ?> map) {
            b.append("{\n");
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                b.append(indent).append("  \"").append(e.getKey()).append("\": ");
                write(e.getValue(), b, indent + "  ");
                b.append(it.hasNext() ? ",\n" : "\n");
            }
            b.append(indent).append('}');
        } else if (value instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                write(list.get(i), b, indent);
                b.append(i < list.size() - 1 ? ", " : "");
            }
            b.append(']');
        } else if (value instanceof String s) {
            b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else {
            b.append(value == null ? "null" : value.toString());
        }
    }
}
