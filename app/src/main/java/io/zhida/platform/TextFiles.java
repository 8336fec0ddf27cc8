package io.zhida.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uploaded text (CSV, JSON, YAML, TXT): government exchanges send UTF-8, UTF-8 with a byte-order mark,
 * or GBK/GB18030. The encoding is found by decoding the whole file strictly — UTF-8 first (ASCII is
 * UTF-8), then GB18030 (a superset of GBK) — and anything else is refused with the reason instead of
 * being imported as mojibake. Control characters (NUL …) refuse the file too: they are what a UTF-16
 * or binary file looks like through a text decoder.
 */
public final class TextFiles {

    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final int UTF8_BOM_LENGTH = 3;
    /** Latin-1 or Big5 read as GBK gives mostly rare characters; real Chinese text is mostly GB2312's common ones. */
    private static final double MAX_RARE_SHARE = 0.3;

    /** A detected encoding and how many leading bytes (a byte-order mark) to skip. */
    public record Encoding(Charset charset, int skip) {
        public String label() {
            return charset.equals(StandardCharsets.UTF_8) ? (skip > 0 ? "UTF-8（带 BOM）" : "UTF-8") : "GB18030/GBK";
        }
    }

    private TextFiles() {
    }

    /** Decodes a small upload held in memory; {@code field} names the form field in the error. */
    public static String decode(byte[] bytes, String field) {
        Encoding encoding = detect(bytes, field);
        try {
            return strict(encoding.charset()).decode(ByteBuffer.wrap(bytes, encoding.skip(), bytes.length - encoding.skip())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("detected " + encoding + " but cannot decode", e);
        }
    }

    public static Encoding detect(byte[] bytes, String field) {
        try {
            return detect(() -> new ByteArrayInputStream(bytes), field);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the file through once or twice; large imports pay about a second per few hundred megabytes. */
    public static Encoding detect(Path file, String field) throws IOException {
        return detect(() -> Files.newInputStream(file), field);
    }

    /** A strict reader for text already detected: a byte that does not decode is an error, never U+FFFD. */
    public static Reader reader(InputStream in, Encoding encoding) throws IOException {
        in.skipNBytes(encoding.skip());
        return new InputStreamReader(in, strict(encoding.charset()));
    }

    private interface Source {
        InputStream open() throws IOException;
    }

    private static Encoding detect(Source source, String field) throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(4);
        }
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            throw refused(field, "文件是 UTF-16 编码，请另存为 UTF-8 或 GBK 后再上传");
        }
        boolean bom = head.length >= UTF8_BOM_LENGTH && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
        Encoding utf8 = new Encoding(StandardCharsets.UTF_8, bom ? UTF8_BOM_LENGTH : 0);
        Scan scan = scan(source, utf8);
        if (scan.decodes) {
            return checked(scan, utf8, field);
        }
        if (bom) {
            throw refused(field, "文件标明为 UTF-8（带 BOM），但含有不是 UTF-8 的字节（约第 " + scan.line + " 行），请检查文件是否损坏或混用了编码");
        }
        Encoding gb = new Encoding(GB18030, 0);
        Scan gbScan = scan(source, gb);
        if (!gbScan.decodes || gbScan.rareShare() > MAX_RARE_SHARE) {
            throw refused(field, "文件编码无法识别：既不是 UTF-8，也不是 GBK/GB18030（约第 " + scan.line
                    + " 行起无法按 UTF-8 读取）。请用 UTF-8 或 GBK 编码另存后再上传");
        }
        return checked(gbScan, gb, field);
    }

    private static Encoding checked(Scan scan, Encoding encoding, String field) {
        if (scan.controlLine > 0) {
            throw refused(field, "文件第 " + scan.controlLine + " 行含有控制字符（如 NUL），不是纯文本文件（或是 UTF-16 编码），请检查后重新导出");
        }
        return encoding;
    }

    private static InvalidInputException refused(String field, String reason) {
        return new InvalidInputException(field, reason);
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** What one strict pass over the file found. */
    private static final class Scan {
        boolean decodes = true;
        long line = 1;
        long controlLine;
        long multiByte;
        long rare;

        double rareShare() {
            return multiByte == 0 ? 0 : (double) rare / multiByte;
        }
    }

    private static Scan scan(Source source, Encoding encoding) throws IOException {
        Scan scan = new Scan();
        CharsetDecoder decoder = strict(encoding.charset());
        boolean gb = encoding.charset().equals(GB18030);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        try (InputStream in = source.open()) {
            in.skipNBytes(encoding.skip());
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                if (gb) {
                    countRare(bytes, scan);
                }
                CoderResult result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    scan.decodes = false;
                    count(chars, scan);
                    return scan;
                }
                if (end && decoder.flush(chars).isError()) {
                    scan.decodes = false;
                }
                count(chars, scan);
                bytes.compact();
            }
        }
        return scan;
    }

    private static void count(CharBuffer chars, Scan scan) {
        chars.flip();
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\n') {
                scan.line++;
            } else if (scan.controlLine == 0 && Inputs.isControl(c)) {
                scan.controlLine = scan.line;
            }
        }
        chars.clear();
    }

    /**
     * Counts, among the bytes about to be decoded (whole sequences only, as the decoder sees them), the
     * double-byte characters and those outside GB2312's punctuation and hanzi rows (A1–A3, B0–F7 × A1–FE).
     */
    private static void countRare(ByteBuffer bytes, Scan scan) {
        int i = bytes.position();
        int limit = bytes.limit();
        while (i < limit) {
            int b = bytes.get(i) & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            if (i + 1 >= limit) {
                break;
            }
            int t = bytes.get(i + 1) & 0xFF;
            scan.multiByte++;
            if (t >= 0x30 && t <= 0x39) { // a four-byte GB18030 sequence: never in GBK data
                scan.rare++;
                i += 4;
                continue;
            }
            boolean common = t >= 0xA1 && t <= 0xFE && ((b >= 0xA1 && b <= 0xA3) || (b >= 0xB0 && b <= 0xF7));
            if (!common) {
                scan.rare++;
            }
            i += 2;
        }
    }
}
