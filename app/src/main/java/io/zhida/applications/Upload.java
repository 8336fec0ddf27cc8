package io.zhida.applications;

import io.zhida.platform.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A file an enterprise hands in for a material. Only PDF, JPG, PNG and OFD are taken, up to 20 MB each,
 * and the content must be what the name says (checked by the file's first bytes, not its name alone).
 */
public record Upload(String material, String fileName, byte[] content) {

    public static final long MAX_BYTES = 20L * 1024 * 1024;

    /** @return the content type to store */
    public String check(String field) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (content == null || content.length == 0) {
            throw new InvalidInputException(field, "「" + material + "」的文件是空的");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException(field, "「" + material + "」的文件超过 20 MB");
        }
        String type;
        boolean ok;
        if (name.endsWith(".pdf")) {
            type = "application/pdf";
            ok = startsWith(0x25, 0x50, 0x44, 0x46); // %PDF
        } else if (name.endsWith(".png")) {
            type = "image/png";
            ok = startsWith(0x89, 0x50, 0x4E, 0x47);
        } else if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            type = "image/jpeg";
            ok = startsWith(0xFF, 0xD8, 0xFF);
        } else if (name.endsWith(".ofd")) {
            type = "application/ofd";
            ok = startsWith(0x50, 0x4B, 0x03, 0x04); // OFD is a ZIP package
        } else {
            throw new InvalidInputException(field, "「" + material + "」只接受 PDF、JPG、PNG、OFD 文件，而不是 " + fileName);
        }
        if (!ok) {
            throw new InvalidInputException(field, "「" + material + "」的文件内容与扩展名不符（" + fileName + " 不是有效的 "
                    + name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT) + " 文件）");
        }
        return type;
    }

    private boolean startsWith(int... bytes) {
        if (content.length < bytes.length) {
            return false;
        }
        int[] head = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            head[i] = content[i] & 0xFF;
        }
        return Arrays.equals(head, bytes);
    }
}
