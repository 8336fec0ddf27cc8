package io.zhida.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.web.IWebRequest;

/**
 * {@code #pager} in templates: the links of the pager fragment ({@code fragments/pager.html}). A link to another
 * page keeps every other parameter of the current GET request (the list's filters, the page size), so paging
 * never loses a filter; a page rendered in answer to a POST keeps none (its form fields are no filters).
 */
@Component
class PagerLinks extends AbstractDialect implements IExpressionObjectDialect {

    PagerLinks() {
        super("zhida-pager");
    }

    /** What {@code #pager} is in one rendering. */
    public static final class Links {
        private final Map<String, String[]> parameters;

        Links(Map<String, String[]> parameters) {
            this.parameters = parameters;
        }

        /** {@code path} with page {@code number} and the other parameters as they are. */
        public String page(String path, int number) {
            return link(path, "page", String.valueOf(number));
        }

        /** {@code path} at page 1 with {@code size} rows a page, the filters kept. */
        public String size(String path, int size) {
            return link(path, "size", String.valueOf(size));
        }

        private String link(String path, String name, String value) {
            StringJoiner query = new StringJoiner("&");
            parameters.forEach((key, values) -> {
                if (!key.equals("page") && !key.equals(name)) {
                    for (String v : values) {
                        query.add(encode(key) + "=" + encode(v));
                    }
                }
            });
            query.add(name + "=" + value);
            return path + "?" + query;
        }

        private static String encode(String s) {
            return UriUtils.encode(s, StandardCharsets.UTF_8);
        }
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("pager");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                if (context instanceof IWebContext web) {
                    IWebRequest request = web.getExchange().getRequest();
                    if ("GET".equalsIgnoreCase(request.getMethod())) {
                        return new Links(request.getParameterMap());
                    }
                }
                return new Links(Map.of());
            }

            @Override
            public boolean isCacheable(String name) {
                return false; // per request
            }
        };
    }
}
