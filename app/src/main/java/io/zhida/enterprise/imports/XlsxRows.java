package io.zhida.enterprise.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The first sheet of an XLSX workbook, header in row 1. Numbers are taken as written (no thousands
 * separators or rounding from the display format); date cells become YYYY-MM-DD.
 */
final class XlsxRows implements RowSource {

    private final XSSFWorkbook workbook;
    private final Sheet sheet;
    private final List<String> header = new ArrayList<>();
    private final int last;
    private int index;

    XlsxRows(Path file) throws IOException {
        try {
            this.workbook = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
        } catch (InvalidFormatException | RuntimeException e) {
            throw new UnreadableFile("不是有效的 XLSX 文件");
        }
        this.sheet = workbook.getSheetAt(0);
        org.apache.poi.ss.usermodel.Row first = sheet.getRow(sheet.getFirstRowNum());
        if (first == null) {
            throw new UnreadableFile("工作表为空或缺少表头行");
        }
        for (int c = 0; c < first.getLastCellNum(); c++) {
            header.add(text(first.getCell(c)).trim());
        }
        this.index = first.getRowNum() + 1;
        this.last = sheet.getLastRowNum();
    }

    @Override
    public List<String> columns() {
        return header;
    }

    @Override
    public double progress() {
        return last <= 0 ? 1.0 : Math.min(1.0, (double) index / last);
    }

    @Override
    public String rowLabel(long number) {
        return "第 " + number + " 行";
    }

    @Override
    public boolean hasNext() {
        while (index <= last && isBlank(sheet.getRow(index))) {
            index++;
        }
        return index <= last;
    }

    @Override
    public RowSource.Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        org.apache.poi.ss.usermodel.Row row = sheet.getRow(index++);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            fields.put(header.get(c), text(row.getCell(c)));
        }
        return RowSource.Row.of(row.getRowNum() + 1L, fields);
    }

    private boolean isBlank(org.apache.poi.ss.usermodel.Row row) {
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            if (!text(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case STRING -> cell.getStringCellValue();
            default -> "";
        };
    }

    @Override
    public void close() throws IOException {
        workbook.getPackage().revert();
    }
}
