package io.zhida.rectification;

import io.zhida.calendar.WorkingCalendar;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import io.zhida.rectification.internal.ProblemRows;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 整改台账: opening problems from any source, and following each to closure. */
@Service
public class Ledger {

    private final ProblemRows rows;
    private final WorkingCalendar calendar;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;

    Ledger(ProblemRows rows, WorkingCalendar calendar, Organisations organisations, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.rows = rows;
        this.calendar = calendar;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** Opens a problem; a source reference seen before opens nothing (empty). */
    @Transactional
    public Optional<Problem> open(Problem.New p, String actor) {
        new Validation()
                .requireText(p.title(), "title", "问题标题", 300)
                .requireText(p.description(), "description", "问题描述", 4000)
                .require("DEPARTMENT".equals(p.unitKind()) || "COUNTY".equals(p.unitKind()), "unitKind", "责任单位类型应为部门或县（区）")
                .require(p.unitCode() != null && !organisations.unitName(p.unitKind(), p.unitCode()).equals(p.unitCode()),
                        "unitCode", "责任单位不存在")
                .require(p.workingDays() >= 1 && p.workingDays() <= 250, "workingDays", "整改时限应为 1–250 个工作日")
                .throwIfInvalid();
        if (p.sourceRef() != null && rows.exists(p.category(), p.sourceRef())) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        String number = rows.nextNumber(p.category().prefix() + "-" + today.getYear());
        Optional<Long> id = rows.insert(number, p, calendar.addWorkingDays(today, p.workingDays()), actor);
        id.ifPresent(i -> rows.event(i, "OPENED", p.category().label() + "：" + p.title(), actor));
        return id.flatMap(rows::find);
    }

    public Problem get(long id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException("没有这个问题：" + id));
    }

    /** A problem as this person may see it: the same scope as the ledger list (their own unit's, or all for officers and leaders). */
    public Problem view(long id, ZhidaUser user) {
        Problem p = get(id);
        if (!canView(user, p)) {
            throw new AccessDeniedException("another unit's problem");
        }
        return p;
    }

    public boolean canView(ZhidaUser user, Problem p) {
        return readsAll(user) || isResponsible(user, p);
    }

    /**
     * The ledger as this person sees it: officers and leaders every problem (or the unit they pick),
     * anyone else exactly the problems their unit answers for, as {@link #isResponsible} decides.
     */
    public Listing<Problem> listFor(ZhidaUser user, String status, String unit, String category, boolean overdueOnly) {
        List<ProblemRows.Unit> units;
        if (readsAll(user)) {
            String[] u = unit == null || unit.isBlank() ? null : unit.split(":", 2);
            units = u == null ? null : List.of(new ProblemRows.Unit(blank(u[0]), u.length > 1 ? blank(u[1]) : null));
        } else {
            // the unit asked for is ignored: anyone else sees the problems of their own department and county only
            List<ProblemRows.Unit> own = new ArrayList<>();
            organisations.departmentCodeOf(user).ifPresent(c -> own.add(new ProblemRows.Unit("DEPARTMENT", c)));
            if (user.regionCode() != null && !user.has(Role.ENTERPRISE)) {
                own.add(new ProblemRows.Unit("COUNTY", user.regionCode()));
            }
            units = own;
        }
        return rows.listing(blank(status), units, blank(category), overdueOnly, LocalDate.now(clock));
    }

    /** 周调度 / 月督导 counts: every unit's for officers and leaders, one's own unit's for anyone else, like the list. */
    public List<ProblemRows.UnitSummary> summaryFor(ZhidaUser user, Instant from, Instant to) {
        List<ProblemRows.UnitSummary> all = summary(from, to);
        if (readsAll(user)) {
            return all;
        }
        Optional<String> department = organisations.departmentCodeOf(user);
        return all.stream().filter(s -> "DEPARTMENT".equals(s.unitKind()) ? department.map(s.unitCode()::equals).orElse(false)
                : s.unitCode().equals(user.regionCode()) && !user.has(Role.ENTERPRISE)).toList();
    }

    private static boolean readsAll(ZhidaUser user) {
        return user.has(Role.EVALUATOR) || user.has(Role.ADMIN) || user.has(Role.LEADER);
    }

    public List<ProblemRows.Event> events(long id) {
        return rows.events(id);
    }

    /** Problems of one unit (kind and code, either blank = any), or of all, newest first. */
    public List<Problem> list(String status, String unitKind, String unitCode, String category, boolean overdueOnly) {
        List<ProblemRows.Unit> units = unitKind == null && unitCode == null ? null : List.of(new ProblemRows.Unit(blank(unitKind), blank(unitCode)));
        return rows.listing(blank(status), units, blank(category), overdueOnly, LocalDate.now(clock)).all();
    }

