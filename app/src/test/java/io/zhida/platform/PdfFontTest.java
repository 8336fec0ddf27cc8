package io.zhida.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A PDF made by the platform holds its Chinese as text, with the shipped font, whatever fonts the machine has. */
class PdfFontTest {

    @Test
    void chineseTextSurvivesIntoThePdf() throws Exception {
        byte[] pdf = Pdf.render("""
                <html><head><style>body { font-family: ZhidaCJK; }</style></head>
                <body><h1>交办通知书</h1><p>示范市经济和信息化局：请于5个工作日内办结。金额 1,000.00 元。</p></body></html>""");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("交办通知书").contains("示范市经济和信息化局").contains("请于5个工作日内办结").doesNotContain("#");
            assertThat(document.getPage(0).getResources().getFontNames()).isNotEmpty();
        }
    }
}
