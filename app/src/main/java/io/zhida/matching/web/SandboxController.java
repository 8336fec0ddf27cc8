package io.zhida.matching.web;

import io.zhida.catalog.ItemContent;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.engine.standard.IndustryCode;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.matching.PolicySandbox;
import io.zhida.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** 沙盘推演 page: a draft item's reach and cost before publication, two variants side by side. */
@AccessRule(roles = {Role.AUTHOR, Role.ADMIN, Role.REVIEWER, Role.DEPT_HEAD, Role.LEADER, Role.EVALUATOR}, scope = DataScope.CITY_FIGURES)
@Controller
class SandboxController {

    /** The form: variant A and optional B, and the budget they are measured against. */
    public static class Form {
        public String item = "";
        public String conditionA = "";
        public String formulaA = "";
        public BigDecimal capA;
        public String conditionB = "";
        public String formulaB = "";
        public BigDecimal capB;
        public BigDecimal budget;

        public void setItem(String v) { item = v; }
        public void setConditionA(String v) { conditionA = v; }
        public void setFormulaA(String v) { formulaA = v; }
        public void setCapA(BigDecimal v) { capA = v; }
        public void setConditionB(String v) { conditionB = v; }
        public void setFormulaB(String v) { formulaB = v; }
        public void setCapB(BigDecimal v) { capB = v; }
        public void setBudget(BigDecimal v) { budget = v; }

        boolean hasB() {
            return conditionB != null && !conditionB.isBlank();
        }
    }

    private final PolicySandbox sandbox;
    private final PolicyCatalog catalog;
    private final Organisations organisations;
    private final JsonMapper json;

    SandboxController(PolicySandbox sandbox, PolicyCatalog catalog, Organisations organisations, JsonMapper json) {
        this.sandbox = sandbox;
        this.catalog = catalog;
        this.organisations = organisations;
        this.json = json;
    }

    @GetMapping("/matching/sandbox")
    String page(@RequestParam(required = false) String item, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.SANDBOX.require(user);
        Form form = new Form();
        Optional<PolicyItem> chosen = item == null ? Optional.empty()
                : catalog.workingView().stream().filter(i -> i.code().equals(item)).findFirst();
        chosen.ifPresent(i -> {
            ItemContent c = i.content();
            form.item = i.code();
            form.conditionA = c.matchingCondition(); // with the item's industries and counties
            form.formulaA = c.amountFormula() == null ? "" : c.amountFormula();
            form.capA = c.cap();
            form.budget = c.annualBudget();
        });
        return render(model, form, List.of(), Map.of());
    }

    @PostMapping("/matching/sandbox")
    String run(@ModelAttribute Form form, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.SANDBOX.require(user);
        List<PolicySandbox.Variant> variants = new ArrayList<>();
        variants.add(new PolicySandbox.Variant("方案 A", form.conditionA, form.formulaA, form.capA));
        if (form.hasB()) {
            variants.add(new PolicySandbox.Variant("方案 B", form.conditionB,
                    form.formulaB == null || form.formulaB.isBlank() ? form.formulaA : form.formulaB,
                    form.capB == null ? form.capA : form.capB));
        }
        try {
            return render(model, form, sandbox.run(variants), Map.of());
        } catch (InvalidInputException e) {
            return render(model, form, List.of(), e.messagesByField());
        }
    }

    private String render(Model model, Form form, List<PolicySandbox.Outcome> outcomes, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("errors", errors);
        model.addAttribute("items", catalog.workingView());
        model.addAttribute("chartJson", outcomes.isEmpty() ? "null" : json.writeValueAsString(charts(outcomes)));
        return "matching/sandbox";
    }

    /** Series for ECharts, with names instead of codes. */
    private Map<String, Object> charts(List<PolicySandbox.Outcome> outcomes) {
        Map<String, String> regionNames = organisations.regionNames();
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("variants", outcomes.stream().map(PolicySandbox.Outcome::label).toList());
        charts.put("region", dimension(outcomes, PolicySandbox.Outcome::byRegion, k -> regionNames.getOrDefault(k, k)));
        charts.put("industry", dimension(outcomes, PolicySandbox.Outcome::byIndustry, IndustryCode::sectionName));
        charts.put("size", dimension(outcomes, PolicySandbox.Outcome::bySize, k -> k));
        return charts;
    }

    private static Map<String, Object> dimension(List<PolicySandbox.Outcome> outcomes,
                                                 java.util.function.Function<PolicySandbox.Outcome, Map<String, Integer>> counts,
                                                 java.util.function.Function<String, String> name) {
        List<String> keys = outcomes.stream().flatMap(o -> counts.apply(o).keySet().stream()).distinct().sorted().toList();
        return Map.of("categories", keys.stream().map(name).toList(),
                "series", outcomes.stream().map(o -> keys.stream().map(k -> counts.apply(o).getOrDefault(k, 0)).toList()).toList());
    }
}
