package io.zhida.support;

import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.test.web.servlet.MvcResult;

/** Reads a downloaded spreadsheet the way a spreadsheet program shows it: every cell of the first sheet. */
public final class Sheets {

    private Sheets() {
    }

    public static String text(MvcResult result) throws Exception {
        if (!io.zhida.platform.Spreadsheet.MEDIA_TYPE.equals(result.getResponse().getContentType())) {
            throw new AssertionError("not a spreadsheet: " + result.getResponse().getContentType() + " " + result.getResponse().getStatus());
        }
        try (var book = WorkbookFactory.create(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            StringBuilder text = new StringBuilder();
            DataFormatter format = new DataFormatter();
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(format.formatCellValue(cell)).append('\t')));
            return text.toString();
        }
    }
}
