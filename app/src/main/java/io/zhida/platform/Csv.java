package io.zhida.platform;

/**
 * One cell of a CSV file the platform writes: neutralised against formula injection the way
 * {@link Spreadsheet} neutralises XLSX text, then quoted when it holds a comma, a quote or a line break.
 */
public final class Csv {

    private Csv() {
    }

    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = Spreadsheet.neutralised(value);
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
