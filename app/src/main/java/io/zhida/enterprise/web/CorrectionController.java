package io.zhida.enterprise.web;

import io.zhida.enterprise.AttributeCatalog;
import io.zhida.enterprise.Corrections;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 数据纠错: the request form on an enterprise's page, and the owner department's queue. */
@Controller
class CorrectionController {

    private final Corrections corrections;
    private final EnterpriseProfiles profiles;
    private final AttributeCatalog attributes;
    private final Organisations organisations;
    private final Clock clock;

    CorrectionController(Corrections corrections, EnterpriseProfiles profiles, AttributeCatalog attributes,
                         Organisations organisations, Clock clock) {
        this.clock = clock;
        this.corrections = corrections;
        this.profiles = profiles;
        this.attributes = attributes;
        this.organisations = organisations;
    }

    @AccessRule(audience = Audience.SIGNED_IN, scope = DataScope.OWN_COUNTY)
    @GetMapping("/enterprises/{uscc}/corrections/new")
    String form(@PathVariable String uscc, @RequestParam String attribute, @AuthenticationPrincipal ZhidaUser user, Model model) {
        return formPage(model, uscc, attribute, "", "", Map.of(), user);
    }

    @AccessRule(audience = Audience.SIGNED_IN, scope = DataScope.OWN_COUNTY)
    @PostMapping("/enterprises/{uscc}/corrections")
    String request(@PathVariable String uscc, @RequestParam String attribute, @RequestParam String proposedValue,
                   @RequestParam String reason, @AuthenticationPrincipal ZhidaUser user, Model model,
                   RedirectAttributes redirect) {
        try {
            corrections.request(uscc, attribute, proposedValue, reason, user);
            redirect.addFlashAttribute("message", "纠错申请已提交，数据责任部门核实后会在站内信中答复");
            return "redirect:/enterprises/" + uscc;
        } catch (InvalidInputException e) {
            return formPage(model, uscc, attribute, proposedValue, reason, e.messagesByField(), user);
        }
    }

    private String formPage(Model model, String uscc, String attribute, String proposed, String reason,
                            Map<String, String> errors, ZhidaUser user) {
        model.addAttribute("e", profiles.get(uscc, user));
        model.addAttribute("attribute", attribute);
        model.addAttribute("label", attributes.label(attribute));
        model.addAttribute("owner", attributes.owner(attribute).flatMap(o -> organisations.departmentByCode(o.departmentCode()))
                .map(Organisations.Department::name).orElse("数据责任部门"));
        model.addAttribute("proposedValue", proposed);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "enterprise/correction-form";
    }

    @AccessRule(audience = Audience.SIGNED_IN, scope = DataScope.OWN_DEPARTMENT)
    @GetMapping("/enterprises/corrections/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> exportQueue(@AuthenticationPrincipal ZhidaUser user) {
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("数据纠错申请", java.util.List.of("企业", "统一社会信用代码", "数据项", "现值", "申请更正为", "理由", "责任部门",
                "状态", "申请时间", "答复"))) {
            corrections.visibleTo(user).forEach(c -> sheet.row(c.enterpriseName(), c.uscc(), c.attributeLabel(), c.currentValue(), c.proposedValue(),
                    c.reason(), c.ownerDepartment(), c.statusLabel(), c.requestedAt().atZone(io.zhida.platform.Today.ZONE).toLocalDateTime(), c.answer()));
            return io.zhida.platform.Spreadsheet.download("数据纠错申请-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @AccessRule(audience = Audience.SIGNED_IN, scope = DataScope.OWN_DEPARTMENT)
    @GetMapping("/enterprises/corrections")
    String queue(@AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("items", corrections.visibleTo(user));
        model.addAttribute("currentUser", user); // the template reads it; the layout's own copy comes from the portal
        model.addAttribute("departmentNames", organisations.departments().stream()
                .collect(java.util.stream.Collectors.toMap(Organisations.Department::code, Organisations.Department::name)));
        return "enterprise/corrections";
    }

    @AccessRule(audience = Audience.STAFF, scope = DataScope.OWN_DEPARTMENT)
    @PostMapping("/enterprises/corrections/{id}")
    String decide(@PathVariable long id, @RequestParam String decision, @RequestParam(required = false) String answer,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) {
        try {
            if ("accept".equals(decision)) {
                corrections.accept(id, answer, user);
                redirect.addFlashAttribute("message", "已采纳纠错申请 #" + id + "，企业数据已更正并重新匹配政策");
            } else {
                corrections.reject(id, answer, user);
                redirect.addFlashAttribute("message", "已答复纠错申请 #" + id + "（不予更正）");
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/enterprises/corrections";
    }
}
