package io.zhida.enterprise.internal;

import java.math.BigDecimal;
import java.util.List;

/** PostgreSQL COPY text format: \N for null, backslash escapes, arrays as {"a","b"} literals. */
final class CopyText {

    private CopyText() {
    }

    static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof List<?> list) {
            StringBuilder array = new StringBuilder("{");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    array.append(',');
                }
                array.append('"').append(list.get(i).toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            appendEscaped(out, array.append('}').toString());
        } else {
            appendEscaped(out, value.toString());
        }
    }

    static void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
