package io.zhida.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.funds.PayoutBatch;
import io.zhida.funds.internal.BankFile;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the platform writes must not attack whoever reads it: text that a spreadsheet program would run
 * as a formula comes out neutralised in every CSV and XLSX, and every response carries a
 * Content-Security-Policy without inline script and a Referrer-Policy.
 */
@ZhidaIntegrationTest
class OutputAttackIT {

    private static final String FORMULA = "=cmd|' /C calc'!A0";

    @Autowired
    MockMvc mvc;

    private static PayoutBatch.Line line(String holder) {
        return new PayoutBatch.Line(7, 70, "91519921MA0000001X", holder, "+稳岗返还", "2026", new BigDecimal("12500.00"),
                holder, "@示范银行", "6222020000000001", "PENDING", null);
    }

    @Test
    void aFormulaInTheAccountHoldersNameIsNeutralisedInTheBankCsvAndXlsx() throws Exception {
        String csv = new String(BankFile.csv(List.of(line(FORMULA))), StandardCharsets.UTF_8);
        String row = csv.split("\r\n")[1];
        assertThat(row).startsWith("7,'=cmd|' /C calc'!A0,6222020000000001,'@示范银行,12500.00,'+稳岗返还（2026年度）,");
        for (String cell : row.split(",")) {
            assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
        }

        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(BankFile.xlsx("B-1", List.of(line(FORMULA)))))) {
            Sheet sheet = book.getSheetAt(0);
            Cell holder = sheet.getRow(1).getCell(1);
            assertThat(holder.getCellType()).isEqualTo(CellType.STRING);
            assertThat(holder.getStringCellValue()).isEqualTo("'" + FORMULA);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("'@示范银行");
            Cell amount = sheet.getRow(1).getCell(4);
            assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC); // numbers stay numbers
            assertThat(amount.getNumericCellValue()).isEqualTo(12500.0);
        }
    }

    @Test
    void everyExportCellThatLooksLikeAFormulaIsNeutralisedAndNumbersStayNumbers() throws Exception {
        byte[] bytes = Spreadsheet.of("测试", List.of("a", "b", "c", "d", "e", "f", "g"))
                .row("=1+1", "-2+3", "\t=1", "\r=1", "-12.50", new BigDecimal("-12.50"), "普通文本").bytes();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            var row = book.getSheetAt(0).getRow(1);
            List<String> text = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                text.add(row.getCell(c).getStringCellValue());
            }
            assertThat(text).containsExactly("'=1+1", "'-2+3", "'\t=1", "'\r=1", "-12.50");
            assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo("普通文本");
        }
        assertThat(Csv.cell("=HYPERLINK(\"http://x\",\"点我\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"");

        // end to end: what an enterprise types into an appeal comes out of the export as text
        Cookie enterprise = Sessions.login(mvc, "enterprise");
        mvc.perform(post("/my/appeals").cookie(enterprise).with(csrf()).param("kind", "REQUEST")
                        .param("content", "=HYPERLINK(\"http://evil.example\",\"查看进度\")"))
                .andExpect(status().is3xxRedirection());
        byte[] export = mvc.perform(get("/my/appeals/export.xlsx").cookie(enterprise)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(export))) {
            List<String> contents = new ArrayList<>();
            book.getSheetAt(0).forEach(r -> r.forEach(c -> {
                if (c.getCellType() == CellType.STRING) {
                    contents.add(c.getStringCellValue());
                }
            }));
            assertThat(contents).contains("'=HYPERLINK(\"http://evil.example\",\"查看进度\")");
            assertThat(contents).noneMatch(c -> c.startsWith("="));
        }
    }

    @Test
    void pagesAndTheApiCarryAContentSecurityPolicyWithoutInlineScriptAndAReferrerPolicy() throws Exception {
        for (var request : List.of(get("/"), get("/login"), get("/api/v1/policy-items"), get("/api/v1/no-such-thing"),
                get("/portal/no-such-page"))) {
            mvc.perform(request)
                    .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.containsString("script-src 'self'"),
                            org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-eval")),
                            org.hamcrest.Matchers.containsString("object-src 'none'"),
                            org.hamcrest.Matchers.containsString("frame-ancestors 'self'"))))
                    .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.matchesPattern(".*script-src[^;]*unsafe-inline.*"))))
                    .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
        }
        // the pages themselves hold no inline script or event handler for the policy to block
        String home = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        assertThat(home).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContainPattern("\\son[a-z]+=\"");
    }
}
