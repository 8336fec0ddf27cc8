package io.zhida.applications;

import io.zhida.applications.internal.ApplicationRows;
import io.zhida.applications.internal.RecordRows;
import io.zhida.catalog.HandlingMode;
import io.zhida.catalog.ItemContent;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.funds.BankAccounts;
import io.zhida.funds.Grant;
import io.zhida.funds.GrantRefusedException;
import io.zhida.funds.GrantRequest;
import io.zhida.funds.GrantRoute;
import io.zhida.funds.Grants;
import io.zhida.identity.AuditLog;
import io.zhida.identity.CurrentUser;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import org.springframework.security.access.AccessDeniedException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 审核: each responsible department responds (签收) and decides with reasons; a joint review is approved
 * when every department approved (the lead department, listed first, sets the amount); 综合评审 needs
 * at least one expert score sheet first. Approval makes the grant, which reserves the fund pool; any
 * refusal of the funds (就高不重复, cap, pool) leaves the application as it was, with the reason shown.
 */
@Service
public class Decisions {

    /** 综合评审 criteria with their maximum points (100 in all). */
    public static final Map<String, Integer> CRITERIA = criteria();

    private final ApplicationRows rows;
    private final RecordRows records;
    private final ApplicationAccess access;
    private final TimeLimits limits;
    private final Progress progress;
    private final PolicyCatalog catalog;
    private final Grants grants;
    private final BankAccounts accounts;
    private final AuditLog audit;
    private final AmountCeiling ceiling;

    Decisions(ApplicationRows rows, RecordRows records, ApplicationAccess access, TimeLimits limits, Progress progress,
              PolicyCatalog catalog, Grants grants, BankAccounts accounts, AuditLog audit, AmountCeiling ceiling) {
        this.ceiling = ceiling;
        this.rows = rows;
        this.records = records;
        this.access = access;
        this.limits = limits;
        this.progress = progress;
        this.catalog = catalog;
        this.grants = grants;
        this.accounts = accounts;
        this.audit = audit;
    }

    private static Map<String, Integer> criteria() {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("项目先进性", 30);
        c.put("实施基础", 20);
        c.put("经济效益", 30);
        c.put("社会效益", 20);
        return java.util.Collections.unmodifiableMap(c);
    }

    /** The department's 待办 (open) or 已办, optionally of one state; nothing for someone of no department. */
    public Listing<Application> queue(ZhidaUser user, boolean open, Application.Status status) {
        return access.departmentCode(user).map(code -> rows.forDepartment(code, open, status == null ? null : status.name()))
                .orElse(Listing.empty());
    }

    public List<Application.Review> reviews(long id) {
        return records.reviews(id).stream().map(r -> new Application.Review(r.departmentCode(), limits.departmentName(r.departmentCode()),
                r.respondedAt(), r.decision(), r.amount(), r.reason(), r.decidedBy(), r.decidedAt())).toList();
    }

    public List<Application.ExpertScore> scores(long id) {
        return records.scores(id);
    }

    /** 签收: the department confirms it has the dispatched application; its response clock stops. */
    @Transactional
    public void respond(long id, ZhidaUser user) {
        Application a = lockDispatched(id);
        String department = access.requireDepartment(user, a);
        if (records.respond(id, department, user.getUsername()) == 1) {
            limits.close(id, TimeLimitTask.Kind.RESPOND, department);
            records.event(id, user.getUsername(), "RESPONDED", "部门签收", limits.departmentName(department) + " " + user.displayName());
        }
    }

    @Transactional
    public void score(long id, ZhidaUser user, Map<String, Integer> scores, String comment) {
        Application a = lockDispatched(id);
        access.requireDepartment(user, a);
        if (a.mode() != HandlingMode.FULL_REVIEW) {
            throw new InvalidInputException("scores", "只有综合评审事项需要专家评分");
        }
        int total = 0;
        for (Map.Entry<String, Integer> c : CRITERIA.entrySet()) {
            Integer s = scores.get(c.getKey());
            if (s == null || s < 0 || s > c.getValue()) {
                throw new InvalidInputException("scores", "「" + c.getKey() + "」应为 0 到 " + c.getValue() + " 分");
            }
            total += s;
        }
        records.score(id, user.getUsername(), scores, BigDecimal.valueOf(total), comment);
        records.event(id, user.getUsername(), "SCORED", "专家评分 " + total + " 分", comment);
    }

