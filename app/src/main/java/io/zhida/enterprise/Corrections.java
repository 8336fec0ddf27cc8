package io.zhida.enterprise;

import io.zhida.enterprise.internal.CorrectionRows;
import io.zhida.enterprise.internal.ProfileValidator;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 数据纠错: an enterprise (or staff on its behalf) asks the department that owns a value to correct it;
 * that department accepts — the value changes with the department as its source — or rejects with a reason.
 */
@Service
public class Corrections {

    public record Correction(long id, String uscc, String enterpriseName, String attribute, String attributeLabel,
                             String currentValue, String proposedValue, String reason, String ownerDepartment,
                             String status, String requestedBy, Instant requestedAt, String handledBy, Instant handledAt,
                             String answer) {
        public String statusLabel() {
            return switch (status) {
                case "OPEN" -> "待处理";
                case "ACCEPTED" -> "已更正";
                default -> "未采纳";
            };
        }
    }

    private final CorrectionRows rows;
    private final EnterpriseProfiles profiles;
    private final AttributeCatalog attributes;
    private final ProfileUpdates updates;
    private final Organisations organisations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Corrections(CorrectionRows rows, EnterpriseProfiles profiles, AttributeCatalog attributes, ProfileUpdates updates,
                Organisations organisations, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.rows = rows;
        this.profiles = profiles;
        this.attributes = attributes;
        this.updates = updates;
        this.organisations = organisations;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public long request(String uscc, String attribute, String proposedValue, String reason, ZhidaUser user) {
        EnterpriseProfile profile = profiles.get(uscc, user);
        AttributeCatalog.Owner owner = attributes.owner(attribute)
                .filter(o -> !"uscc".equals(attribute) && !"tags".equals(attribute))
                .orElseThrow(() -> new InvalidInputException("attribute", "该项数据不能申请纠错"));
        new Validation().requireText(proposedValue, "proposedValue", "更正后的值", 500)
                .requireText(reason, "reason", "纠错理由", 500).throwIfInvalid();
        ProfileValidator.Checked checked = updates.validator().check(1, Map.of("uscc", uscc, attribute, proposedValue.trim()));
        if (!checked.ok()) {
            throw new InvalidInputException("proposedValue", checked.errors().get(0).reason());
        }
        Object current = profile.value(attribute);
        long id = rows.insert(uscc, attribute, current == null ? null : display(current), proposedValue.trim(), reason.trim(),
                owner.departmentCode(), user.getUsername());
        audit.record("enterprise.correction.request", "correction_request", Long.toString(id),
                "申请更正 " + uscc + " 的“" + attributes.label(attribute) + "”", null, Map.of("proposed", proposedValue.trim()));
        return id;
    }

    /** Open and recent requests: a department sees those it owns, an administrator all, an enterprise its own. */
    public List<Correction> visibleTo(ZhidaUser user) {
        if (user.isEnterpriseOnly()) {
            return rows.forEnterprise(user.enterpriseUscc());
        }
        if (user.has(Role.ADMIN)) {
            return rows.all();
        }
        return rows.forDepartment(departmentCode(user));
    }

    public List<Correction> forEnterprise(String uscc, ZhidaUser user) {
        profiles.get(uscc, user);
        return rows.forEnterprise(uscc);
    }

    @Transactional
    public void accept(long id, String answer, ZhidaUser user) {
        Correction c = open(id, user);
        String department = organisations.departmentByCode(c.ownerDepartment()).map(Organisations.Department::name)
                .orElse(c.ownerDepartment());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("uscc", c.uscc());
        fields.put(c.attribute(), c.proposedValue());
        ProfileValidator.Checked checked = updates.validator().check(1, fields);
        if (!checked.ok()) {
            throw new InvalidInputException("proposedValue", checked.errors().get(0).reason());
        }
        ProfileUpdates.Result result = updates.merge(List.of(checked.row()), "数据纠错（" + department + "）",
                LocalDate.now(clock));
        updates.announce(result.changed(), false);
        close(c, "ACCEPTED", answer == null || answer.isBlank() ? "已按申请更正" : answer.trim(), user);
    }

    @Transactional
    public void reject(long id, String answer, ZhidaUser user) {
        Correction c = open(id, user);
        new Validation().requireText(answer, "answer", "不予更正的理由", 500).throwIfInvalid();
        close(c, "REJECTED", answer.trim(), user);
    }

    private void close(Correction c, String status, String answer, ZhidaUser user) {
        if (!rows.close(c.id(), status, answer, user.getUsername())) {
            throw new InvalidInputException("status", "该纠错申请已处理");
        }
        audit.record("enterprise.correction." + status.toLowerCase(), "correction_request", Long.toString(c.id()),
                ("ACCEPTED".equals(status) ? "采纳" : "不予采纳") + "纠错申请 #" + c.id(), null, Map.of("answer", answer));
        events.publishEvent(new CorrectionAnswered(c.id(), c.uscc(), attributes.label(c.attribute()),
                "ACCEPTED".equals(status), c.proposedValue(), answer));
    }

    private Correction open(long id, ZhidaUser user) {
        Correction c = rows.find(id).orElseThrow(() -> new NotFoundException("纠错申请不存在：" + id));
        if (!user.has(Role.ADMIN) && !c.ownerDepartment().equals(departmentCode(user))) {
            throw new AccessDeniedException("another department's data");
        }
        if (!"OPEN".equals(c.status())) {
            throw new InvalidInputException("status", "该纠错申请已处理");
        }
        return c;
    }

    private String departmentCode(ZhidaUser user) {
        return user.departmentId() == null ? "" : organisations.department(user.departmentId())
                .map(Organisations.Department::code).orElse("");
    }

    static String display(Object value) {
        if (value instanceof List<?> list) {
            return String.join("|", list.stream().map(Object::toString).toList());
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        return value.toString();
    }
}
