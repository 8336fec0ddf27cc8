package io.zhida.funds.web;

import io.zhida.funds.Disclosure;
import io.zhida.funds.Grants;
import io.zhida.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 公示 on the public portal, with the objection channel; no login needed. */
@Controller
class DisclosureController {

    private final Disclosure disclosure;
    private final Grants grants;

    DisclosureController(Disclosure disclosure, Grants grants) {
        this.disclosure = disclosure;
        this.grants = grants;
    }

    @GetMapping("/portal/disclosures")
    String list(@RequestParam(required = false) String item, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("grants", disclosure.published(item, q));
        model.addAttribute("q", q);
        model.addAttribute("days", grants.disclosureDays());
        return "funds/disclosures";
    }

    @PostMapping("/portal/disclosures/{grantId}/objections")
    String object(@PathVariable long grantId, @RequestParam(required = false) String name, @RequestParam(required = false) String contact,
                  @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            disclosure.object(grantId, name, contact, reason);
            flash.addFlashAttribute("message", "异议已收到，财政部门将核实处理并答复您");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", String.join("；", e.messagesByField().values()));
        }
        return "redirect:/portal/disclosures";
    }
}
