package io.zhida.rectification;

import io.zhida.calendar.WorkingCalendar;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.SystemClient;
import io.zhida.identity.ZhidaUser;
import io.zhida.notify.Inbox;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import io.zhida.rectification.internal.AppealRows;
import io.zhida.rectification.internal.ProblemRows;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 企业诉求: submitted by an enterprise, dispatched by the evaluation officer to a department, answered within a
 * time limit in working days, rated by the enterprise. Unresolved, badly rated or overdue ones go on the ledger.
 */
@Service
public class Appeals {

    private final AppealRows rows;
    private final ProblemRows problems;
    private final Ledger ledger;
    private final EnterpriseProfiles profiles;
    private final Organisations organisations;
    private final WorkingCalendar calendar;
    private final Inbox inbox;
    private final PolicyCatalog catalog;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Appeals(AppealRows rows, ProblemRows problems, Ledger ledger, EnterpriseProfiles profiles, Organisations organisations,
            WorkingCalendar calendar, Inbox inbox, PolicyCatalog catalog, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.clock = clock;
        this.catalog = catalog;
        this.rows = rows;
        this.problems = problems;
        this.ledger = ledger;
        this.profiles = profiles;
        this.organisations = organisations;
        this.calendar = calendar;
        this.inbox = inbox;
    }

    @Transactional
    public long submit(ZhidaUser user, Appeal.Kind kind, String itemCode, String departmentCode, String content) {
        if (!user.has(Role.ENTERPRISE) || user.enterpriseUscc() == null) {
            throw new AccessDeniedException("enterprises submit appeals");
        }
        new Validation().require(kind != null, "kind", "请选择投诉或诉求")
                .requireText(content, "content", "诉求内容", 2000)
                .require(departmentCode == null || departmentCode.isBlank() || organisations.departmentByCode(departmentCode).isPresent(),
                        "departmentCode", "部门不存在")
                .require(itemCode == null || itemCode.isBlank() || catalog.published(itemCode.strip()).isPresent(),
                        "itemCode", "政策事项编码不存在")
                .throwIfInvalid();
        EnterpriseProfile p = profiles.find(user.enterpriseUscc()).orElseThrow(() -> new NotFoundException("企业档案不存在"));
        String number = problems.nextNumber("SU-" + LocalDate.now(clock).getYear());
        return rows.insert(number, p.uscc(), p.name(), p.region(), kind, blank(itemCode), blank(departmentCode), content.trim());
    }

    /**
     * An appeal another system hands over (the 12345 hotline) for an enterprise, under the system's own reference number.
     * Sent twice with one reference, it is taken once: the second answer is the appeal already held ({@code created} false).
     */
    public record Handed(Appeal appeal, boolean created) {
    }

    @Transactional
    public Handed handOver(SystemClient client, String reference, String uscc, Appeal.Kind kind, String itemCode, String departmentCode,
                           String content) {
        new Validation().require(kind != null, "kind", "kind 应为 COMPLAINT（投诉）或 REQUEST（诉求）")
                .require(reference != null && reference.strip().matches("[\\w\\-./]{1,60}"), "reference", "来源单号应为 1–60 个字母、数字或 -_./")
                .requireText(content, "content", "诉求内容", 2000)
                .require(departmentCode == null || departmentCode.isBlank() || organisations.departmentByCode(departmentCode).isPresent(),
                        "departmentCode", "部门不存在")
                .require(itemCode == null || itemCode.isBlank() || catalog.published(itemCode.strip()).isPresent(), "itemCode", "政策事项编码不存在")
                .throwIfInvalid();
        EnterpriseProfile p = profiles.find(uscc == null ? "" : uscc.strip().toUpperCase())
                .orElseThrow(() -> new InvalidInputException("uscc", "平台未收录该统一社会信用代码的企业"));
        String ref = reference.strip();
        Optional<Appeal> held = rows.bySource(client.clientId(), ref);
        if (held.isPresent()) {
            return new Handed(held.get(), false);
        }
        String number = problems.nextNumber("SU-" + LocalDate.now(clock).getYear());
        Optional<Long> id = rows.insertFromSystem(number, p.uscc(), p.name(), p.region(), kind, blank(itemCode), blank(departmentCode),
                content.trim(), client.clientId(), client.name(), ref);
        return id.map(i -> new Handed(get(i), true)).orElseGet(() -> new Handed(rows.bySource(client.clientId(), ref).orElseThrow(), false));
    }

    /** An appeal a system handed over, for that system only. */
    public Appeal handedOver(SystemClient client, String reference) {
        return rows.bySource(client.clientId(), reference).orElseThrow(() -> new NotFoundException("未找到该来源单号的诉求"));
    }

    /** The evaluation officer hands it to the department that must answer, with a time limit. */
    @Transactional
    public void dispatch(long id, String departmentCode, int workingDays, ZhidaUser user) {
        AccessPolicy.EVALUATION_WORK.require(user);
        Appeal a = get(id);
        if (organisations.departmentByCode(departmentCode).isEmpty()) {
            throw new InvalidInputException("departmentCode", "请选择承办部门");
        }
        if (workingDays < 1 || workingDays > 30) {
            throw new InvalidInputException("workingDays", "答复时限应为 1–30 个工作日");
        }
        Instant due = calendar.time().dayDeadline(clock.instant(), workingDays);
        if (!rows.transition(id, Appeal.Status.SUBMITTED, "status = 'DISPATCHED', department_code = ?, due_at = ?", departmentCode,
                java.sql.Timestamp.from(due))) {
            throw new InvalidInputException("status", "该诉求当前为“" + a.status().label() + "”，不能交办");
        }
        inbox.send(a.uscc(), "诉求已交办：" + a.number(), "您的诉求已交" + organisations.unitName("DEPARTMENT", departmentCode)
                + "办理，将在 " + workingDays + " 个工作日内答复。");
    }

