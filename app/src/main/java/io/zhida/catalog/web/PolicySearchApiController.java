package io.zhida.catalog.web;

import io.zhida.catalog.PolicySearch;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/v1/policy-items?q=&facet=value&page=&size= : public search of the online library. */
@AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
@RestController
class PolicySearchApiController {

    private final PolicySearch search;

    PolicySearchApiController(PolicySearch search) {
        this.search = search;
    }

    @GetMapping("/api/v1/policy-items")
    PolicySearch.Result search(@RequestParam(required = false) String q, @RequestParam Map<String, String> params,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Map<String, String> filters = new LinkedHashMap<>();
        PolicySearch.FACETS.forEach(f -> {
            if (params.containsKey(f)) {
                filters.put(f, params.get(f));
            }
        });
        return search.search(q, filters, Math.max(0, page), Math.min(Math.max(1, size), 100));
    }
}
