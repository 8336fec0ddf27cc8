package io.zhida.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the platform's JSON answers. */
final class Jsons {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Jsons() {
    }

    static JsonNode read(String text) {
        return MAPPER.readTree(text);
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
