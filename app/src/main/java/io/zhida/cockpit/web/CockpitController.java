package io.zhida.cockpit.web;

import io.zhida.cockpit.Cockpit;
import io.zhida.cockpit.CockpitFilter;
import io.zhida.cockpit.CockpitSummary;
import io.zhida.cockpit.IndustrySections;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The cockpit page and GET /api/v1/cockpit/summary; county and department heads see their own unit. */
@AccessRule(roles = {Role.LEADER, Role.EVALUATOR, Role.ADMIN, Role.FINANCE, Role.DEPT_HEAD}, scope = DataScope.OWN_DEPARTMENT)
@Controller
class CockpitController {

    private final io.zhida.cockpit.internal.SupervisionFigures supervision;

    private final Cockpit cockpit;
    private final Organisations organisations;
    private final io.zhida.catalog.PolicyCatalog catalog;

    CockpitController(Cockpit cockpit, Organisations organisations, io.zhida.catalog.PolicyCatalog catalog, io.zhida.cockpit.internal.SupervisionFigures supervision) {
        this.supervision = supervision;
        this.cockpit = cockpit;
        this.organisations = organisations;
        this.catalog = catalog;
    }

    @GetMapping("/cockpit")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String region, @RequestParam(required = false) String department,
                @RequestParam(required = false) String industry, @RequestParam(required = false) String size,
                @RequestParam(required = false) String theme, @AuthenticationPrincipal ZhidaUser user, Model model) {
        if (from != null && to != null && from.isAfter(to)) { // a reversed period on the page: read it the right way round
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        CockpitFilter f = scoped(organisations, user, from, to, region, department, industry, size, theme);
        model.addAttribute("f", f);
        model.addAttribute("s", cockpit.summary(f));
        model.addAttribute("b", cockpit.breakdown(f));
        model.addAttribute("ranking", cockpit.latestRanking().orElse(null));
        model.addAttribute("sv", supervision.of(f));
        model.addAttribute("counties", organisations.counties());
        model.addAttribute("departments", organisations.cityDepartments());
        model.addAttribute("industries", IndustrySections.all());
        model.addAttribute("regionName", f.region() == null ? "全市" : organisations.unitName("COUNTY", f.region()));
        model.addAttribute("departmentName", f.department() == null ? null : organisations.unitName("DEPARTMENT", f.department()));
        model.addAttribute("scopedRegion", !user.seesWholeCity());
        model.addAttribute("canOpen", linksFor(user));
        model.addAttribute("onlineItems", catalog.onlineItems().stream().map(io.zhida.catalog.PolicyItem::code)
                .collect(java.util.stream.Collectors.toSet())); // 办事指南 only for an item whose page is there
        return "cockpit/cockpit";
    }

    /** The pages the cockpit links to that this user may open: a figure links on only where its page opens. */
    static java.util.Map<String, Boolean> linksFor(ZhidaUser user) {
        boolean funds = AccessPolicy.FUNDS_OVERSIGHT.allows(user);
        boolean evaluation = AccessPolicy.EVALUATION_READING.allows(user);
        boolean supervisionOffice = user.has(Role.EVALUATOR) || user.has(Role.LEADER) || user.has(Role.ADMIN);
        return java.util.Map.ofEntries(
                java.util.Map.entry("/assistance/centre", supervisionOffice || user.has(Role.INSPECTOR) || user.has(Role.CLERK)),
                java.util.Map.entry("/liaison", supervisionOffice || user.has(Role.INSPECTOR)),
                java.util.Map.entry("/callbacks", supervisionOffice),
                java.util.Map.entry("/review?open=false", user.has(io.zhida.identity.Role.REVIEWER) || user.has(io.zhida.identity.Role.DEPT_HEAD)),
                java.util.Map.entry("/supervision", AccessPolicy.SUPERVISION.allows(user)),
                java.util.Map.entry("/funds/pools", funds && user.seesWholeCity()),
                java.util.Map.entry("/funds/batches", funds && user.seesWholeCity()),
                java.util.Map.entry("/funds/runs", funds && user.seesWholeCity()),
                java.util.Map.entry("/funds/grants", funds),
                java.util.Map.entry("/rectification", AccessPolicy.STAFF.allows(user)),
                java.util.Map.entry("/evaluation/rates", evaluation),
                java.util.Map.entry("/evaluation/b2b", evaluation));
    }

    /** Leaders, evaluators and administrators see the city; a county's staff their county; a department head the department. */
    static CockpitFilter scoped(Organisations organisations, ZhidaUser user, LocalDate from, LocalDate to, String region, String department, String industry,
                                 String size, String theme) {
        boolean city = user.has(Role.LEADER) || user.has(Role.EVALUATOR) || user.has(Role.ADMIN) || user.has(Role.FINANCE);
        if (!city && !user.has(Role.DEPT_HEAD)) {
            throw new AccessDeniedException("leaders and heads of units only");
        }
        LocalDate t = to == null ? io.zhida.platform.Today.date() : to;
        LocalDate fr = from == null ? t.minusYears(1).plusDays(1) : from;
        String r = region;
        String d = department;
        if (!city) {
            if (!user.seesWholeCity()) {
                r = user.regionCode();
            }
            d = organisations.departmentCodeOf(user).orElse(d);
        }
        CockpitFilter f = new CockpitFilter(fr, t, r, d, industry, size, theme);
        requireKnown(organisations, f);
        return f;
    }

    private static final java.util.Set<String> SIZES = java.util.Set.of("大型", "中型", "小型", "微型", "未知");

    /** A filter that names no county, department, section or size class of this city is a mistake, not an empty cockpit. */
    static void requireKnown(Organisations organisations, CockpitFilter f) {
        if (f.region() != null && organisations.counties().stream().noneMatch(c -> c.code().equals(f.region()))) {
            throw new io.zhida.platform.InvalidInputException("region", "没有这个县（区）：" + f.region());
        }
        if (f.department() != null && organisations.cityDepartments().stream().noneMatch(d -> d.code().equals(f.department()))) {
            throw new io.zhida.platform.InvalidInputException("department", "没有这个市级部门：" + f.department());
        }
        if (f.industry() != null && !f.industry().matches("[A-T]")) {
            throw new io.zhida.platform.InvalidInputException("industry", "行业门类应为 A–T 中的一个字母");
        }
        if (f.size() != null && !SIZES.contains(f.size())) {
            throw new io.zhida.platform.InvalidInputException("size", "企业规模应为 大型、中型、小型、微型 或 未知");
        }
        if (f.theme() != null && f.theme().length() > 50) {
            throw new io.zhida.platform.InvalidInputException("theme", "主题不超过 50 个字");
        }
        if (f.from().isBefore(java.time.LocalDate.of(2000, 1, 1)) || f.to().isAfter(io.zhida.platform.Today.date().plusYears(1))) {
            throw new io.zhida.platform.InvalidInputException("from", "统计期间应在 2000 年以后、明年以前");
        }
    }

}
