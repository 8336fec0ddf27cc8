package io.zhida.catalog.web;

import io.zhida.catalog.ImportRejectedException;
import io.zhida.catalog.ItemContent;
import io.zhida.catalog.PolicyAuthoring;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.catalog.RuleBook;
import io.zhida.engine.rule.RuleCompilationException;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.TextFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Policy authors' pages: the item list, the editor with the condition builder, import and export. */
@AccessRule(roles = {Role.AUTHOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@Controller
@RequestMapping("/catalog/items")
class AuthoringController {

    private final PolicyCatalog catalog;
    private final PolicyAuthoring authoring;
    private final PolicyLibraryExchange exchange;
    private final Organisations organisations;
    private final RuleBook rules;
    private final tools.jackson.databind.json.JsonMapper json;

    AuthoringController(PolicyCatalog catalog, PolicyAuthoring authoring, PolicyLibraryExchange exchange,
                        Organisations organisations, RuleBook rules, tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.catalog = catalog;
        this.authoring = authoring;
        this.exchange = exchange;
        this.organisations = organisations;
        this.rules = rules;
    }

    @ModelAttribute
    void onlyAuthors(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.POLICY_AUTHORING.require(user);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("items", catalog.workingView());
        model.addAttribute("today", PolicyCatalog.today());
        return "catalog/items";
    }

    @GetMapping("/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> exportList() {
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("政策事项", java.util.List.of("事项编码", "事项名称", "版本",
                "状态", "办理方式", "办理部门", "奖补类型", "政策依据", "有效期至", "年度预算（元）"))) {
            for (io.zhida.catalog.PolicyItem i : catalog.workingView()) {
                var c = i.content();
                sheet.row(i.code(), c.name(), i.version(), i.statusLabel(PolicyCatalog.today()), c.mode().label(), String.join("、", c.departments()),
                        c.benefitType(), c.documentNumber(), c.validTo(), c.annualBudget());
            }
            return io.zhida.platform.Spreadsheet.download("政策事项-" + PolicyCatalog.today() + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping("/new")
    String newItem(Model model) {
        return editor(model, new ItemForm(), true, Map.of());
    }

    @GetMapping("/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        var item = catalog.workingView().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("事项不存在：" + code));
        model.addAttribute("item", item);
        return editor(model, ItemForm.of(item.content()), false, Map.of());
    }

    @PostMapping
    String save(@ModelAttribute("form") ItemForm form, @RequestParam(defaultValue = "false") boolean creating,
                @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
        try {
            authoring.saveDraft(form.toContent());
            if ("submit".equals(action)) {
                authoring.submitForReview(form.code.strip());
                redirect.addFlashAttribute("message", "已保存并提交标准化审查：" + form.name);
            } else {
                redirect.addFlashAttribute("message", "已保存草稿：" + form.name);
            }
            return "redirect:/catalog/items";
        } catch (InvalidInputException e) {
            return editor(model, form, creating, e.errors().stream().collect(Collectors.toMap(
                    InvalidInputException.FieldError::field, InvalidInputException.FieldError::message, (a, b) -> a + "；" + b)));
        }
    }

    /** htmx: checks a condition or formula as the author types, answering with positions in Chinese. */
    @PostMapping("/check")
    String check(@RequestParam(defaultValue = "condition") String kind, @RequestParam(required = false) String condition,
                 @RequestParam(required = false) String amountFormula, Model model) {
        String expression = "formula".equals(kind) ? amountFormula : condition;
        if ("formula".equals(kind) && (expression == null || expression.isBlank())) {
            model.addAttribute("ok", true);
            model.addAttribute("attributes", java.util.List.of("（无公式：金额以审核为准）"));
            return "catalog/check :: result";
        }
        try {
            var attributes = "formula".equals(kind) ? rules.compiler().formula(expression).attributes()
                    : rules.compiler().condition(expression).attributes();
            model.addAttribute("ok", true);
            model.addAttribute("attributes", attributes.stream().map(rules.compiler().schema()::label).toList());
        } catch (RuleCompilationException e) {
            model.addAttribute("ok", false);
            model.addAttribute("errors", e.errors());
        }
        return "catalog/check :: result";
    }

    @PostMapping("/{code}/submit")
    String submit(@PathVariable String code, RedirectAttributes redirect) {
        return act(redirect, () -> authoring.submitForReview(code), "已提交标准化审查");
    }

    @PostMapping("/{code}/revise")
    String revise(@PathVariable String code, RedirectAttributes redirect) {
        try {
            authoring.revise(code);
            return "redirect:/catalog/items/" + code + "/edit";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
            return "redirect:/catalog/items";
        }
    }

    @PostMapping("/{code}/abolish")
    String abolish(@PathVariable String code, @RequestParam String reason, RedirectAttributes redirect) {
        return act(redirect, () -> authoring.abolish(code, reason), "已废止 " + code);
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"policy-library.yaml\"")
                .header(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=UTF-8")
                .body(exchange.exportYaml().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/import")
    String importFile(@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        if (file.getSize() > 20L * 1024 * 1024) {
            redirect.addFlashAttribute("error", "政策库文件不能超过 20 MB");
            return "redirect:/catalog/items";
        }
        try {
            var report = exchange.importYaml(TextFiles.decode(file.getBytes(), "file"), false);
            redirect.addFlashAttribute("message", "已导入 " + report.documents() + " 个政策文件、" + report.items() + " 个事项（草稿）");
            return "redirect:/catalog/items";
        } catch (ImportRejectedException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("fileName", file.getOriginalFilename());
            return list(model);
        } catch (InvalidInputException e) { // an encoding that is neither UTF-8 nor GBK
            redirect.addFlashAttribute("error", e.errors().get(0).message());
            return "redirect:/catalog/items";
        }
    }

    private String act(RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/catalog/items";
    }

    private String editor(Model model, ItemForm form, boolean creating, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("errors", errors);
        model.addAttribute("departments", organisations.departments());
        model.addAttribute("documents", catalog.documents());
        model.addAttribute("modes", io.zhida.catalog.HandlingMode.values());
        model.addAttribute("benefitTypes", ItemContent.BENEFIT_TYPES);
        model.addAttribute("attributesJson", json.writeValueAsString(rules.compiler().schema().all().stream()
                .filter(a -> !a.name().equals("uscc") && !a.name().equals("name"))
                .sorted(java.util.Comparator.comparing(io.zhida.engine.rule.Attribute::name))
                .map(a -> Map.of("name", a.name(), "label", a.label(), "type", a.type().name(), "unit", a.unit())).toList()));
        return "catalog/editor";
    }
}
