package io.zhida.catalog.web;

import io.zhida.catalog.PolicyCalculator;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.RuleBook;
import io.zhida.engine.rule.Attribute;
import io.zhida.engine.rule.AttributeType;
import io.zhida.engine.rule.InvalidAttributeException;
import io.zhida.catalog.internal.CalculatorRateLimit;
import io.zhida.platform.ClientAddress;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 政策计算器 on the portal: choose an item, fill in only the figures its rules read, see the answer clause by clause. */
@AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
@Controller
class CalculatorPageController {

    /** Derived attributes are asked for through the base figures they come from. */
    private static final Map<String, List<String>> INPUTS_OF_DERIVED = Map.of(
            "scale", List.of("industry", "employees", "revenue", "total_assets"),
            "rd_ratio", List.of("rd_expense", "revenue"),
            "revenue_growth", List.of("revenue", "revenue_prev"),
            "founded_year", List.of("founded"));
    static final List<String> KNOWN_QUALIFICATIONS = List.of("高新技术企业", "科技型中小企业", "专精特新中小企业",
            "专精特新\"小巨人\"企业", "创新型中小企业", "规上企业");

    private final PolicyCatalog catalog;
    private final PolicyCalculator calculator;
    private final RuleBook rules;
    private final CalculatorRateLimit rateLimit;

    CalculatorPageController(PolicyCatalog catalog, PolicyCalculator calculator, RuleBook rules, CalculatorRateLimit rateLimit) {
        this.catalog = catalog;
        this.calculator = calculator;
        this.rules = rules;
        this.rateLimit = rateLimit;
    }

    @GetMapping("/portal/calculator")
    String page(@RequestParam(required = false) String item, Model model) {
        model.addAttribute("items", catalog.onlineItems());
        if (item != null && !item.isBlank()) {
            var compiled = calculator.compiledOnline(item);
            model.addAttribute("item", compiled.item());
            model.addAttribute("fields", fieldsFor(compiled));
            model.addAttribute("qualifications", KNOWN_QUALIFICATIONS);
        }
        return "portal/calculator";
    }

    @PostMapping("/portal/calculator")
    String calculate(@RequestParam String item, @RequestParam MultiValueMap<String, String> form, Model model, HttpServletRequest request) {
        var compiled = calculator.compiledOnline(item);
        model.addAttribute("item", compiled.item());
        try {
            rateLimit.acquire(ClientAddress.of(request));
            Map<String, Object> enterprise = enterprise(fieldsFor(compiled), form);
            model.addAttribute("result", calculator.calculate(item, enterprise, PolicyCatalog.today()));
            model.addAttribute("schema", rules.compiler().schema());
        } catch (InvalidAttributeException | NumberFormatException | TooManyRequestsException | io.zhida.platform.InvalidInputException e) {
            model.addAttribute("inputError", e instanceof NumberFormatException ? "请填写有效的数字" : e.getMessage());
        }
        return "portal/calculator :: result";
    }

    private List<Attribute> fieldsFor(PolicyCalculator.CompiledItem compiled) {
        Set<String> names = new LinkedHashSet<>(compiled.condition().attributes());
        if (compiled.formula() != null) {
            names.addAll(compiled.formula().attributes());
        }
        Set<String> inputs = new LinkedHashSet<>();
        for (String name : names) {
            inputs.addAll(INPUTS_OF_DERIVED.getOrDefault(name, List.of(name)));
        }
        List<Attribute> fields = new ArrayList<>();
        for (String name : inputs) {
            fields.add(rules.compiler().schema().find(name).orElseThrow(() -> new NotFoundException(name)));
        }
        return fields;
    }

    /** Form strings to typed values; an empty field is a figure the enterprise does not have. */
    private static Map<String, Object> enterprise(List<Attribute> fields, MultiValueMap<String, String> form) {
        Map<String, Object> values = new HashMap<>();
        for (Attribute a : fields) {
            List<String> raw = form.getOrDefault("e." + a.name(), List.of()).stream().filter(s -> !s.isBlank()).toList();
            if (a.type() == AttributeType.STRING_LIST) {
                if (form.containsKey("e." + a.name() + ".present")) {
                    values.put(a.name(), raw.stream().flatMap(s -> List.of(s.split("[,，、]")).stream()).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList());
                }
                continue;
            }
            if (raw.isEmpty()) {
                continue;
            }
            String v = raw.get(0).strip();
            values.put(a.name(), switch (a.type()) {
                case INT -> Long.parseLong(v);
                case DOUBLE -> io.zhida.platform.Inputs.optionalDecimal(v, "e." + a.name(), a.label()).doubleValue();
                case BOOL -> Boolean.parseBoolean(v);
                default -> v;
            });
        }
        return values;
    }
}
