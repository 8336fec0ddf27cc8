package io.zhida.platform.web;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Page data for scripts, as JSON for an HTML attribute: {@code th:data-chart="${@pageJson.of(trend)}"}.
 * Thymeleaf escapes the attribute, the browser unescapes it, and /js/*.js reads it with JSON.parse —
 * so data (a region called {@code </script>…}) is never written into a script, where it could run.
 */
@Component("pageJson")
class PageJson {

    private final JsonMapper json;

    PageJson(JsonMapper json) {
        this.json = json;
    }

    public String of(Object value) {
        return json.writeValueAsString(value);
    }
}
