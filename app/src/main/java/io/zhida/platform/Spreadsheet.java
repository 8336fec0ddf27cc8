package io.zhida.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Every list in the platform exports the same way: one sheet, a bold header row, money as numbers
 * with two decimals (display only — the database and the CSV files keep exact decimals), dates as
 * text, streamed so that lists of a few hundred thousand rows do not fill the heap. Text that a
 * spreadsheet program would take for a formula (=, +, -, @, tab, carriage return first) is written
 * with a leading apostrophe, so an enterprise name like {@code =cmd|' /C calc'!A0} stays text.
 */
public final class Spreadsheet implements AutoCloseable {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private final SXSSFWorkbook book = new SXSSFWorkbook(500);
    private final Sheet sheet;
    private final CellStyle money;
    private int next;

    private Spreadsheet(String sheetName, List<String> header) {
        sheet = book.createSheet(sheetName.replaceAll("[\\\\/?*\\[\\]:]", " "));
        money = book.createCellStyle();
        money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
        CellStyle bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row head = sheet.createRow(next++);
        for (int c = 0; c < header.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(header.get(c));
            cell.setCellStyle(bold);
            sheet.setColumnWidth(c, Math.min(60, Math.max(10, header.get(c).length() * 3 + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    public static Spreadsheet of(String sheetName, List<String> header) {
        return new Spreadsheet(sheetName, header);
    }

    /** Builds a whole sheet from rows already in memory. */
    public static byte[] of(String sheetName, List<String> header, List<? extends List<?>> rows) {
        try (Spreadsheet s = of(sheetName, header)) {
            rows.forEach(s::row);
            return s.bytes();
        }
    }

    public Spreadsheet row(List<?> values) {
        Row row = sheet.createRow(next++);
        for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            Cell cell = row.createCell(c);
            if (v == null) {
                continue;
            }
            if (v instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
                cell.setCellStyle(money);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof Boolean b) {
                cell.setCellValue(b ? "是" : "否");
            } else if (v instanceof java.time.LocalDateTime t) { // to the second, as people write times
                cell.setCellValue(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' '));
            } else if (v instanceof TemporalAccessor) {
                cell.setCellValue(v.toString().replace('T', ' '));
            } else {
                cell.setCellValue(neutralised(v.toString()));
            }
        }
        return this;
    }

    /**
     * OWASP's defence against formula injection: a text cell that begins with = + - @ tab or carriage
     * return gets a leading apostrophe. A plain number written as text ("-12.50") is left as it is.
     */
    public static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formulaStart = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formulaStart && !PLAIN_NUMBER.matcher(text).matches() ? "'" + text : text;
    }

    public Spreadsheet row(Object... values) {
        return row(java.util.Arrays.asList(values));
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the spreadsheet", e);
        }
    }

    @Override
    public void close() {
        try {
            book.close(); // also deletes the temporary files of the streamed rows
        } catch (IOException e) {
            throw new IllegalStateException("cannot close the spreadsheet", e);
        }
    }

    /** An attachment download with a Chinese file name that every browser keeps. */
    public static ResponseEntity<byte[]> download(String fileName, byte[] body) {
        String name = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        String type = fileName.endsWith(".xlsx") ? MEDIA_TYPE : fileName.endsWith(".pdf") ? "application/pdf"
                : fileName.endsWith(".csv") ? "text/csv;charset=UTF-8" : "application/octet-stream";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + name)
                .header(HttpHeaders.CONTENT_TYPE, type)
                .body(body);
    }
}
