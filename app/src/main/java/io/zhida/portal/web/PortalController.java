package io.zhida.portal.web;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.identity.Organisations;
import io.zhida.identity.ZhidaUser;
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

    PortalController(EnterpriseProfiles enterprises, Organisations organisations, PolicyCatalog catalog) {
        this.enterprises = enterprises;
        this.organisations = organisations;
        this.catalog = catalog;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("enterpriseCount", enterprises.count());
        model.addAttribute("departmentCount", organisations.departments().size());
        model.addAttribute("countyCount", organisations.counties().size());
        var online = catalog.onlineItems();
        model.addAttribute("itemCount", online.size());
        model.addAttribute("noApplicationCount", online.stream()
                .filter(i -> i.content().mode() == io.zhida.catalog.HandlingMode.NO_APPLICATION).count());
        return "portal/home";
    }

    @GetMapping("/workbench")
    String workbench(@AuthenticationPrincipal ZhidaUser user, Model model) {
        if (user.enterpriseUscc() != null) {
            enterprises.find(user.enterpriseUscc()).ifPresent(e -> model.addAttribute("myEnterprise", e));
        }
        return "portal/workbench";
    }
}
