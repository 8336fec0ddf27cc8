package io.zhida.enterprise.imports;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rows of an uploaded file, as field name → value (text from CSV and XLSX, typed from JSON).
 * Row numbers are what the user sees in the file: the CSV/XLSX header is row 1, a JSON array's
 * first object is record 1.
 */
interface RowSource extends Iterator<RowSource.Row>, Closeable {

    record Row(long number, Map<String, Object> fields, String malformed) {
        static Row of(long number, Map<String, Object> fields) {
            return new Row(number, fields, null);
        }

        static Row broken(long number, String why) {
            return new Row(number, Map.of(), why);
        }
    }

    /** The columns of a tabular file, or the keys seen so far in JSON. */
    List<String> columns();

    /** How far through the file we are, 0..1, for the progress bar. */
    double progress();

    /** "第 N 行" for tables, "第 N 条记录" for JSON. */
    String rowLabel(long number);

    /** A file whose structure cannot be read at all. */
    final class UnreadableFile extends RuntimeException {
        UnreadableFile(String message) {
            super(message);
        }
    }
}
