package io.zhida.datagen;

import io.zhida.engine.rule.DataStandard;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes enterprises as CSV (RFC 4180 quoting), one column for each stored attribute of the enterprise
 * data standard, named as there; list attributes are joined with '|'. An absent attribute is an empty cell.
 */
public final class EnterpriseCsv {

    public static final List<String> COLUMNS = DataStandard.stored().stream().map(DataStandard.Entry::name).toList();

    private final Writer out;

    public EnterpriseCsv(Writer out) {
        this.out = out;
    }

    public void writeHeader() throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write('\n');
    }

    public void write(EnterpriseRecord e) throws IOException {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object value = e.get(COLUMNS.get(i));
            out.write(cell(value instanceof List<?> list ? String.join("|", list.stream().map(Object::toString).toList()) : value));
        }
        out.write('\n');
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Double d ? plain(d) : value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : java.math.BigDecimal.valueOf(d).toPlainString();
    }
}
