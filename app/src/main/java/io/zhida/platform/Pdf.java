package io.zhida.platform;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;

/**
 * HTML to PDF with a Chinese font embedded. PDF needs a TrueType font with CJK glyphs (openhtmltopdf cannot
 * embed the CFF-based Noto CJK collections), so the platform ships one, Droid Sans Fallback (Apache 2.0,
 * {@code fonts/NOTICE}), and always uses it — or the one named by {@code ZHIDA_PDF_FONT} — whatever fonts the
 * machine has: a PDF never prints "#" for Chinese because a server lacks a font.
 */
public final class Pdf {

    public static final String FAMILY = "ZhidaCJK";
    private static final String SHIPPED = "/fonts/DroidSansFallbackFull.ttf";

    private Pdf() {
    }

    /** @param xhtml well-formed XHTML whose CSS uses font-family ZhidaCJK */
    public static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            String configured = System.getenv("ZHIDA_PDF_FONT");
            if (configured != null && !configured.isBlank()) {
                File font = new File(configured);
                if (!font.isFile()) {
                    throw new IllegalStateException("ZHIDA_PDF_FONT names no file: " + configured);
                }
                builder.useFont(font, FAMILY);
            } else {
                if (Pdf.class.getResource(SHIPPED) == null) {
                    throw new IllegalStateException("the shipped CJK font " + SHIPPED + " is missing from the application");
                }
                builder.useFont(() -> Pdf.class.getResourceAsStream(SHIPPED), FAMILY);
            }
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot render PDF", e);
        }
    }
}
