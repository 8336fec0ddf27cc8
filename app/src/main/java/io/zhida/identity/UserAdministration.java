package io.zhida.identity;

import io.zhida.engine.standard.Uscc;
import io.zhida.identity.internal.UserRows;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and maintaining people: roles, organisation, enterprise binding, login delays. Every change is audited. */
@Service
public class UserAdministration {

    /** Roles that act for a department and therefore need one. */
    public static final Set<Role> DEPARTMENT_ROLES = EnumSet.of(Role.CLERK, Role.REVIEWER, Role.DEPT_HEAD, Role.FINANCE, Role.AUTHOR,
            Role.AGENT);

    public record UserForm(String username, String displayName, String password, Set<Role> roles, String regionCode,
                           Long departmentId, String enterpriseUscc, String phone) {
    }

    public record UserSummary(long id, String username, String displayName, Set<Role> roles, String regionCode,
                              String regionName, Long departmentId, String departmentName, String enterpriseUscc,
                              String phone, boolean enabled, boolean loginDelayed, Instant createdAt) {
        public String roleLabels() {
            return String.join("、", roles.stream().map(Role::label).toList());
        }
    }

    private final JdbcClient jdbc;
    private final UserRows rows;
    private final PasswordEncoder passwords;
    private final Organisations organisations;
    private final AuditLog audit;

    UserAdministration(JdbcClient jdbc, UserRows rows, PasswordEncoder passwords, Organisations organisations, AuditLog audit) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.passwords = passwords;
        this.organisations = organisations;
        this.audit = audit;
    }

    public List<UserSummary> list(String query) {
        return rows.summaries(query);
    }

    /** Mobile numbers of a department's enabled staff in the given roles (for reminders by SMS). */
    public List<String> phonesOf(long departmentId, Set<Role> roles) {
        return rows.summaries(null).stream()
                .filter(u -> u.enabled() && u.departmentId() != null && u.departmentId() == departmentId)
                .filter(u -> u.phone() != null && !u.phone().isBlank() && u.roles().stream().anyMatch(roles::contains))
                .map(UserSummary::phone).toList();
    }

    public UserSummary get(long id) {
        return rows.summary(id).orElseThrow(() -> new NotFoundException("用户不存在"));
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    @Transactional
    public UserSummary create(UserForm form) {
        Validation v = validate(form, true);
        v.require(form.username() == null || rows.idOf(form.username()).isEmpty(), "username", "用户名已存在");
        v.throwIfInvalid();
        String region = regionOf(form);
        long id = jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, region_code, department_id, enterprise_uscc, phone)
                VALUES (:username, :name, :hash, :region, :dept, :uscc, :phone) RETURNING id""")
                .param("username", form.username().trim()).param("name", form.displayName().trim())
                .param("hash", passwords.encode(form.password())).param("region", region)
                .param("dept", form.departmentId()).param("uscc", blankToNull(form.enterpriseUscc()))
                .param("phone", blankToNull(form.phone())).query(Long.class).single();
        rows.replaceRoles(id, form.roles());
        UserSummary after = get(id);
        audit.record("user.create", "user", form.username(), "新增用户 " + after.displayName() + "（" + after.roleLabels() + "）", null, after);
        return after;
    }

    @Transactional
    public UserSummary update(long id, UserForm form) {
        UserSummary before = get(id);
        validate(form, false).throwIfInvalid();
        jdbc.sql("""
                UPDATE app_user SET display_name = :name, region_code = :region, department_id = :dept,
                       enterprise_uscc = :uscc, phone = :phone WHERE id = :id""")
                .param("id", id).param("name", form.displayName().trim()).param("region", regionOf(form))
                .param("dept", form.departmentId()).param("uscc", blankToNull(form.enterpriseUscc()))
                .param("phone", blankToNull(form.phone())).update();
        rows.replaceRoles(id, form.roles());
        if (form.password() != null && !form.password().isBlank()) {
            jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE id = :id")
                    .param("hash", passwords.encode(form.password())).param("id", id).update();
        }
        UserSummary after = get(id);
        audit.record("user.update", "user", before.username(), "修改用户 " + after.displayName(), before, after);
        return after;
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        UserSummary before = get(id);
        jdbc.sql("UPDATE app_user SET enabled = :enabled WHERE id = :id").param("enabled", enabled).param("id", id).update();
        jdbc.sql("DELETE FROM api_token WHERE user_id = :id AND NOT :enabled").param("id", id).param("enabled", enabled).update();
        audit.record(enabled ? "user.enable" : "user.disable", "user", before.username(),
                (enabled ? "启用用户 " : "停用用户 ") + before.displayName(), before, get(id));
    }

    /** Lifts the delays that failed logins put on this username, from every client address. */
    @Transactional
    public void unlock(long id) {
        UserSummary before = get(id);
        int addresses = jdbc.sql("DELETE FROM login_failure WHERE username = :username").param("username", before.username()).update();
        audit.record("user.unlock", "user", before.username(), "解除登录限制 " + before.displayName() + "（" + addresses + " 个地址）",
                before, get(id));
    }

    private Validation validate(UserForm form, boolean creating) {
        Validation v = new Validation();
        if (creating) {
            v.require(form.username() != null && form.username().matches("[A-Za-z0-9_.-]{3,50}"), "username",
                    "用户名为3–50位字母、数字、下划线、点或连字符");
            v.require(form.password() != null && form.password().length() >= 8, "password", "密码至少8位");
        } else {
            v.require(form.password() == null || form.password().isBlank() || form.password().length() >= 8, "password", "密码至少8位");
        }
        v.requireText(form.displayName(), "displayName", "姓名", 100);
        v.require(form.roles() != null && !form.roles().isEmpty(), "roles", "至少选择一个角色");
        Set<Role> roles = form.roles() == null ? Set.of() : form.roles();
        if (roles.contains(Role.ENTERPRISE)) {
            v.require(Uscc.isValid(form.enterpriseUscc()), "enterpriseUscc",
                    Uscc.problem(form.enterpriseUscc()).map(Uscc.Problem::message).orElse("统一社会信用代码无效"));
        }
        if (roles.stream().anyMatch(DEPARTMENT_ROLES::contains)) {
            v.require(form.departmentId() != null, "departmentId", "该角色须选择所属部门");
        }
        if (form.departmentId() != null) {
            v.require(organisations.department(form.departmentId()).isPresent(), "departmentId", "部门不存在");
        }
        if (form.regionCode() != null && !form.regionCode().isBlank()) {
            v.require(organisations.region(form.regionCode()).isPresent(), "regionCode", "区划不存在");
        }
        v.require(form.phone() == null || form.phone().isBlank() || form.phone().matches("1\\d{10}"), "phone", "手机号应为11位数字");
        return v;
    }

    /** A department fixes the region; otherwise the region given (or none: city level). */
    private String regionOf(UserForm form) {
        if (form.departmentId() != null) {
            return organisations.department(form.departmentId()).map(Organisations.Department::regionCode).orElse(null);
        }
        return blankToNull(form.regionCode());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