    @Transactional
    public void answer(long id, String answer, ZhidaUser user) {
        Appeal a = get(id);
        if (!organisations.departmentCodeOf(user).map(c -> c.equals(a.departmentCode())).orElse(false)) {
            throw new AccessDeniedException("only the department it was dispatched to answers");
        }
        if (answer == null || answer.trim().length() < 4) {
            throw new InvalidInputException("answer", "请写明办理结果");
        }
        if (!rows.transition(id, Appeal.Status.DISPATCHED, "status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = now()",
                answer.trim(), user.getUsername())) {
            throw new InvalidInputException("status", "该诉求当前为“" + a.status().label() + "”，不能答复");
        }
        inbox.send(a.uscc(), "诉求已答复：" + a.number(), answer.trim() + "（请在“我的诉求”中评价办理结果）");
        String[] source = rows.source(id).orElse(new String[2]);
        events.publishEvent(new AppealAnswered(id, a.number(), a.uscc(), source[0], source[1], answer.trim(), clock.instant()));
    }

    /** The enterprise rates the answer; not resolved or 1–2 stars puts it on the rectification ledger. */
    @Transactional
    public void rate(long id, int stars, boolean resolved, ZhidaUser user) {
        Appeal a = get(id);
        if (!a.uscc().equals(user.enterpriseUscc())) {
            throw new AccessDeniedException("only the enterprise that submitted it rates it");
        }
        if (stars < 1 || stars > 5) {
            throw new InvalidInputException("stars", "请选择 1–5 星");
        }
        if (!rows.transition(id, Appeal.Status.ANSWERED, "status = 'CLOSED', stars = ?, resolved = ?", stars, resolved)) {
            throw new InvalidInputException("status", "该诉求当前为“" + a.status().label() + "”，不能评价");
        }
        if (!resolved || stars <= 2) {
            toLedger(a, "企业评价" + stars + "星，" + (resolved ? "认为已解决" : "认为未解决") + "。答复：" + a.answer());
        }
    }

    /** Appeals past their time limit without an answer become ledger problems (once). */
    @Transactional
    public int escalateOverdue() {
        List<Appeal> overdue = rows.overdueWithoutProblem(clock.instant());
        overdue.forEach(a -> toLedger(a, "超过答复时限未答复。"));
        return overdue.size();
    }

    @Scheduled(cron = "${zhida.rectification.escalation-cron:0 15 8 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "appeal-escalation", lockAtMostFor = "PT10M")
    public void scheduledEscalation() {
        escalateOverdue();
    }

    /** Puts every closed-but-unresolved, badly rated or overdue appeal that is not on the ledger yet onto it (repair, demo data). */
    @Transactional
    public int reconcile() {
        int opened = escalateOverdue();
        for (Appeal a : rows.unresolvedWithoutProblem()) {
            toLedger(a, "企业评价" + a.stars() + "星，" + (Boolean.TRUE.equals(a.resolved()) ? "认为已解决" : "认为未解决") + "。答复：" + a.answer());
            opened++;
        }
        return opened;
    }

    private void toLedger(Appeal a, String why) {
        String unit = a.departmentCode() != null ? a.departmentCode() : null;
        String kind = unit != null ? "DEPARTMENT" : "COUNTY";
        String code = unit != null ? unit : a.region();
        ledger.open(new Problem.New(Problem.Category.APPEAL, "APPEAL-" + a.id(), a.kind().label() + "未解决：" + a.number(),
                a.enterpriseName() + "：" + a.content() + "\n" + why, kind, code, List.of(), null, "解决企业诉求并回访企业", null, 10), "system")
                .ifPresent(p -> rows.linkProblem(a.id(), p.id()));
    }

    public Appeal get(long id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException("没有这件诉求：" + id));
    }

    /** Enterprise: its own; department staff: dispatched to them; evaluation officer and leaders: all. */
    public Appeal view(long id, ZhidaUser user) {
        Appeal a = get(id);
        boolean allowed = a.uscc().equals(user.enterpriseUscc()) || user.has(Role.EVALUATOR) || user.has(Role.ADMIN) || user.has(Role.LEADER)
                || organisations.departmentCodeOf(user).map(c -> c.equals(a.departmentCode())).orElse(false);
        if (!allowed) {
            throw new AccessDeniedException("not your appeal");
        }
        return a;
    }

    public List<Appeal> mine(ZhidaUser user) {
        return user.enterpriseUscc() == null ? List.of() : rows.forEnterprise(user.enterpriseUscc());
    }

    /** The desk: every appeal for officers and leaders, a department's own for its staff; optionally of one status and kind. */
    public Listing<Appeal> desk(ZhidaUser user, Appeal.Status status, Appeal.Kind kind) {
        String s = status == null ? null : status.name();
        String k = kind == null ? null : kind.name();
        if (user.has(Role.EVALUATOR) || user.has(Role.ADMIN) || user.has(Role.LEADER)) {
            return rows.forDepartment(null, s, k);
        }
        return organisations.departmentCodeOf(user).map(d -> rows.forDepartment(d, s, k))
                .orElseThrow(() -> new AccessDeniedException("no department"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
