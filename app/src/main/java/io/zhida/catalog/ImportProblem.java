package io.zhida.catalog;

/** One reason a library file was rejected: which item (code or #n), which field, which line. */
public record ImportProblem(String item, String field, int line, String message) {
}
