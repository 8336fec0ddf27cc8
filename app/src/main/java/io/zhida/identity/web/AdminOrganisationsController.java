package io.zhida.identity.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Organisations.Region;
import io.zhida.identity.Role;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrator pages for regions and departments. */
@AccessRule(roles = Role.ADMIN, scope = DataScope.WHOLE_CITY)
@Controller
@RequestMapping("/admin")
class AdminOrganisationsController {

    private final Organisations organisations;
    private final Clock clock;

    AdminOrganisationsController(Organisations organisations, Clock clock) {
        this.clock = clock;
        this.organisations = organisations;
    }

    @GetMapping("/departments/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> exportDepartments() {
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("部门与单位", java.util.List.of("编码", "名称", "区划", "类型", "启用"))) {
            organisations.departments().forEach(d -> sheet.row(d.code(), d.name(), d.regionName(), d.kindLabel(), d.active()));
            return io.zhida.platform.Spreadsheet.download("部门与单位-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping("/regions/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> exportRegions() {
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("行政区划", java.util.List.of("代码", "名称", "上级", "层级"))) {
            organisations.regions().forEach(r -> sheet.row(r.code(), r.name(), r.parentCode(), r.levelLabel()));
            return io.zhida.platform.Spreadsheet.download("行政区划-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping("/regions")
    String regions(Model model) {
        return regionsPage(model, new Region(null, null, null, "COUNTY"), false, Map.of());
    }

    @GetMapping("/regions/{code}")
    String editRegion(@PathVariable String code, Model model) {
        Region region = organisations.region(code).orElseThrow(() -> new NotFoundException("区划不存在"));
        return regionsPage(model, region, true, Map.of());
    }

    @PostMapping("/regions")
    String saveRegion(@RequestParam String code, @RequestParam String name, @RequestParam(required = false) String parentCode,
                      @RequestParam String level, @RequestParam(defaultValue = "false") boolean editing,
                      Model model, RedirectAttributes redirect) {
        Region region = new Region(code.trim(), name, parentCode, level);
        try {
            organisations.saveRegion(region, !editing);
            redirect.addFlashAttribute("message", "已保存区划 " + name);
            return "redirect:/admin/regions";
        } catch (InvalidInputException e) {
            return regionsPage(model, region, editing, AdminUsersController.errors(e));
        }
    }

    @GetMapping("/departments")
    String departments(Model model) {
        return departmentsPage(model, null, Map.of());
    }

    @GetMapping("/departments/{id}")
    String editDepartment(@PathVariable long id, Model model) {
        return departmentsPage(model, organisations.department(id).orElseThrow(() -> new NotFoundException("部门不存在")), Map.of());
    }

    @PostMapping("/departments")
    String saveDepartment(@RequestParam(required = false) Long id, @RequestParam String code, @RequestParam String name,
                          @RequestParam String regionCode, @RequestParam String kind,
                          @RequestParam(defaultValue = "false") boolean active, Model model, RedirectAttributes redirect) {
        try {
            organisations.saveDepartment(id, code, name, regionCode, kind, active);
            redirect.addFlashAttribute("message", "已保存部门 " + name);
            return "redirect:/admin/departments";
        } catch (InvalidInputException e) {
            var draft = new Organisations.Department(id == null ? 0 : id, code, name, regionCode, null, kind, active);
            return departmentsPage(model, draft, AdminUsersController.errors(e));
        }
    }

    private String regionsPage(Model model, Region form, boolean editing, Map<String, String> errors) {
        model.addAttribute("regions", organisations.regions());
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("levels", Organisations.REGION_LEVELS);
        model.addAttribute("errors", errors);
        return "admin/regions";
    }

    private String departmentsPage(Model model, Organisations.Department form, Map<String, String> errors) {
        model.addAttribute("departments", organisations.departments());
        model.addAttribute("regions", organisations.regions());
        model.addAttribute("kinds", Organisations.DEPARTMENT_KINDS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/departments";
    }
}
