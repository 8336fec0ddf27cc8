package io.zhida.platform.web;

import io.zhida.platform.Inputs;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON text that holds control characters (an escaped NUL, say) is refused wherever it appears — a
 * field, a list, an object's key, a free-form map — so it never reaches the database, a log or a file.
 * Spring Boot adds this module to the application's JsonMapper; a refusal is a 400 that names the field.
 */
@Component
class StrictJson extends SimpleModule {

    static final String CONTROL_CHARACTERS = "text contains control characters";

    StrictJson() {
        super("zhida-strict-json");
        addDeserializer(String.class, new CleanStrings());
        addKeyDeserializer(String.class, new CleanKeys());
    }

    private static final class CleanStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (Inputs.hasControlCharacters(value)) {
                throw ctxt.weirdStringException("(hidden)", String.class, CONTROL_CHARACTERS);
            }
            return value;
        }
    }

    private static final class CleanKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            if (Inputs.hasControlCharacters(key)) {
                throw ctxt.weirdKeyException(String.class, "(hidden)", CONTROL_CHARACTERS);
            }
            return key;
        }
    }
}
