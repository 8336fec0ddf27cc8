package io.zhida.catalog.web;

import io.zhida.catalog.ItemFigures;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.catalog.PolicySearch;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.platform.NotFoundException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Public portal: the policy library with filters, a document with its items, an item's 办事指南. */
@AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
@Controller
class PortalLibraryController {

    static final Map<String, String> FACET_LABELS = new LinkedHashMap<>();

    static {
        FACET_LABELS.put("mode", "办理方式");
        FACET_LABELS.put("theme", "主题");
        FACET_LABELS.put("department", "办理部门");
        FACET_LABELS.put("level", "层级");
        FACET_LABELS.put("industry", "行业");
        FACET_LABELS.put("region", "区域");
    }

    private final PolicySearch search;
    private final PolicyCatalog catalog;
    private final Organisations organisations;
    private final List<ItemFigures> figureSources;

    private final io.zhida.catalog.LegalReviews legalReviews;

    PortalLibraryController(PolicySearch search, PolicyCatalog catalog, Organisations organisations, List<ItemFigures> figureSources,
                            io.zhida.catalog.LegalReviews legalReviews) {
        this.legalReviews = legalReviews;
        this.search = search;
        this.catalog = catalog;
        this.organisations = organisations;
        this.figureSources = figureSources.stream().sorted(Comparator.comparingInt(ItemFigures::order)).toList();
    }

    @GetMapping("/portal/policies")
    String library(@RequestParam(required = false) String q, @RequestParam Map<String, String> params,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        PolicySearch.FACETS.forEach(f -> {
            if (params.get(f) != null && !params.get(f).isBlank()) {
                filters.put(f, params.get(f));
            }
        });
        long started = System.nanoTime();
        PolicySearch.Result result = search.search(q, filters, Math.max(0, page), 15);
        model.addAttribute("elapsedMs", (System.nanoTime() - started) / 1_000_000);
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        model.addAttribute("filters", filters);
        model.addAttribute("facetLabels", FACET_LABELS);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("regionNames", regionNames());
        java.util.Set<Long> published = legalReviews.passed();
        model.addAttribute("documents", q == null || q.isBlank()
                ? catalog.documents().stream().filter(d -> published.contains(d.id())).toList() : java.util.List.of());
        model.addAttribute("documentHits", search.searchDocuments(q, 10));
        return "portal/policies";
    }

    @GetMapping("/portal/items/{code}")
    String item(@PathVariable String code, Model model) {
        LocalDate today = PolicyCatalog.today();
        PolicyItem item = catalog.onlineItem(code)
                .or(() -> catalog.published(code).filter(i -> i.hasPublicPage(today))) // in force from a later day: its page says so
                .orElseThrow(() -> new NotFoundException("该政策事项不存在或已下线"));
        model.addAttribute("item", item);
        model.addAttribute("notYetInForce", !item.isOnline(today));
        model.addAttribute("c", item.content());
        model.addAttribute("departmentNames", item.content().departments().stream()
                .map(d -> organisations.departmentByCode(d).map(Organisations.Department::name).orElse(d)).toList());
        Map<String, String> regions = regionNames();
        model.addAttribute("regionNames", regions);
        model.addAttribute("scopeRegions", item.content().regions().isEmpty() ? "全市"
                : String.join("、", item.content().regions().stream().map(r -> regions.getOrDefault(r, r)).toList()));
        model.addAttribute("today", PolicyCatalog.today());
        model.addAttribute("interpretation", InterpretationParts.of(item.content().interpretation()));
        int year = PolicyCatalog.today().getYear();
        model.addAttribute("figures", figureSources.stream().flatMap(f -> f.figures(code, year).stream()).toList());
        catalog.documents().stream().filter(d -> d.number().equals(item.content().documentNumber())).findFirst()
                .ifPresent(d -> model.addAttribute("document", d));
        return "portal/item";
    }

    @GetMapping("/portal/documents/{id}")
    String document(@PathVariable long id, Model model) {
        var document = catalog.document(id).filter(d -> legalReviews.passed().contains(d.id()))
                .orElseThrow(() -> new NotFoundException("政策文件不存在或尚未公布"));
        model.addAttribute("document", document);
        Map<String, String> names = organisations.regionNames();
        model.addAttribute("regionNames", document.regions().stream().map(r -> names.getOrDefault(r, r)).toList());
        model.addAttribute("items", catalog.onlineItems().stream()
                .filter(i -> document.number().equals(i.content().documentNumber())).toList());
        return "portal/document";
    }

    private Map<String, String> regionNames() {
        Map<String, String> names = organisations.regionNames();
        names.put("全市", "全市");
        return names;
    }
}
