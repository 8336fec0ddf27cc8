package io.zhida.identity.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.identity.UserAdministration.UserForm;
import io.zhida.platform.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrator pages for people: list, create, edit roles and organisation, enable, lift login delays. */
@AccessRule(roles = Role.ADMIN, scope = DataScope.WHOLE_CITY)
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

    /** Form backing object; Spring binds the role check boxes to the set. */
    static class UserFormData {
        public String username;
        public String displayName;
        public String password;
        public Set<Role> roles = EnumSet.noneOf(Role.class);
        public String regionCode;
        public Long departmentId;
        public String enterpriseUscc;
        public String phone;

        public void setUsername(String v) { username = v; }
        public void setDisplayName(String v) { displayName = v; }
        public void setPassword(String v) { password = v; }
        public void setRoles(Set<Role> v) { roles = v == null ? EnumSet.noneOf(Role.class) : v; }
        public void setRegionCode(String v) { regionCode = v; }
        public void setDepartmentId(Long v) { departmentId = v; }
        public void setEnterpriseUscc(String v) { enterpriseUscc = v; }
        public void setPhone(String v) { phone = v; }
        public String getUsername() { return username; }
        public String getDisplayName() { return displayName; }
        public Set<Role> getRoles() { return roles; }
        public String getRegionCode() { return regionCode; }
        public Long getDepartmentId() { return departmentId; }
        public String getEnterpriseUscc() { return enterpriseUscc; }
        public String getPhone() { return phone; }

        UserForm toForm() {
            return new UserForm(username, displayName, password, roles, regionCode, departmentId, enterpriseUscc, phone);
        }
    }

    private final UserAdministration users;
    private final Organisations organisations;
    private final Clock clock;

    AdminUsersController(UserAdministration users, Organisations organisations, Clock clock) {
        this.clock = clock;
        this.users = users;
        this.organisations = organisations;
    }

    @GetMapping("/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) String q) {
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("用户", java.util.List.of("用户名", "姓名", "角色", "区划",
                "部门", "企业", "手机", "启用", "登录受限", "创建时间"))) {
            users.list(q).forEach(u -> sheet.row(u.username(), u.displayName(), u.roleLabels(), u.regionName(), u.departmentName(),
                    u.enterpriseUscc(), u.phone(), u.enabled(), u.loginDelayed(), u.createdAt().atZone(io.zhida.platform.Today.ZONE).toLocalDateTime()));
            return io.zhida.platform.Spreadsheet.download("用户-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("users", users.list(q));
        model.addAttribute("q", q);
        return "admin/users";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        return form(model, new UserFormData(), null, Map.of());
    }

    @PostMapping
    String create(@ModelAttribute("form") UserFormData form, Model model, RedirectAttributes redirect) {
        try {
            var created = users.create(form.toForm());
            redirect.addFlashAttribute("message", "已新增用户 " + created.displayName());
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            return form(model, form, null, errors(e));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        var user = users.get(id);
        UserFormData form = new UserFormData();
        form.username = user.username();
        form.displayName = user.displayName();
        form.roles = user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles());
        form.regionCode = user.regionCode();
        form.departmentId = user.departmentId();
        form.enterpriseUscc = user.enterpriseUscc();
        form.phone = user.phone();
        return form(model, form, user, Map.of());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") UserFormData form, Model model, RedirectAttributes redirect) {
        try {
            users.update(id, form.toForm());
            redirect.addFlashAttribute("message", "已保存 " + form.displayName);
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            return form(model, form, users.get(id), errors(e));
        }
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        users.setEnabled(id, enabled);
        redirect.addFlashAttribute("message", enabled ? "已启用" : "已停用");
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        users.unlock(id);
        redirect.addFlashAttribute("message", "已解除登录限制");
        return "redirect:/admin/users";
    }

    private String form(Model model, UserFormData form, UserAdministration.UserSummary existing, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("regions", organisations.regions());
        model.addAttribute("departments", organisations.departments());
        return "admin/user-form";
    }

    static Map<String, String> errors(InvalidInputException e) {
        return e.errors().stream().collect(Collectors.toMap(InvalidInputException.FieldError::field,
                InvalidInputException.FieldError::message, (a, b) -> a));
    }
}
