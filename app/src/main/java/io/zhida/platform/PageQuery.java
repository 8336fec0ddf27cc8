package io.zhida.platform;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which page of a list someone asked for: {@code page} counts from 1, {@code size} is one of {@link #SIZES}.
 * Read strictly, because a list that grows must never be asked for all at once ({@code size=100000}) nor
 * answered with a guess ({@code page=0}, {@code page=abc}): anything else is a 400 that names the field.
 * Controllers take it as a handler argument (resolved from the {@code page} and {@code size} parameters).
 */
public record PageQuery(int page, int size) {

    public static final List<Integer> SIZES = List.of(20, 50, 100);
    public static final int DEFAULT_SIZE = 20;
    /** Far past any real list; keeps the offset an honest number. */
    public static final int MAX_PAGE = 1_000_000;

    private static final Pattern DIGITS = Pattern.compile("\\d{1,7}");

    public PageQuery {
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidInputException("page", "页码应为 1 到 " + MAX_PAGE + " 之间的整数");
        }
        if (!SIZES.contains(size)) {
            throw new InvalidInputException("size", "每页条数只能是 " + sizesText());
        }
    }

    public static PageQuery first() {
        return new PageQuery(1, DEFAULT_SIZE);
    }

    /** From request parameters as sent; absent or blank means the default (page 1, 20 a page). */
    public static PageQuery parse(String page, String size) {
        return new PageQuery(number(page, "page", 1, "页码应为 1 到 " + MAX_PAGE + " 之间的整数"),
                number(size, "size", DEFAULT_SIZE, "每页条数只能是 " + sizesText()));
    }

    private static int number(String text, String field, int absent, String expected) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        String t = text.strip();
        if (!DIGITS.matcher(t).matches()) {
            throw new InvalidInputException(field, expected + "，收到“" + (t.length() > 20 ? t.substring(0, 20) + "…" : t) + "”");
        }
        return Integer.parseInt(t);
    }

    private static String sizesText() {
        return SIZES.get(0) + "、" + SIZES.get(1) + " 或 " + SIZES.get(2);
    }

    /** Rows to skip in SQL: {@code OFFSET}. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    public PageQuery withPage(int number) {
        return new PageQuery(number, size);
    }
}
