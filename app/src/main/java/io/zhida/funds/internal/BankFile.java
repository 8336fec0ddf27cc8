package io.zhida.funds.internal;

import io.zhida.funds.PayoutBatch;
import io.zhida.platform.Csv;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Spreadsheet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The bank files (layout in docs/funds.md). Payment file: 明细号, 收款户名, 收款账号, 开户银行, 金额（元）,
 * 用途, 统一社会信用代码. Result file: 明细号, 结果 (成功/失败), 失败原因 — the bank echoes our line number.
 */
public final class BankFile {

    public static final List<String> PAYMENT_COLUMNS = List.of("明细号", "收款户名", "收款账号", "开户银行", "金额（元）", "用途", "统一社会信用代码");

    /** One line of the bank's answer. */
    public record Result(int row, String lineNo, String outcome, String reason) {
    }

    private BankFile() {
    }

    static List<String> values(PayoutBatch.Line l) {
        return List.of(String.valueOf(l.id()), l.accountName(), l.accountNo(), l.bankName(), l.amount().toPlainString(),
                l.itemName() + "（" + l.period() + "年度）", l.uscc());
    }

    /** UTF-8 with a byte-order mark, so spreadsheet programs open the Chinese correctly. */
    public static byte[] csv(List<PayoutBatch.Line> lines) {
        StringBuilder out = new StringBuilder("\uFEFF").append(String.join(",", PAYMENT_COLUMNS)).append("\r\n");
        for (PayoutBatch.Line l : lines) {
            out.append(String.join(",", values(l).stream().map(Csv::cell).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(String batchNumber, List<PayoutBatch.Line> lines) {
        try (Spreadsheet sheet = Spreadsheet.of("拨付明细 " + batchNumber, PAYMENT_COLUMNS)) {
            for (PayoutBatch.Line l : lines) {
                List<Object> v = new ArrayList<>(values(l));
                v.set(4, l.amount());
                sheet.row(v);
            }
            return sheet.bytes();
        }
    }

    /** Reads a result file, CSV or XLSX, by its header names. */
    public static List<Result> results(String fileName, InputStream in) throws IOException {
        List<List<String>> rows = fileName != null && fileName.toLowerCase().endsWith(".xlsx") ? xlsxRows(in) : csvRows(in);
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "文件为空");
        }
        List<String> header = rows.get(0).stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
        int line = header.indexOf("明细号");
        int outcome = header.indexOf("结果");
        int reason = header.indexOf("失败原因");
        if (line < 0 || outcome < 0) {
            throw new InvalidInputException("file", "缺少“明细号”或“结果”列，请使用银行回单的标准格式（见说明）");
        }
        List<Result> results = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            results.add(new Result(r + 1, cell(row, line), cell(row, outcome), reason < 0 ? "" : cell(row, reason)));
        }
        return results;
    }

    private static String cell(List<String> row, int index) {
        return index < row.size() ? row.get(index).trim() : "";
    }

    private static List<List<String>> xlsxRows(InputStream in) throws IOException {
        try (Workbook book = WorkbookFactory.create(in)) {
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                rows.add(cells);
            }
            return rows;
        } catch (org.apache.poi.UnsupportedFileFormatException | org.apache.poi.EmptyFileException e) {
            throw new InvalidInputException("file", "无法读取该 Excel 文件：" + e.getMessage());
        }
    }

    /** Plain CSV: commas, optional double quotes, no line breaks inside fields (a bank result file has none). */
    private static List<List<String>> csvRows(InputStream in) throws IOException {
        String text = io.zhida.platform.TextFiles.decode(in.readAllBytes(), "file"); // UTF-8 (BOM or not) or GBK, else refused
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '"') {
                    if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = !quoted;
                    }
                } else if (ch == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }

}
