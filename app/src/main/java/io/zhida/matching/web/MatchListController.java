package io.zhida.matching.web;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.engine.rule.Outcome;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.ZhidaUser;
import io.zhida.matching.MatchRow;
import io.zhida.matching.MatchingService;
import io.zhida.platform.NotFoundException;
import java.util.List;
import java.util.Map;
import io.zhida.platform.Spreadsheet;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** For departments: each online item's eligible (or undetermined) enterprises, by county, exportable to XLSX. */
@AccessRule(audience = Audience.STAFF, scope = DataScope.OWN_COUNTY)
@Controller
class MatchListController {

    private static final int PAGE = 50;

    private final MatchingService matching;
    private final PolicyCatalog catalog;
    private final Organisations organisations;

    MatchListController(MatchingService matching, PolicyCatalog catalog, Organisations organisations) {
        this.matching = matching;
        this.catalog = catalog;
        this.organisations = organisations;
    }

    @GetMapping("/matching/items")
    String items(@AuthenticationPrincipal ZhidaUser user, Model model) {
        String region = scope(user, null);
        model.addAttribute("items", catalog.onlineItems());
        model.addAttribute("counts", matching.countsByItem(region));
        return "matching/items";
    }

    @GetMapping("/matching/items/{code}")
    String item(@PathVariable String code, @RequestParam(defaultValue = "ELIGIBLE") Outcome outcome,
                @RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
                @AuthenticationPrincipal ZhidaUser user, Model model) {
        PolicyItem item = online(code);
        String scoped = scope(user, region);
        long total = matching.countForItem(code, outcome, scoped);
        model.addAttribute("item", item);
        model.addAttribute("outcome", outcome);
        model.addAttribute("region", scoped == null ? "" : scoped);
        model.addAttribute("rows", matching.forItem(code, outcome, scoped, Math.max(0, page) * PAGE, PAGE));
        model.addAttribute("total", total);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
        model.addAttribute("counties", organisations.counties());
        model.addAttribute("regionNames", organisations.regionNames());
        model.addAttribute("currentUser", user); // the template reads it; the layout's own copy comes from the portal
        return "matching/item";
    }

    @GetMapping("/matching/items/{code}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable String code, @RequestParam(defaultValue = "ELIGIBLE") Outcome outcome,
                                  @RequestParam(required = false) String region, @AuthenticationPrincipal ZhidaUser user)
{
        PolicyItem item = online(code);
        String scoped = scope(user, region);
        List<MatchRow> rows = matching.forItem(code, outcome, scoped, 0, Integer.MAX_VALUE);
        Map<String, String> regionNames = organisations.regionNames();
        try (Spreadsheet sheet = Spreadsheet.of(outcome == Outcome.ELIGIBLE ? "符合条件企业" : "待补充数据企业",
                List.of("企业名称", "统一社会信用代码", "县（区）", "事项编码", "规则版本", "结果", "匹配时间"))) {
            for (MatchRow m : rows) {
                sheet.row(m.enterpriseName(), m.uscc(), regionNames.getOrDefault(m.region(), m.region()), m.itemCode(),
                        m.itemVersion(), m.outcome().label(), m.matchedAt().atZone(PolicyCatalog.SHANGHAI).toLocalDateTime());
            }
            return Spreadsheet.download(item.content().name() + "-" + outcome.label() + ".xlsx", sheet.bytes());
        }
    }

    private PolicyItem online(String code) {
        return catalog.onlineItem(code).orElseThrow(() -> new NotFoundException("事项不存在或不在线：" + code));
    }

    /** Staff see their county only unless they see the whole city; enterprises see no lists. */
    private static String scope(ZhidaUser user, String region) {
        if (user.isEnterpriseOnly()) {
            throw new AccessDeniedException("enterprises do not see other enterprises");
        }
        String r = region == null || region.isBlank() ? null : region;
        return user.seesWholeCity() ? r : user.regionCode();
    }
}
