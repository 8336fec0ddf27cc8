package io.zhida.platform;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTML to PDF with a Chinese font embedded. PDF needs a TrueType font with CJK glyphs; the CFF-based
 * Noto CJK collections cannot be embedded, so the first of these that exists is used (Debian's
 * fonts-droid-fallback provides the first), or the one named by {@code ZHIDA_PDF_FONT}.
 */
public final class Pdf {

    private static final Logger log = LoggerFactory.getLogger(Pdf.class);
    public static final String FAMILY = "ZhidaCJK";
    private static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    private Pdf() {
    }

    public static File font() {
        String configured = System.getenv("ZHIDA_PDF_FONT");
        if (configured != null && new File(configured).isFile()) {
            return new File(configured);
        }
        return CANDIDATES.stream().map(File::new).filter(File::isFile).findFirst().orElse(null);
    }

    /** @param xhtml well-formed XHTML whose CSS uses font-family ZhidaCJK */
    public static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            File font = font();
            if (font != null) {
                builder.useFont(font, FAMILY);
            } else {
                log.warn("no CJK TrueType font found; Chinese text in PDFs will not show (install fonts-droid-fallback)");
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