    /** The responsible unit starts work: measures are recorded. */
    @Transactional
    public void start(long id, String measures, ZhidaUser user) {
        Problem p = locked(id);
        requireResponsible(user, p);
        expect(p, Problem.Status.OPEN);
        if (measures == null || measures.isBlank()) {
            throw new InvalidInputException("measures", "请填写整改措施");
        }
        allowed(p, Problem.Status.IN_PROGRESS);
        rows.update(id, "status = 'IN_PROGRESS', measures = ?", measures.trim());
        rows.event(id, "STARTED", measures.trim(), user.getUsername());
    }

    /** The responsible unit reports it done, with evidence. */
    @Transactional
    public void complete(long id, String evidence, ZhidaUser user) {
        Problem p = locked(id);
        requireResponsible(user, p);
        if (p.status() != Problem.Status.OPEN && p.status() != Problem.Status.IN_PROGRESS) {
            throw new InvalidInputException("status", "该问题当前为“" + p.status().label() + "”，不能报结");
        }
        if (evidence == null || evidence.trim().length() < 4) {
            throw new InvalidInputException("evidence", "报结需写明整改成效和佐证材料");
        }
        allowed(p, Problem.Status.DONE);
        rows.update(id, "status = 'DONE', evidence = ?, done_at = now()", evidence.trim());
        rows.event(id, "DONE", evidence.trim(), user.getUsername());
    }

    /** 回头看: the evaluation officer checks the result; not passed → back in progress with a new deadline. */
    @Transactional
    public void check(long id, boolean passed, String note, int extraWorkingDays, ZhidaUser user) {
        AccessPolicy.EVALUATION_WORK.require(user);
        Problem p = locked(id);
        if (p.status() != Problem.Status.DONE && p.status() != Problem.Status.CHECKED) {
            throw new InvalidInputException("status", "只有已整改或已销号的问题可以复查");
        }
        if (passed) {
            expect(p, Problem.Status.DONE);
            allowed(p, Problem.Status.CHECKED);
            rows.update(id, "status = 'CHECKED', checked_at = now()");
            rows.event(id, "CHECKED", note == null || note.isBlank() ? "复查通过，销号" : note.trim(), user.getUsername());
        } else {
            if (note == null || note.isBlank()) {
                throw new InvalidInputException("note", "重新打开需写明复查发现的问题");
            }
            LocalDate deadline = calendar.addWorkingDays(LocalDate.now(clock), Math.max(1, extraWorkingDays));
            allowed(p, Problem.Status.IN_PROGRESS);
            rows.update(id, "status = 'IN_PROGRESS', reopened = reopened + 1, deadline = ?, escalated_at = NULL, checked_at = NULL", deadline);
            rows.event(id, "REOPENED", note.trim(), user.getUsername());
        }
        audit.record("problem.check", "problem", String.valueOf(id), passed ? "复查销号" : "回头看重新打开", p.status().name(),
                passed ? "CHECKED" : "IN_PROGRESS");
    }

    /** Every change of state follows the workflow ({@link Problem.Status#next()}); anything else is a defect, refused unwritten. */
    private static void allowed(Problem p, Problem.Status to) {
        if (!p.status().canMoveTo(to)) {
            throw new IllegalStateException("a problem cannot go from " + p.status() + " to " + to);
        }
    }

    /** Overdue problems are escalated once each (to the evaluation officer's 督办 view and the timeline). */
    @Transactional
    public int escalateOverdue() {
        List<Long> ids = rows.escalateOverdue(LocalDate.now(clock));
        ids.forEach(id -> rows.event(id, "ESCALATED", "整改逾期，转督办", "system"));
        return ids.size();
    }

    @Scheduled(cron = "${zhida.rectification.escalation-cron:0 15 8 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "rectification-escalation", lockAtMostFor = "PT10M")
    public void scheduledEscalation() {
        escalateOverdue();
    }

    /** Open and overdue problems, of one unit or (null) of all. */
    public long[] openCounts(String unitKind, String unitCode) {
        return rows.openCounts(unitKind, unitCode, LocalDate.now(clock));
    }

    public List<ProblemRows.UnitSummary> summary(Instant from, Instant to) {
        return rows.summary(from, to, LocalDate.now(clock));
    }

    public boolean isResponsible(ZhidaUser user, Problem p) {
        if (user.has(Role.EVALUATOR) || user.has(Role.ADMIN)) {
            return true;
        }
        if (p.unitKind().equals("COUNTY")) {
            return p.unitCode().equals(user.regionCode()) && !user.has(Role.ENTERPRISE);
        }
        return organisations.departmentCodeOf(user).map(c -> c.equals(p.unitCode()) || p.coUnits().contains(c)).orElse(false);
    }

    private void requireResponsible(ZhidaUser user, Problem p) {
        if (!isResponsible(user, p)) {
            throw new AccessDeniedException("only the responsible unit acts on its problem");
        }
    }


    private Problem locked(long id) {
        return rows.lockForUpdate(id).orElseThrow(() -> new NotFoundException("没有这个问题：" + id));
    }

    private static void expect(Problem p, Problem.Status status) {
        if (p.status() != status) {
            throw new InvalidInputException("status", "该问题当前为“" + p.status().label() + "”，不能执行此操作");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
