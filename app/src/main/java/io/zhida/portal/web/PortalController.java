package io.zhida.portal.web;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.cockpit.Cockpit;
import io.zhida.cockpit.CockpitFilter;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.ZhidaUser;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page (no login) and the workbench every signed-in person lands on. */
@Controller
class PortalController {

    private final EnterpriseProfiles enterprises;
    private final Organisations organisations;
    private final PolicyCatalog catalog;
    private final Cockpit cockpit;
    private final Clock clock;

    PortalController(EnterpriseProfiles enterprises, Organisations organisations, PolicyCatalog catalog, Cockpit cockpit, Clock clock) {
        this.clock = clock;
        this.enterprises = enterprises;
        this.organisations = organisations;
        this.catalog = catalog;
        this.cockpit = cockpit;
    }

    @AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("enterpriseCount", enterprises.count());
        model.addAttribute("departmentCount", organisations.departments().size());
        model.addAttribute("countyCount", organisations.counties().size());
        var online = catalog.onlineItems();
        model.addAttribute("itemCount", online.size());
        model.addAttribute("noApplicationCount", online.stream()
                .filter(i -> i.content().mode() == io.zhida.catalog.HandlingMode.NO_APPLICATION).count());
        java.time.LocalDate today = LocalDate.now(clock);
        model.addAttribute("year", today.getYear());
        model.addAttribute("figures", cockpit.summary(new CockpitFilter(today.withDayOfYear(1), today, null, null, null, null, null)));
        return "portal/home";
    }

    @AccessRule(audience = Audience.SIGNED_IN, scope = DataScope.OWN_ACCOUNT)
    @GetMapping("/workbench")
    String workbench(@AuthenticationPrincipal ZhidaUser user, Model model) {
        if (user.enterpriseUscc() != null) {
            enterprises.find(user.enterpriseUscc()).ifPresent(e -> {
                model.addAttribute("myEnterprise", e);
                model.addAttribute("myIndustry", e.industry() == null ? "未归集"
                        : io.zhida.engine.standard.IndustryCode.name(e.industry()).orElse(e.industry()));
            });
        }
        return "portal/workbench";
    }
}
