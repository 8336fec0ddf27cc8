package io.zhida.enterprise.web;

import io.zhida.enterprise.AttributeCatalog;
import io.zhida.enterprise.Corrections;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Enterprise pages: the staff list (scoped to the user's county) and one enterprise's profile. */
@Controller
class EnterpriseController {

    private final EnterpriseProfiles profiles;
    private final Organisations organisations;
    private final AttributeCatalog attributes;
    private final Corrections corrections;
    private final Clock clock;

    EnterpriseController(EnterpriseProfiles profiles, Organisations organisations, AttributeCatalog attributes,
                         Corrections corrections, Clock clock) {
        this.clock = clock;
        this.profiles = profiles;
        this.organisations = organisations;
        this.attributes = attributes;
        this.corrections = corrections;
    }

    @AccessRule(audience = Audience.SIGNED_IN, scope = DataScope.OWN_COUNTY)
    @GetMapping("/enterprises")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal ZhidaUser user, Model model) {
        if (user.isEnterpriseOnly()) {
            return "redirect:/my/enterprise";
        }
        model.addAttribute("result", profiles.search(q, region, Math.max(0, page), 20, user));
        model.addAttribute("currentUser", user); // the template reads it; the layout's own copy comes from the portal
        model.addAttribute("q", q);
        model.addAttribute("region", region);
        model.addAttribute("counties", organisations.counties());
        model.addAttribute("regionNames", organisations.regionNames());
        return "enterprise/list";
    }

    /** The filtered list as a spreadsheet, up to 100,000 rows (the data scope of the user applies). */
    @AccessRule(audience = Audience.STAFF, scope = DataScope.OWN_COUNTY)
    @GetMapping("/enterprises/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                                                           @AuthenticationPrincipal ZhidaUser user) {
        var names = organisations.regionNames();
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("企业库", java.util.List.of("统一社会信用代码", "企业名称",
                "县（区）", "行业代码", "从业人员", "营业收入（元）", "资产总额（元）", "标签"))) {
            for (EnterpriseProfile e : profiles.search(q, region, 0, 100_000, user).items()) {
                sheet.row(e.uscc(), e.name(), names.getOrDefault(e.region(), e.region()), e.industry(), e.value("employees"), e.value("revenue"), e.value("total_assets"),
                        String.join("、", e.tags()));
            }
            return io.zhida.platform.Spreadsheet.download("企业库-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @AccessRule(audience = Audience.SIGNED_IN, scope = DataScope.OWN_COUNTY)
    @GetMapping("/enterprises/{uscc}")
    String show(@PathVariable String uscc, @AuthenticationPrincipal ZhidaUser user, Model model) {
        EnterpriseProfile e = profiles.get(uscc, user);
        model.addAttribute("e", e);
        model.addAttribute("regionNames", organisations.regionNames());
        model.addAttribute("groups", ProfileLines.of(e, profiles.provenance(uscc), attributes, organisations));
        model.addAttribute("derived", ProfileLines.derived(e, attributes));
        model.addAttribute("history", profiles.history(uscc, 30).stream()
                .map(h -> new HistoryLine(attributes.label(h.attribute()), h.oldValue(), h.newValue(), h.source().system(),
                        h.source().asOf(), h.changedAt())).toList());
        model.addAttribute("corrections", corrections.forEnterprise(uscc, user));
        model.addAttribute("industryName", ProfileLines.industry(e.industry()));
        return "enterprise/profile";
    }

    record HistoryLine(String label, String oldValue, String newValue, String source, java.time.LocalDate asOf,
                       java.time.Instant changedAt) {
    }

    @AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
    @GetMapping("/my/enterprise")
    String mine(@AuthenticationPrincipal ZhidaUser user) {
        if (user.enterpriseUscc() == null) {
            throw new AccessDeniedException("not bound to an enterprise");
        }
        return "redirect:/enterprises/" + user.enterpriseUscc();
    }

}
