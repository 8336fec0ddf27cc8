package io.zhida.enterprise;

import io.zhida.engine.rule.Attribute;
import io.zhida.engine.rule.AttributeSchema;
import io.zhida.engine.rule.AttributeType;
import io.zhida.engine.rule.DataStandard;
import io.zhida.engine.rule.RuleCompiler;
import io.zhida.enterprise.internal.AttributeRows;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attributes an enterprise has: the data standard's plus those an administrator declares, who owns
 * each one's data (where a correction request goes), and the one rule compiler typed against them all.
 */
@Service
public class AttributeCatalog {

    /** An attribute beyond the data standard. {@code celType} is string, int, double, bool, date or list(string). */
    public record Declared(String name, String label, String celType, String unit, String sourceSystem,
                           String ownerDepartment, String declaredBy) {
    }

    /** Which system supplies an attribute and which department answers for it. */
    public record Owner(String sourceSystem, String departmentCode) {
    }

    private static final List<String> TYPES = List.of("string", "int", "double", "bool", "date", "list(string)");

    private final AttributeRows rows;
    private final Organisations organisations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    /** The declared attributes and the compiler typed against them, read once and replaced on a declaration. */
    private record Snapshot(List<Declared> declared, RuleCompiler compiler) {
    }

    private volatile Snapshot snapshot;

    AttributeCatalog(AttributeRows rows, Organisations organisations, AuditLog audit, ApplicationEventPublisher events) {
        this.rows = rows;
        this.organisations = organisations;
        this.audit = audit;
        this.events = events;
    }

    /** The compiler typed against the standard and every declared attribute; replaced when one is declared. */
    public RuleCompiler compiler() {
        return snapshot().compiler();
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    List<Declared> declared = List.copyOf(rows.all());
                    Map<String, String> regions = Map.copyOf(organisations.regionNames()); // as of this snapshot
                    io.zhida.engine.rule.CodeNames names = io.zhida.engine.rule.CodeNames.INDUSTRIES.or((attribute, code) ->
                            attribute.equals("region") ? java.util.Optional.ofNullable(regions.get(code)) : java.util.Optional.empty());
                    snapshot = new Snapshot(declared, new RuleCompiler(schemaOf(declared), names));
                }
                s = snapshot;
            }
        }
        return s;
    }

    public AttributeSchema schema() {
        return compiler().schema();
    }

    public List<Declared> declared() {
        return snapshot().declared();
    }

    public Optional<Declared> findDeclared(String name) {
        return declared().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The Chinese name of an attribute or contact field. */
    /**
     * A value as people read it: 是/否, a code with its name (C1391 农副食品加工业, 青山县), amounts grouped with
     * their unit, ratios in per cent, lists joined.
     */
    public String display(String name, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.isEmpty() ? "无" : String.join("、", list.stream().map(Object::toString).toList());
        }
        if (name.equals("industry")) {
            return io.zhida.engine.standard.IndustryCode.name(value.toString()).map(n -> value + " " + n).orElse(value.toString());
        }
        if (name.equals("region")) {
            String region = organisations.regionNames().get(value.toString());
            return region == null ? value.toString() : region;
        }
        io.zhida.engine.rule.Attribute a = schema().find(name).orElse(null);
        if (value instanceof Number n && a != null) {
            java.math.BigDecimal d = new java.math.BigDecimal(n.toString());
            if (a.isRatio()) {
                return d.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            }
            String number = d.stripTrailingZeros().scale() <= 0 ? String.format("%,d", d.toBigInteger())
                    : String.format("%,.2f", d);
            return a.unit().isEmpty() ? number : number + " " + a.unit();
        }
        return value.toString();
    }

    public String label(String name) {
        return DataStandard.find(name).map(DataStandard.Entry::label).orElseGet(() -> schema().label(name));
    }

    /** The owner of an attribute's data; unknown names have none. */
    public Optional<Owner> owner(String attribute) {
        Optional<DataStandard.Entry> standard = DataStandard.find(attribute);
        if (standard.isPresent()) {
            return Optional.ofNullable(standard.get().source()).map(s -> new Owner(s.system(), s.departmentCode()));
        }
        return findDeclared(attribute).map(d -> new Owner(d.sourceSystem(), d.ownerDepartment()));
    }

    /** Declares a new attribute (administrators only); rules can use it at once, values arrive by import. */
    @Transactional
    public Declared declare(Declared form, ZhidaUser user) {
        if (!user.has(Role.ADMIN)) {
            throw new AccessDeniedException("administrators declare attributes");
        }
        String name = form.name() == null ? "" : form.name().trim();
        Validation v = new Validation()
                .require(name.matches("[a-z][a-z0-9_]{1,39}"), "name", "属性名须为小写字母开头的 2–40 位字母、数字或下划线，如 green_factory_level")
                .require(DataStandard.find(name).isEmpty() && findDeclared(name).isEmpty(), "name", "属性“" + name + "”已存在")
                .requireText(form.label(), "label", "中文名称", 60)
                .require(TYPES.contains(form.celType()), "celType", "类型须为 " + String.join("、", TYPES) + " 之一")
                .requireText(form.sourceSystem(), "sourceSystem", "数据来源系统", 100)
                .require(form.ownerDepartment() != null && organisations.departmentByCode(form.ownerDepartment()).isPresent(),
                        "ownerDepartment", "请选择负责该数据的部门");
        v.require(form.unit() == null || form.unit().length() <= 20, "unit", "单位不能超过20个字符");
        v.throwIfInvalid();
        Declared declared = new Declared(name, form.label().trim(), form.celType(), form.unit() == null ? "" : form.unit().trim(),
                form.sourceSystem().trim(), form.ownerDepartment(), user.getUsername());
        rows.insert(declared);
        audit.record("enterprise.attribute.declare", "enterprise_attribute", name, "声明企业属性 " + name + "（" + declared.label() + "）", null, declared);
        forgetSnapshot();
        // again after commit, so nobody keeps a snapshot read before the declaration was visible
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        forgetSnapshot();
                    }
                });
        events.publishEvent(new AttributeDeclared(name));
        return declared;
    }

    private synchronized void forgetSnapshot() {
        snapshot = null;
    }

    /** An attribute declared on another node: read the declarations again before anyone compiles against them. */
    @org.springframework.context.event.EventListener
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    void declaredElsewhere(io.zhida.platform.RemoteChange change) {
        if (change.event() instanceof AttributeDeclared) {
            forgetSnapshot();
        }
    }

    static AttributeSchema schemaOf(List<Declared> declared) {
        return AttributeSchema.standard().withDeclared(declared.stream()
                .map(d -> new Attribute(d.name(), AttributeType.fromCelName(d.celType()), d.label(), d.unit(), false))
                .toList());
    }
}
