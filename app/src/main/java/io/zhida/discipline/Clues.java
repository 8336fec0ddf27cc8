package io.zhida.discipline;

import io.zhida.calendar.WorkingCalendar;
import io.zhida.discipline.internal.ClueRows;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 线索移送 and 联合督办: the inspector hands a clue with evidence to a unit and a time limit in working days; the unit's head
 * answers with what it found and did; the inspector concludes, or runs a joint supervision with other units and records
 * its result. Only the inspector opens and closes; only the unit's head answers.
 */
@Service
public class Clues {

    private final ClueRows rows;
    private final Organisations organisations;
    private final WorkingCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;

    Clues(ClueRows rows, Organisations organisations, WorkingCalendar calendar, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.organisations = organisations;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long open(ZhidaUser inspector, Clue.Source source, String sourceRef, String title, String evidence, String department, int workingDays) {
        AccessPolicy.DISCIPLINE.require(inspector);
        new Validation().require(source != null, "source", "请选择线索来源")
                .optionalText(sourceRef, "sourceRef", "来源编号", 80)
                .requireText(title, "title", "线索标题", 300).requireText(evidence, "evidence", "问题线索和证据", 4000)
                .require(department != null && organisations.departmentByCode(department.strip()).isPresent(), "department", "请选择责任单位")
                .require(workingDays >= 1 && workingDays <= 30, "workingDays", "核查时限应为 1–30 个工作日")
                .throwIfInvalid();
        String ref = sourceRef == null || sourceRef.isBlank() ? null : sourceRef.strip();
        long id;
        try {
            id = rows.insert(source, ref, title.strip(), evidence.strip(), department.strip(),
                    calendar.addWorkingDays(LocalDate.now(clock), workingDays), inspector.getUsername());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("sourceRef", "这条线索已移送，尚未办结，请勿重复移送");
        }
        rows.event(id, inspector.getUsername(), "OPENED", "移送 " + organisations.unitName("DEPARTMENT", department.strip()) + "，"
                + workingDays + " 个工作日内核查答复");
        audit.record("clue.open", "discipline_clue", String.valueOf(id), title.strip(), null, department.strip());
        return id;
    }

    /** The unit's head answers: what it checked, found and did. */
    @Transactional
    public void answer(ZhidaUser head, long id, String answer) {
        new Validation().requireText(answer, "answer", "核查情况", 4000).throwIfInvalid();
        Clue c = locked(id);
        if (!head.has(Role.DEPT_HEAD) || !organisations.departmentCodeOf(head).map(c.departmentCode()::equals).orElse(false)) {
            throw new AccessDeniedException("the head of the responsible unit answers");
        }
        moved(c, rows.move(id, Clue.Status.OPEN, Clue.Status.ANSWERED, "answer = ?, answered_by = ?, answered_at = now()", answer.strip(),
                head.getUsername()));
        rows.event(id, head.getUsername(), "ANSWERED", answer.strip());
    }

    /** 联合督办: the inspector brings other units in, with the plan; the result is recorded when it is done. */
    @Transactional
    public void joint(ZhidaUser inspector, long id, List<String> units, String plan) {
        AccessPolicy.DISCIPLINE.require(inspector);
        List<String> codes = units == null ? List.of() : units.stream().filter(u -> u != null && !u.isBlank()).map(String::strip).distinct().toList();
        new Validation().require(!codes.isEmpty() && codes.size() <= 10 && codes.stream().allMatch(u -> organisations.departmentByCode(u).isPresent()),
                        "units", "请选择 1–10 个参加联合督办的单位")
                .requireText(plan, "plan", "督办方案", 2000).throwIfInvalid();
        Clue c = locked(id);
        if (c.status() != Clue.Status.OPEN && c.status() != Clue.Status.ANSWERED) {
            throw wrongState(c);
        }
        moved(c, rows.move(id, c.status(), Clue.Status.JOINT, "joint_units = ?, joint_plan = ?", codes.toArray(String[]::new), plan.strip()));
        rows.event(id, inspector.getUsername(), "JOINT", "启动联合督办：" + String.join("、", codes.stream()
                .map(u -> organisations.unitName("DEPARTMENT", u)).toList()) + "。" + plan.strip());
        audit.record("clue.joint", "discipline_clue", c.number(), "联合督办", c.status().name(), codes);
    }

    /** The inspector concludes, after the unit's answer or the joint supervision. */
    @Transactional
    public void close(ZhidaUser inspector, long id, Clue.Conclusion conclusion, String result) {
        AccessPolicy.DISCIPLINE.require(inspector);
        new Validation().require(conclusion != null, "conclusion", "请选择核查结论").requireText(result, "result", "处理结果", 4000).throwIfInvalid();
        Clue c = locked(id);
        if (c.status() != Clue.Status.ANSWERED && c.status() != Clue.Status.JOINT) {
            throw new InvalidInputException("status", c.status() == Clue.Status.OPEN ? "责任单位尚未答复，不能办结" : "该线索已办结");
        }
        moved(c, rows.move(id, c.status(), Clue.Status.CLOSED, "conclusion = ?, result = ?, closed_by = ?, closed_at = now()",
                conclusion.name(), result.strip(), inspector.getUsername()));
        rows.event(id, inspector.getUsername(), "CLOSED", conclusion.label() + "：" + result.strip());
        audit.record("clue.close", "discipline_clue", c.number(), conclusion.label(), c.status().name(), result.strip());
    }

    public Clue view(long id, ZhidaUser user) {
        Clue c = rows.find(id).orElseThrow(() -> new NotFoundException("没有这条线索"));
        if (!canView(user, c)) {
            throw new AccessDeniedException("not a clue of your unit");
        }
        return c;
    }

    /** The inspector and leaders see every clue; a unit's head those of the unit and of its joint supervisions. */
    public Listing<Clue> list(ZhidaUser user, Clue.Status status) {
        String filter = status == null ? null : status.name();
        if (user.has(Role.INSPECTOR) || user.has(Role.LEADER)) {
            return rows.list(null, filter);
        }
        return organisations.departmentCodeOf(user).filter(d -> user.has(Role.DEPT_HEAD)).map(d -> rows.list(d, filter)).orElse(Listing.empty());
    }

    public List<Clue.Event> events(long id) {
        return rows.events(id);
    }

    public boolean canView(ZhidaUser user, Clue c) {
        if (user.has(Role.INSPECTOR) || user.has(Role.LEADER)) {
            return true;
        }
        return user.has(Role.DEPT_HEAD) && organisations.departmentCodeOf(user)
                .map(d -> d.equals(c.departmentCode()) || c.jointUnits().contains(d)).orElse(false);
    }

    private Clue locked(long id) {
        return rows.lock(id).orElseThrow(() -> new NotFoundException("没有这条线索"));
    }

    private static void moved(Clue c, int updated) {
        if (updated == 0) {
            throw wrongState(c);
        }
    }

    private static InvalidInputException wrongState(Clue c) {
        return new InvalidInputException("status", "该线索当前为“" + c.status().label() + "”，不能进行此操作");
    }
}
