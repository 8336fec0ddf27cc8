package io.zhida.enterprise.web;

import io.zhida.enterprise.AttributeCatalog;
import io.zhida.enterprise.TagRules;
import io.zhida.enterprise.imports.EnterpriseImports;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators' pages for enterprise data: imports with progress, declared attributes, tag rules. */
@AccessRule(roles = Role.ADMIN, scope = DataScope.WHOLE_CITY)
@Controller
class EnterpriseDataController {

    private final EnterpriseImports imports;
    private final AttributeCatalog attributes;
    private final TagRules tagRules;
    private final Organisations organisations;
    private final Clock clock;

    EnterpriseDataController(EnterpriseImports imports, AttributeCatalog attributes, TagRules tagRules,
                             Organisations organisations, Clock clock) {
        this.clock = clock;
        this.imports = imports;
        this.attributes = attributes;
        this.tagRules = tagRules;
        this.organisations = organisations;
    }

    @GetMapping("/enterprises/imports/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> exportImports(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.ADMINISTRATION.require(user);
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("企业数据导入", java.util.List.of("编号", "文件", "来源系统", "数据日期", "状态", "读取", "新增", "更新", "未变", "拒收",
                "说明", "导入人", "开始", "结束"))) {
            imports.recent(10_000).forEach(i -> sheet.row(i.id(), i.fileName(), i.sourceSystem(), i.asOf(), i.state(), i.rowsRead(), i.created(),
                    i.updated(), i.unchanged(), i.rejected(), i.message(), i.startedBy(), i.startedAt().atZone(io.zhida.platform.Today.ZONE).toLocalDateTime(),
                    i.finishedAt() == null ? null : i.finishedAt().atZone(io.zhida.platform.Today.ZONE).toLocalDateTime()));
            return io.zhida.platform.Spreadsheet.download("企业数据导入-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping("/enterprises/tag-rules/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> exportTagRules(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.ADMINISTRATION.require(user);
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("企业标签规则", java.util.List.of("标签", "规则", "说明", "修改人", "修改时间"))) {
            tagRules.all().forEach(r -> sheet.row(r.tag(), r.condition(), r.description(), r.updatedBy(), r.updatedAt().atZone(io.zhida.platform.Today.ZONE).toLocalDateTime()));
            return io.zhida.platform.Spreadsheet.download("企业标签规则-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping("/enterprises/attributes/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> exportAttributes(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.ADMINISTRATION.require(user);
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("企业属性", java.util.List.of("属性名", "名称", "类型", "单位", "派生"))) {
            attributes.schema().all().forEach(a -> sheet.row(a.name(), a.label(), a.type().name(), a.unit(), a.derived()));
            return io.zhida.platform.Spreadsheet.download("企业属性-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping("/enterprises/imports")
    String imports(@AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.ADMINISTRATION.require(user);
        model.addAttribute("imports", imports.recent(30));
        model.addAttribute("today", LocalDate.now(clock));
        return "enterprise/imports";
    }

    @PostMapping("/enterprises/imports")
    String startImport(@RequestParam MultipartFile file, @RequestParam String source,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                       @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) throws IOException {
        AccessPolicy.ADMINISTRATION.require(user);
        try {
            if (file.isEmpty()) {
                throw new InvalidInputException("file", "请选择要导入的文件");
            }
            long id = imports.start(file.getOriginalFilename(), EnterpriseApiController.received(file), source, asOf, user);
            return "redirect:/enterprises/imports/" + id;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().stream().map(InvalidInputException.FieldError::message)
                    .collect(Collectors.joining("；")));
            return "redirect:/enterprises/imports";
        }
    }

    @GetMapping("/enterprises/imports/{id}")
    String importDetail(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.ADMINISTRATION.require(user);
        EnterpriseImports.Status status = imports.status(id);
        model.addAttribute("s", status);
        model.addAttribute("errors", status.running() ? java.util.List.of() : imports.errors(id));
        return "enterprise/import";
    }

    /** Polled by the progress bar. */
    @GetMapping("/enterprises/imports/{id}/status")
    @ResponseBody
    EnterpriseImports.Status importStatus(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.ADMINISTRATION.require(user);
        return imports.status(id);
    }

    @GetMapping("/enterprises/attributes")
    String attributes(@AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.ADMINISTRATION.require(user);
        return attributesPage(model, Map.of(), new AttributeCatalog.Declared("", "", "double", "", "", "", ""));
    }

    @PostMapping("/enterprises/attributes")
    String declare(AttributeForm form, @AuthenticationPrincipal ZhidaUser user, Model model, RedirectAttributes redirect) {
        AccessPolicy.ADMINISTRATION.require(user);
        AttributeCatalog.Declared declared = new AttributeCatalog.Declared(form.name(), form.label(), form.celType(), form.unit(),
                form.sourceSystem(), form.ownerDepartment(), user.getUsername());
        try {
            attributes.declare(declared, user);
            redirect.addFlashAttribute("message", "已声明属性 " + form.name() + "，规则中可写 e." + form.name());
            return "redirect:/enterprises/attributes";
        } catch (InvalidInputException e) {
            return attributesPage(model, e.messagesByField(), declared);
        }
    }

    record AttributeForm(String name, String label, String celType, String unit, String sourceSystem, String ownerDepartment) {
    }

    private String attributesPage(Model model, Map<String, String> errors, AttributeCatalog.Declared form) {
        model.addAttribute("schema", attributes.schema().all());
        model.addAttribute("declared", attributes.declared());
        Map<String, String> sources = new java.util.HashMap<>();
        attributes.schema().all().forEach(a -> sources.put(a.name(),
                attributes.owner(a.name()).map(AttributeCatalog.Owner::sourceSystem).orElse("由平台计算")));
        model.addAttribute("sources", sources);
        model.addAttribute("declaredNames", attributes.declared().stream().map(AttributeCatalog.Declared::name).toList());
        model.addAttribute("departments", organisations.departments());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "enterprise/attributes";
    }

    @GetMapping("/enterprises/tag-rules")
    String tagRules(@AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.ADMINISTRATION.require(user);
        return tagRulesPage(model, Map.of(), "", "", "");
    }

    @PostMapping("/enterprises/tag-rules")
    String saveTagRule(@RequestParam String tag, @RequestParam String condition, @RequestParam(required = false) String description,
                       @AuthenticationPrincipal ZhidaUser user, Model model, RedirectAttributes redirect) {
        AccessPolicy.ADMINISTRATION.require(user);
        try {
            int changed = tagRules.save(tag, condition, description, user).size();
            redirect.addFlashAttribute("message", "已保存标签规则“" + tag.trim() + "”，" + changed + " 户企业的标签随之变化");
            return "redirect:/enterprises/tag-rules";
        } catch (InvalidInputException e) {
            return tagRulesPage(model, e.messagesByField(), tag, condition, description);
        }
    }

    @PostMapping("/enterprises/tag-rules/delete")
    String deleteTagRule(@RequestParam String tag, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) {
        int changed = tagRules.delete(tag, user).size();
        redirect.addFlashAttribute("message", "已删除标签规则“" + tag + "”，" + changed + " 户企业的标签随之变化");
        return "redirect:/enterprises/tag-rules";
    }

    private String tagRulesPage(Model model, Map<String, String> errors, String tag, String condition, String description) {
        model.addAttribute("rules", tagRules.all());
        model.addAttribute("errors", errors);
        model.addAttribute("tag", tag);
        model.addAttribute("condition", condition);
        model.addAttribute("description", description);
        return "enterprise/tag-rules";
    }
}
