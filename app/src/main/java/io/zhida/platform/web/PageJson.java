package io.zhida.platform.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Page data for scripts, as JSON for an HTML attribute: {@code th:data-chart="${#json.of(trend)}"}.
 * Thymeleaf escapes the attribute, the browser unescapes it, and /js/*.js reads it with JSON.parse —
 * so data (a region called {@code </script>…}) is never written into a script, where it could run.
 * An expression object rather than a bean: Thymeleaf refuses bean references in data attributes.
 */
@Component
class PageJson extends AbstractDialect implements IExpressionObjectDialect {

    private final Writer writer;

    PageJson(JsonMapper json) {
        super("zhida-page-json");
        this.writer = new Writer(json);
    }

    /** What {@code #json} is in a template. */
    public static final class Writer {
        private final JsonMapper json;

        Writer(JsonMapper json) {
            this.json = json;
        }

        public String of(Object value) {
            return json.writeValueAsString(value);
        }
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("json");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return writer;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
