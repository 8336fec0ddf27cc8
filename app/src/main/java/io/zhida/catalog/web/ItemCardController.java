package io.zhida.catalog.web;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.QrCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 惠企政策明白卡: one page per online item with what an enterprise needs to know at a glance — who may apply, what it gets,
 * how, with which materials, by when, whom to ask — and a QR code to the item's 办事指南, for printing and for a phone.
 */
@AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
@Controller
class ItemCardController {

    private final PolicyCatalog catalog;
    private final Organisations organisations;
    private final String publicUrl;

    ItemCardController(PolicyCatalog catalog, Organisations organisations, @Value("${zhida.public-url:http://localhost:8080}") String publicUrl) {
        this.catalog = catalog;
        this.organisations = organisations;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/portal/items/{code}/card")
    String card(@PathVariable String code, Model model) {
        PolicyItem item = catalog.onlineItem(code).orElseThrow(() -> new NotFoundException("该政策事项不存在或已下线"));
        String guide = publicUrl + "/portal/items/" + item.code();
        model.addAttribute("c", item.content());
        model.addAttribute("departmentNames", item.content().departments().stream()
                .map(d -> organisations.departmentByCode(d).map(Organisations.Department::name).orElse(d)).toList());
        model.addAttribute("qr", QrCode.svg(guide));
        model.addAttribute("guide", guide);
        return "portal/card";
    }
}
