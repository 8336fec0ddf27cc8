package io.zhida.evaluation.web;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.evaluation.ItemDecisions;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.FormActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 评估结论: evaluators record each item's mid-term or after-term decision; leaders and administrators read them. */
@AccessRule(roles = {Role.EVALUATOR, Role.LEADER, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@Controller
@RequestMapping("/evaluation/decisions")
class ItemDecisionController {

    private final ItemDecisions decisions;
    private final PolicyCatalog catalog;
    ItemDecisionController(ItemDecisions decisions, PolicyCatalog catalog) {
        this.decisions = decisions;
        this.catalog = catalog;
    }

    @GetMapping
    String page(@RequestParam(required = false) String item, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.EVALUATION_READING.require(user);
        var items = catalog.onlineItems();
        model.addAttribute("items", items);
        model.addAttribute("item", item);
        model.addAttribute("basis", item == null || item.isBlank() || catalog.published(item).isEmpty() ? null : decisions.basis(item));
        model.addAttribute("decisions", decisions.latest(200));
        model.addAttribute("canDecide", AccessPolicy.EVALUATION_WORK.allows(user));
        return "evaluation/decisions";
    }

    @PostMapping
    String decide(@RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "") String stage,
                  @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String reason,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) {
        return FormActions.run(() -> decisions.decide(user, item, stage, decision, reason),
                "已记录评估结论" + ("STOP".equals(decision) ? "，资金池已停止新增预留" : "ADJUST".equals(decision) ? "，事项已退回编制修订" : ""),
                "/evaluation/decisions", redirect);
    }
}