    /**
     * A department's decision. The lead department's approval sets the amount: never above what the rules
     * allow ({@link AmountCeiling}) nor the pool; an amount that differs from the platform's estimate needs
     * a reason and waits for the department head's confirmation ({@link #confirmAmount}) before the grant.
     */
    @Transactional
    public void decide(long id, ZhidaUser user, boolean approve, BigDecimal amount, String reason, String amountReason) {
        Application a = lockDispatched(id);
        String department = access.requireDepartment(user, a);
        new Validation().requireText(reason, "reason", approve ? "审核意见" : "不予通过的理由", 1000)
                .require(amountReason == null || amountReason.length() <= 500, "amountReason", "金额调整理由不能超过500个字符")
                .throwIfInvalid();
        boolean lead = department.equals(a.departments().get(0));
        BigDecimal granted = null;
        if (approve && lead) {
            granted = amount == null ? a.estimate() : amount;
            if (granted == null || granted.signum() <= 0 || granted.scale() > 2) {
                throw new InvalidInputException("amount", "请填写核定金额（元，最多两位小数）");
            }
            ceiling.check(a, granted);
            if (a.mode() == HandlingMode.FULL_REVIEW && records.scores(id).isEmpty()) {
                throw new InvalidInputException("scores", "综合评审事项须至少一位专家评分后才能核准");
            }
            boolean changed = a.estimate() == null || granted.compareTo(a.estimate()) != 0;
            if (changed) {
                propose(a, department, granted, reason.trim(), amountReason, user);
                return;
            }
        }
        if (records.decide(id, department, approve ? "APPROVE" : "REJECT", granted, reason.trim(), user.getUsername()) == 0) {
            throw new InvalidInputException("status", "本部门已对该申报作出决定");
        }
        limits.close(id, TimeLimitTask.Kind.RESPOND, department);
        limits.close(id, TimeLimitTask.Kind.DECIDE, department);
        String unit = limits.departmentName(department);
        if (!approve) {
            rows.reject(id, Application.Status.DISPATCHED, unit + "：" + reason.trim());
            limits.closeAll(id);
            records.event(id, user.getUsername(), "REJECTED", "审核未通过", unit + "：" + reason.trim());
            audit.record("application.reject", "application", a.number(), "审核未通过", null, reason);
            progress.tell(a, "申报审核未通过：" + a.itemName(), unit + "审核意见：" + reason.trim() + "\n欢迎对本次服务进行评价。");
            return;
        }
        records.event(id, user.getUsername(), "REVIEWED", unit + "审核通过", Applications.clause(reason)
                + (granted == null ? "" : "；核定金额 " + Applications.money(granted) + " 元"));
        approveWhenAllApproved(a, null, null);
    }

    private void propose(Application a, String department, BigDecimal amount, String opinion, String amountReason, ZhidaUser user) {
        if (amountReason == null || amountReason.isBlank()) {
            throw new InvalidInputException("amountReason", "核定金额与平台测算金额（" + Applications.money(a.estimate())
                    + " 元）不同，须说明理由，并由部门负责人确认");
        }
        if (records.propose(a.id(), department, amount, opinion, amountReason.trim(), user.getUsername()) == 0) {
            throw new InvalidInputException("status", "本部门已对该申报作出决定或提出了待确认的金额");
        }
        records.event(a.id(), user.getUsername(), "AMOUNT_PROPOSED", limits.departmentName(department) + "审核通过，核定金额待负责人确认",
                Applications.clause(opinion) + "；拟核定 " + Applications.money(amount) + " 元（平台测算 " + Applications.money(a.estimate()) + " 元），理由：" + amountReason.trim());
        audit.record("application.amount.propose", "application", a.number(), "拟核定 " + Applications.money(amount) + " 元，待负责人确认",
                a.estimate() == null ? null : a.estimate().toPlainString(), amount.toPlainString());
    }

    /**
     * 四眼: the department head — another person than the one who proposed — confirms the proposed amount (the
     * grant is made if every department approved) or returns it to the reviewer with a note.
     */
    @Transactional
    public void confirmAmount(long id, ZhidaUser user, boolean accept, String note) {
        Application a = lockDispatched(id);
        String department = access.requireDepartment(user, a);
        if (!user.has(Role.DEPT_HEAD)) {
            throw new AccessDeniedException("department heads only");
        }
        Application.Proposal proposal = records.proposal(id, department)
                .orElseThrow(() -> new InvalidInputException("status", "该申报没有待确认的核定金额"));
        if (proposal.proposedBy().equals(user.getUsername())) {
            throw new InvalidInputException("confirm", "核定金额的变更须由提出人以外的部门负责人确认");
        }
        String unit = limits.departmentName(department);
        if (!accept) {
            if (note == null || note.isBlank() || note.length() > 500) {
                throw new InvalidInputException("note", "退回须写明意见（500字以内）");
            }
            records.withdrawProposal(id, department);
            records.event(id, user.getUsername(), "AMOUNT_RETURNED", unit + "负责人退回核定金额", note.trim());
            audit.record("application.amount.return", "application", a.number(), "负责人退回拟核定金额", proposal.amount().toPlainString(), note.trim());
            return;
        }
        ceiling.check(a, proposal.amount()); // the data or the pool may have changed since the proposal
        if (records.confirmProposal(id, department, user.getUsername()) == 0) {
            throw new InvalidInputException("status", "该金额已被处理，请刷新");
        }
        limits.close(id, TimeLimitTask.Kind.RESPOND, department);
        limits.close(id, TimeLimitTask.Kind.DECIDE, department);
        records.event(id, user.getUsername(), "AMOUNT_CONFIRMED", unit + "负责人确认核定金额",
                Applications.money(proposal.amount()) + " 元（" + proposal.amountReason() + "）");
        audit.record("application.amount.confirm", "application", a.number(), "负责人确认核定金额 " + Applications.money(proposal.amount()) + " 元",
                a.estimate() == null ? null : a.estimate().toPlainString(), proposal.amount().toPlainString());
        approveWhenAllApproved(a, proposal.amountReason(), user.getUsername());
    }

