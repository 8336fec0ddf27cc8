package io.zhida.identity;

import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Regions (GB/T 2260) and departments: read by every module, edited by administrators. */
@Service
public class Organisations {

    public static final Map<String, String> REGION_LEVELS = Map.of("PROVINCE", "省", "CITY", "市", "COUNTY", "县（区）");
    public static final Map<String, String> DEPARTMENT_KINDS = Map.of(
            "GOVERNMENT", "政府部门", "SERVICE_CENTER", "政务服务中心（专窗）", "UTILITY", "公用事业单位");

    public record Region(String code, String name, String parentCode, String level) {
        public String levelLabel() {
            return REGION_LEVELS.getOrDefault(level, level);
        }
    }

    public record Department(long id, String code, String name, String regionCode, String regionName, String kind,
                             boolean active) {
        public String kindLabel() {
            return DEPARTMENT_KINDS.getOrDefault(kind, kind);
        }
    }

    private static final String DEPARTMENT_SELECT = """
            SELECT d.id, d.code, d.name, d.region_code, r.name AS region_name, d.kind, d.active
            FROM department d JOIN region r ON r.code = d.region_code""";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Organisations(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Region> regions() {
        return jdbc.sql("SELECT code, name, parent_code, level FROM region ORDER BY code").query(Region.class).list();
    }

    /** Region code → name, for pages that show codes as names. */
    public Map<String, String> regionNames() {
        Map<String, String> names = new java.util.HashMap<>();
        regions().forEach(r -> names.put(r.code(), r.name()));
        return names;
    }

    public List<Region> counties() {
        return regions().stream().filter(r -> "COUNTY".equals(r.level())).toList();
    }

    public Optional<Region> region(String code) {
        return jdbc.sql("SELECT code, name, parent_code, level FROM region WHERE code = :code")
                .param("code", code).query(Region.class).optional();
    }

    public List<Department> departments() {
        return jdbc.sql(DEPARTMENT_SELECT + " ORDER BY d.region_code, d.id").query(Department.class).list();
    }

    public Optional<Department> department(long id) {
        return jdbc.sql(DEPARTMENT_SELECT + " WHERE d.id = :id").param("id", id).query(Department.class).optional();
    }

    /** The code of the department a staff member belongs to, if any. */
    public Optional<String> departmentCodeOf(ZhidaUser user) {
        return user.departmentId() == null ? Optional.empty() : department(user.departmentId()).map(Department::code);
    }

    /** The name of an evaluated unit: a department by code, or a county by region code. */
    public String unitName(String kind, String code) {
        return "COUNTY".equals(kind) ? region(code).map(Region::name).orElse(code)
                : departmentByCode(code).map(Department::name).orElse(code);
    }

    /** Every evaluated unit's name in one pass, keyed by {@link Unit#key()}, for lists of many units. */
    public Map<String, String> unitNames() {
        Map<String, String> names = new java.util.HashMap<>();
        regions().forEach(r -> names.put(Unit.county(r.code()).key(), r.name()));
        departments().forEach(d -> names.put(Unit.department(d.code()).key(), d.name()));
        return names;
    }

    /** City-level departments and units: the ones the city evaluates (背靠背 targets). */
    public List<Department> cityDepartments() {
        java.util.Set<String> cities = new java.util.HashSet<>();
        regions().stream().filter(r -> r.level().equals("CITY")).forEach(r -> cities.add(r.code()));
        return departments().stream().filter(Department::active).filter(d -> cities.contains(d.regionCode())).toList();
    }

    public Optional<Department> departmentByCode(String code) {
        return jdbc.sql(DEPARTMENT_SELECT + " WHERE d.code = :code").param("code", code).query(Department.class).optional();
    }

    @Transactional
    public Region saveRegion(Region region, boolean creating) {
        Validation v = new Validation()
                .require(region.code() != null && region.code().matches("\\d{6}"), "code", "区划代码应为6位数字（GB/T 2260）")
                .requireText(region.name(), "name", "名称", 50)
                .require(REGION_LEVELS.containsKey(region.level()), "level", "级别应为 省、市 或 县（区）");
        if (region.parentCode() != null && !region.parentCode().isBlank()) {
            v.require(region(region.parentCode()).isPresent(), "parentCode", "上级区划不存在");
            v.require(!region.parentCode().equals(region.code()), "parentCode", "上级区划不能是自身");
        }
        Optional<Region> before = region.code() == null ? Optional.empty() : region(region.code());
        v.require(!creating || before.isEmpty(), "code", "区划代码已存在");
        v.require(creating || before.isPresent(), "code", "区划不存在");
        v.throwIfInvalid();
        String parent = region.parentCode() == null || region.parentCode().isBlank() ? null : region.parentCode();
        jdbc.sql("""
                INSERT INTO region (code, name, parent_code, level) VALUES (:code, :name, :parent, :level)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_code = EXCLUDED.parent_code, level = EXCLUDED.level""")
                .param("code", region.code()).param("name", region.name().trim()).param("parent", parent)
                .param("level", region.level()).update();
        Region after = region(region.code()).orElseThrow();
        audit.record(creating ? "region.create" : "region.update", "region", region.code(),
                (creating ? "新增区划 " : "修改区划 ") + after.name(), before.orElse(null), after);
        return after;
    }

    @Transactional
    public Department saveDepartment(Long id, String code, String name, String regionCode, String kind, boolean active) {
        Optional<Department> before = id == null ? Optional.empty() : department(id);
        Validation v = new Validation()
                .requireText(code, "code", "部门编码", 40)
                .requireText(name, "name", "部门名称", 100)
                .require(regionCode != null && region(regionCode).isPresent(), "regionCode", "所属区划不存在")
                .require(DEPARTMENT_KINDS.containsKey(kind), "kind", "单位类型无效");
        v.require(id == null || before.isPresent(), "id", "部门不存在");
        if (code != null) {
            departmentByCode(code.trim()).filter(other -> id == null || other.id() != id)
                    .ifPresent(other -> v.require(false, "code", "部门编码已被“" + other.name() + "”使用"));
        }
        v.throwIfInvalid();
        long savedId = id == null
                ? jdbc.sql("INSERT INTO department (code, name, region_code, kind, active) VALUES (:code, :name, :region, :kind, :active) RETURNING id")
                    .param("code", code.trim()).param("name", name.trim()).param("region", regionCode).param("kind", kind)
                    .param("active", active).query(Long.class).single()
                : update(id, code.trim(), name.trim(), regionCode, kind, active);
        Department after = department(savedId).orElseThrow(() -> new NotFoundException("部门不存在"));
        audit.record(id == null ? "department.create" : "department.update", "department", String.valueOf(savedId),
                (id == null ? "新增部门 " : "修改部门 ") + after.name(), before.orElse(null), after);
        return after;
    }

    private long update(long id, String code, String name, String regionCode, String kind, boolean active) {
        jdbc.sql("UPDATE department SET code = :code, name = :name, region_code = :region, kind = :kind, active = :active WHERE id = :id")
                .param("id", id).param("code", code).param("name", name).param("region", regionCode)
                .param("kind", kind).param("active", active).update();
        return id;
    }
}
