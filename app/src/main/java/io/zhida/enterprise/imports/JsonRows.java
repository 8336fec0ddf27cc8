package io.zhida.enterprise.imports;

import io.zhida.platform.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON array of objects in the data standard's names (or {"enterprises": [...]}), streamed one object
 * at a time; decimals are read exactly. Something other than an object in the array is that record's error.
 */
final class JsonRows implements RowSource {

    private final CountingStream counting;
    private final long size;
    private final JsonParser parser;
    private final ObjectReader reader;
    private final Set<String> seen = new LinkedHashSet<>();
    private long number;
    private JsonToken next;

    JsonRows(Path file, JsonMapper json, TextFiles.Encoding encoding) throws IOException {
        this.size = Math.max(1, Files.size(file));
        this.counting = new CountingStream(Files.newInputStream(file));
        this.reader = json.readerFor(LinkedHashMap.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try {
            this.parser = reader.createParser(TextFiles.reader(counting, encoding));
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                if (parser.nextToken() != JsonToken.PROPERTY_NAME || !"enterprises".equals(parser.currentName())
                        || parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new UnreadableFile("JSON 应为企业对象的数组，或 {\"enterprises\": [...]}");
                }
            } else if (first != JsonToken.START_ARRAY) {
                throw new UnreadableFile("JSON 应为企业对象的数组，或 {\"enterprises\": [...]}");
            }
            next = parser.nextToken();
        } catch (JacksonException e) {
            throw new UnreadableFile("JSON 格式错误：" + e.getOriginalMessage());
        }
    }

    @Override
    public List<String> columns() {
        return new ArrayList<>(seen);
    }

    @Override
    public double progress() {
        return Math.min(1.0, (double) counting.count() / size);
    }

    @Override
    public String rowLabel(long n) {
        return "第 " + n + " 条记录";
    }

    @Override
    public boolean hasNext() {
        return next != null && next != JsonToken.END_ARRAY;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        number++;
        try {
            Row row;
            if (next == JsonToken.START_OBJECT) {
                Map<String, Object> fields = reader.readValue(parser);
                seen.addAll(fields.keySet());
                row = Row.of(number, fields);
            } else {
                parser.skipChildren();
                row = Row.broken(number, "应为一个企业对象 {…}");
            }
            next = parser.nextToken();
            return row;
        } catch (JacksonException e) {
            next = null;
            throw new UnreadableFile("JSON 格式错误（第 " + number + " 条记录附近）：" + e.getOriginalMessage());
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
        counting.close();
    }
}
