package io.zhida.enterprise.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.zhida.platform.TextFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * RFC 4180 CSV in UTF-8 (a BOM is skipped) or GBK/GB18030, as detected beforehand, streamed: quoted cells may hold commas, quotes and line breaks.
 * A record with the wrong number of cells is reported as that row, not guessed at.
 */
final class CsvRows implements RowSource {

    private final CountingStream counting;
    private final BufferedReader reader;
    private final long size;
    private final List<String> header;
    private long line = 1;
    private long recordStart;
    private List<String> next;

    CsvRows(Path file, TextFiles.Encoding encoding) throws IOException {
        this.size = Math.max(1, Files.size(file));
        this.counting = new CountingStream(Files.newInputStream(file));
        this.reader = new BufferedReader(TextFiles.reader(counting, encoding), 1 << 16);
        List<String> first = readRecord();
        if (first == null || first.stream().allMatch(String::isBlank)) {
            throw new UnreadableFile("文件为空或缺少表头行");
        }
        this.header = first.stream().map(String::trim).toList();
        this.next = readRecord();
    }

    @Override
    public List<String> columns() {
        return header;
    }

    @Override
    public double progress() {
        return Math.min(1.0, (double) counting.count() / size);
    }

    @Override
    public String rowLabel(long number) {
        return "第 " + number + " 行";
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public Row next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        List<String> cells = next;
        long number = recordStart;
        next = readRecord();
        if (cells.size() != header.size()) {
            return Row.broken(number, "有 " + cells.size() + " 列，表头有 " + header.size() + " 列（检查逗号和引号）");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            fields.put(header.get(i), cells.get(i));
        }
        return Row.of(number, fields);
    }

    /** One record, or null at the end; skips blank lines. */
    private List<String> readRecord() {
        try {
            while (true) {
                recordStart = line;
                int c = reader.read();
                if (c < 0) {
                    return null;
                }
                if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        skipLf();
                    }
                    line++;
                    continue;
                }
                return record(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> record(int first) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int c = first;
        while (true) {
            if (c < 0) {
                if (quoted) {
                    throw new UnreadableFile("第 " + recordStart + " 行起的引号没有闭合，文件在此之后无法读取");
                }
                cells.add(cell.toString());
                return cells;
            }
            if (quoted) {
                if (c == '"') {
                    reader.mark(1);
                    int d = reader.read();
                    if (d == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (d >= 0) {
                            reader.reset();
                        }
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    skipLf();
                }
                line++;
                cells.add(cell.toString());
                return cells;
            } else {
                cell.append((char) c);
            }
            c = reader.read();
        }
    }

    private void skipLf() throws IOException {
        reader.mark(1);
        if (reader.read() != '\n') {
            reader.reset();
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
