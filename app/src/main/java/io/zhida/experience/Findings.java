package io.zhida.experience;

import io.zhida.experience.internal.ExperienceRows;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import io.zhida.rectification.Ledger;
import io.zhida.rectification.Problem;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 组织核查 → 建账定责 → 反馈 → 常态复查: the evaluation office confirms a finding onto the ledger with its responsible unit, or
 * dismisses it; the officer sees what became of it, and re-tests the service once the unit reports it fixed and every
 * {@link #RECHECK_EVERY} after.
 */
@Service
public class Findings {

    public static final Duration RECHECK_EVERY = Duration.ofDays(90);

    /** A confirmed finding the officer follows, with its ledger problem's state and whether a re-check is due. */
    public record Followed(ExperienceTask.Finding finding, String taskNumber, String serviceName, Problem problem, boolean recheckDue) {
    }

    private final ExperienceRows rows;
    private final Ledger ledger;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;

    Findings(ExperienceRows rows, Ledger ledger, Organisations organisations, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.ledger = ledger;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void verify(ZhidaUser evaluator, long findingId, boolean confirm, String department, int workingDays, String note) {
        AccessPolicy.EVALUATION_WORK.require(evaluator);
        ExperienceTask.Finding f = rows.finding(findingId, true).orElseThrow(() -> new NotFoundException("没有这条体验发现"));
        if (f.result() != null) {
            throw new InvalidInputException("status", "该发现已核查");
        }
        new Validation().require(confirm || (note != null && !note.isBlank()), "note", "核查不属实请写明理由")
                .optionalText(note, "note", "核查意见", 1000)
                .require(!confirm || (department != null && organisations.departmentByCode(department.strip()).isPresent()), "department", "请选择责任单位")
                .throwIfInvalid();
        Long problemId = null;
        String problemNumber = null;
        if (confirm) {
            String title = "体验官发现：" + (f.question().length() > 120 ? f.question().substring(0, 120) + "…" : f.question());
            Problem p = ledger.open(new Problem.New(Problem.Category.EXPERIENCE, "TY-F" + f.id(), title, f.description(), "DEPARTMENT",
                    department.strip(), List.of(), null, "整改到位，经体验官复查通过", note == null || note.isBlank() ? null : note.strip(),
                    workingDays), evaluator.getUsername()).orElseThrow(() -> new InvalidInputException("status", "该发现已建账"));
            problemId = p.id();
            problemNumber = p.number();
        }
        rows.verdict(f.id(), confirm ? ExperienceTask.FindingVerdict.CONFIRMED : ExperienceTask.FindingVerdict.DISMISSED,
                note == null || note.isBlank() ? null : note.strip(), problemId, problemNumber, evaluator.getUsername());
        rows.verifiedIfDone(f.taskId());
        audit.record("experience.verify", "experience_finding", String.valueOf(f.id()), confirm ? "核查属实，建账 " + problemNumber : "核查不属实",
                null, department);
    }

    /** The officer tests the service again: the unit must have reported it fixed; the result goes to the evaluation office. */
    @Transactional
    public void recheck(ZhidaUser officer, long findingId, boolean passed, String note) {
        new Validation().requireText(note, "note", "复查情况", 1000).throwIfInvalid();
        Followed followed = followedBy(officer).stream().filter(x -> x.finding().id() == findingId).findFirst()
                .orElseThrow(() -> new AccessDeniedException("a confirmed finding of the officer's own tasks"));
        Problem.Status status = followed.problem().status();
        if (status != Problem.Status.DONE && status != Problem.Status.CHECKED) {
            throw new InvalidInputException("status", "责任单位尚未报告整改完成，暂不能复查");
        }
        rows.recheck(findingId, officer.getUsername(), passed, note.strip());
        audit.record("experience.recheck", "experience_finding", String.valueOf(findingId), passed ? "复查通过" : "复查未通过",
                status.name(), note.strip());
    }

    /** The confirmed findings of the officer's tasks, each with its ledger problem. */
    public List<Followed> followedBy(ZhidaUser officer) {
        if (!officer.has(Role.OFFICER)) {
            return List.of();
        }
        return rows.confirmedOf(officer.getUsername()).stream().map(c -> {
            Problem p = ledger.get(c.finding().problemId());
            boolean fixed = p.status() == Problem.Status.DONE || p.status() == Problem.Status.CHECKED;
            boolean due = fixed && (c.lastRecheck() == null || c.lastRecheck().plus(RECHECK_EVERY).isBefore(clock.instant())
                    || (p.doneAt() != null && c.lastRecheck().isBefore(p.doneAt())));
            return new Followed(c.finding(), c.taskNumber(), c.serviceName(), p, due);
        }).toList();
    }

    public List<ExperienceTask.Recheck> rechecks(long findingId) {
        return rows.rechecks(findingId);
    }

    public ExperienceRows.Evidence evidence(long findingId, ZhidaUser user, Tasks tasks) {
        ExperienceTask.Finding f = rows.finding(findingId, false).orElseThrow(() -> new NotFoundException("没有这条体验发现"));
        tasks.view(f.taskId(), user);
        return rows.evidence(findingId).orElseThrow(() -> new NotFoundException("这条发现没有附证据"));
    }

    /** Services tested, problems found, confirmed onto the ledger, re-checked as fixed. */
    public long[] figures() {
        return rows.figures();
    }
}
