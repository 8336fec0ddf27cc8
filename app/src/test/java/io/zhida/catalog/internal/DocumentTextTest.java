package io.zhida.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhida.platform.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class DocumentTextTest {

    static byte[] pdf(String line) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(line);
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void extractsDocx() throws Exception {
        String text = DocumentText.extract("通知.docx", io.zhida.support.TestFiles.docx("示范市关于做好稳岗返还工作的通知", "第一条 参保企业可享受稳岗返还。"));
        assertThat(text).contains("示范市关于做好稳岗返还工作的通知").contains("第一条 参保企业可享受稳岗返还。");
    }

    @Test
    void extractsPdf() throws Exception {
        assertThat(DocumentText.extract("notice.pdf", pdf("Article 1: enterprises with insured employees qualify.")))
                .contains("Article 1: enterprises with insured employees qualify.");
    }

    @Test
    void extractsHtmlWithoutTags() {
        byte[] html = "<html><body><h1>政策解读</h1><p>研发费用<b>补助</b>标准</p><script>x()</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        String text = DocumentText.extract("page.html", html);
        assertThat(text).contains("政策解读").contains("研发费用补助标准").doesNotContain("<").doesNotContain("x()");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> DocumentText.extract("a.exe", new byte[] {0x4d, 0x5a, 0, 1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("仅支持");
        assertThatThrownBy(() -> DocumentText.extract("a.pdf", "%PDF-1.7 this is not really a pdf".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("无法读取");
        assertThatThrownBy(() -> DocumentText.extract("a.docx", "PK not a zip".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("无法读取");
        assertThatThrownBy(() -> DocumentText.extract("a.pdf", new byte[0]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("为空");
    }
}
