package io.zhida.funds.web;

import io.zhida.funds.Disclosure;
import io.zhida.funds.Grants;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.platform.ClientAddress;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.PageQuery;
import io.zhida.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 公示 on the public portal, with the objection channel and the objections' states (never who made them); no login needed. */
@AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
@Controller
class DisclosureController {

    private final Disclosure disclosure;
    private final Grants grants;
    private final Clock clock;

    DisclosureController(Disclosure disclosure, Grants grants, Clock clock) {
        this.clock = clock;
        this.disclosure = disclosure;
        this.grants = grants;
    }

    @GetMapping("/portal/disclosures")
    String list(@RequestParam(required = false) String item, @RequestParam(required = false) String q, PageQuery page, Model model) {
        var published = disclosure.published(item, q).page(page);
        model.addAttribute("grants", published);
        model.addAttribute("objectionStates", disclosure.publicStates(published.rows().stream().map(io.zhida.funds.Grant::id).toList()));
        model.addAttribute("noObjections", java.util.List.of());
        model.addAttribute("item", item == null || item.isBlank() ? null : item);
        model.addAttribute("q", q);
        model.addAttribute("days", grants.disclosureDays());
        return "funds/disclosures";
    }

    /** The whole published list (not one page) as a spreadsheet: what anyone may see on the page, credit codes masked. */
    @GetMapping("/portal/disclosures/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) String item, @RequestParam(required = false) String q) {
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("资金公示", java.util.List.of("企业名称", "统一社会信用代码",
                "政策事项", "年度", "金额（元）", "方式", "公示起", "公示止"))) {
            disclosure.published(item, q).all().forEach(g -> sheet.row(g.enterpriseName(), g.maskedUscc(), g.itemName(), g.period(), g.amount(),
                    g.route().label(), g.disclosureFrom(), g.disclosureUntil()));
            return io.zhida.platform.Spreadsheet.download("惠企资金公示-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    /** Over a limit the page itself comes back as 429 with the reason, so a person reads it and a script sees the status. */
    @PostMapping("/portal/disclosures/{grantId}/objections")
    String object(@PathVariable long grantId, @RequestParam(required = false) String name, @RequestParam(required = false) String contact,
                  @RequestParam(required = false) String reason, HttpServletRequest request, HttpServletResponse response,
                  Model model, RedirectAttributes flash) {
        try {
            disclosure.object(grantId, name, contact, reason, ClientAddress.of(request));
            flash.addFlashAttribute("message", "异议已收到。财政部门或事项主管部门受理核查后，将通过您留下的联系方式答复");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", String.join("；", e.messagesByField().values()));
        } catch (TooManyRequestsException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            model.addAttribute("error", e.getMessage());
            return list(null, null, PageQuery.first(), model);
        }
        return "redirect:/portal/disclosures";
    }
}