    /** Applications of the head's department whose amount waits for confirmation. */
    public List<Application> awaitingConfirmation(ZhidaUser user) {
        if (!user.has(Role.DEPT_HEAD)) {
            return List.of();
        }
        return access.departmentCode(user).map(code -> records.awaitingConfirmation(code).stream()
                .map(rows::find).flatMap(java.util.Optional::stream).toList()).orElse(List.of());
    }

    public java.util.Optional<Application.Proposal> proposal(long id, String departmentCode) {
        return records.proposal(id, departmentCode);
    }

    private void approveWhenAllApproved(Application a, String amountReason, String confirmedBy) {
        List<Application.Review> reviews = records.reviews(a.id());
        if (reviews.stream().allMatch(r -> "APPROVE".equals(r.decision()))) {
            Application.Review lead = reviews.stream().filter(r -> r.departmentCode().equals(a.departments().get(0))).findFirst().orElseThrow();
            approve(a, Application.Status.DISPATCHED, lead.amount(), amountReason, lead.reason(), GrantRoute.APPLICATION, lead.decidedBy(), confirmedBy);
        }
    }

    /** 秒批: conditions all verified from data at submission; false when the funds refuse (then a person handles it). */
    boolean instantApproval(Application a) {
        if (a.estimate() == null || a.estimate().signum() <= 0) {
            return false;
        }
        try {
            approve(a, Application.Status.SUBMITTED, a.estimate(), null, "系统按共享数据核验全部条件成立，自动核准（秒批）", GrantRoute.INSTANT,
                    CurrentUser.SYSTEM, null);
            return true;
        } catch (GrantRefusedException refused) {
            records.event(a.id(), CurrentUser.SYSTEM, "INSTANT_FAILED", "未能秒批，转专窗人工办理", refused.reason());
            return false;
        }
    }

    private void approve(Application a, Application.Status fromStatus, BigDecimal amount, String amountReason, String reason, GrantRoute route,
                         String decidedBy, String confirmedBy) {
        ItemContent item = catalog.version(a.itemCode(), a.itemVersion()).orElseThrow().content();
        Grant grant = grants.grant(new GrantRequest(a.uscc(), a.enterpriseName(), a.region(), a.itemCode(), a.itemName(),
                Integer.parseInt(a.period()), amount, a.estimate(), item.exclusionGroup(), item.annualCap(), item.annualBudget(),
                route, a.id(), null, decidedBy, confirmedBy));
        String basis = grant.basis() == null ? "" : "；" + grant.basis();
        if (rows.approve(a.id(), fromStatus, grant.amount(), amountReason, reason + basis, grant.id()) == 0) {
            throw new InvalidInputException("status", "该申报状态已变化，请刷新后重试");
        }
        // 秒批 is the platform's decision, on the enterprise's submission: recorded as the system's, not the enterprise's
        String actor = route == GrantRoute.INSTANT ? CurrentUser.SYSTEM : CurrentUser.actor();
        records.event(a.id(), actor, "APPROVED", route == GrantRoute.INSTANT ? "秒批核准" : "审核核准",
                "核定金额 " + Applications.money(grant.amount()) + " 元" + basis + "；公示至 " + grant.disclosureUntil());
        audit.recordBy(actor, "application.approve", "application", a.number(), "核准 " + grant.amount().toPlainString() + " 元",
                a.estimate() == null ? null : a.estimate().toPlainString(), grant.amount().toPlainString());
        progress.tell(a, "申报已核准：" + a.itemName(), "核定金额 " + Applications.money(grant.amount()) + " 元" + basis
                + "。将在政府网站公示至 " + grant.disclosureUntil() + "，公示无异议后 1 个工作日内拨付。"
                + (accounts.find(a.uscc()).isPresent() ? "" : "\n平台尚无贵单位收款账户，请在“收款账户”中确认，以免延误拨付。"));
    }

    private Application lockDispatched(long id) {
        Application a = rows.lock(id).orElseThrow(() -> new NotFoundException("没有这份申报"));
        if (a.status() != Application.Status.DISPATCHED) {
            throw new InvalidInputException("status", "该申报当前状态为“" + a.status().label() + "”，不在审核中");
        }
        return a;
    }
}
