package io.zhida.catalog.internal;

import io.zhida.platform.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;

/** The plain text of an uploaded policy document: PDF, DOCX or HTML, recognised by content, not only by name. */
public final class DocumentText {

    private DocumentText() {
    }

    public static String extract(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "上传的文件为空");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            String text;
            if (startsWith(bytes, "%PDF")) {
                text = pdf(bytes);
            } else if (startsWith(bytes, "PK") && (name.endsWith(".docx") || name.isEmpty())) {
                text = docx(bytes);
            } else if (name.endsWith(".html") || name.endsWith(".htm") || looksLikeHtml(bytes)) {
                text = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)).wholeText();
            } else {
                throw new InvalidInputException("file", "仅支持 PDF、DOCX、HTML 格式的政策文件");
            }
            String normalised = text.replace("\r", "").replaceAll("[ \t\u3000]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
            if (normalised.isEmpty()) {
                throw new InvalidInputException("file", "未能从文件中提取到文字（扫描件请先做文字识别）");
            }
            return normalised;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "文件已损坏或格式不符，无法读取");
        }
    }

    private static String pdf(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String docx(byte[] bytes) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < m.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (bytes[i] != m[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html");
    }
}
