package io.zhida.liaison;

import io.zhida.calendar.WorkingCalendar;
import io.zhida.identity.AuditLog;
import io.zhida.identity.CurrentUser;
import io.zhida.identity.People;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.liaison.internal.LiaisonRows;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import io.zhida.rectification.Ledger;
import io.zhida.rectification.Problem;
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
 * An enterprise's demand to its 帮包 official, as a closed loop in working days: 快速响应 within one working day (480 working
 * minutes), 限时办结 by the day the official promises (at most 15 working days), 跟踪督办 — late on either clock, it is escalated
 * once, onto the ledger of the official's unit — and 办结反馈, the enterprise's rating.
 */
@Service
public class Demands {

    static final long RESPOND_MINUTES = 480;
    static final int MAX_DAYS = 15;

    private final LiaisonRows rows;
    private final WorkingCalendar calendar;
    private final Ledger ledger;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;

    Demands(LiaisonRows rows, WorkingCalendar calendar, Ledger ledger, People people, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.calendar = calendar;
        this.ledger = ledger;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** The enterprise raises a demand to its official (or the official records one from a visit, for the enterprise). */
    @Transactional
    public long raise(ZhidaUser user, String uscc, String content) {
        new Validation().requireText(content, "content", "诉求内容", 2000).throwIfInvalid();
        Liaison.Member member = rows.member(uscc).filter(m -> m.official() != null)
                .orElseThrow(() -> new InvalidInputException("uscc", "该企业尚未安排帮包联系人，请通过“我的诉求”提出"));
        boolean own = user.has(Role.ENTERPRISE) && uscc.equals(user.enterpriseUscc());
        if (!own && !user.getUsername().equals(member.official())) {
            throw new AccessDeniedException("the enterprise or its official");
        }
        long id = rows.insertDemand(uscc, member.official(), content.strip(), calendar.addWorkingMinutes(clock.instant(), RESPOND_MINUTES),
                user.getUsername());
        audit.record("liaison.demand", "liaison_demand", String.valueOf(id), "帮包诉求", null, uscc);
        return id;
    }

    /** 快速响应: the official says what will be done, and by how many working days. */
    @Transactional
    public void respond(ZhidaUser official, long id, String plan, int workingDays) {
        new Validation().requireText(plan, "plan", "办理方案", 2000)
                .require(workingDays >= 1 && workingDays <= MAX_DAYS, "workingDays", "办结时限应为 1–" + MAX_DAYS + " 个工作日").throwIfInvalid();
        Liaison.Demand d = ownDemand(official, id);
        moved(d, rows.respond(id, plan.strip(), calendar.addWorkingDays(LocalDate.now(clock), workingDays)));
    }

    /** 限时办结: what was done. */
    @Transactional
    public void finish(ZhidaUser official, long id, String result) {
        new Validation().requireText(result, "result", "办理结果", 2000).throwIfInvalid();
        Liaison.Demand d = ownDemand(official, id);
        moved(d, rows.finish(id, result.strip()));
    }

    /** 办结反馈: the enterprise rates how its demand was handled. */
    @Transactional
    public void rate(ZhidaUser enterprise, long id, int stars, String comment) {
        new Validation().require(stars >= 1 && stars <= 5, "stars", "评价应为 1 到 5 星")
                .require(stars > 2 || (comment != null && !comment.isBlank()), "comment", "不满意请写明原因")
                .optionalText(comment, "comment", "评价内容", 500).throwIfInvalid();
        Liaison.Demand d = rows.demand(id, true).orElseThrow(() -> new NotFoundException("没有这条诉求"));
        if (!enterprise.has(Role.ENTERPRISE) || !d.uscc().equals(enterprise.enterpriseUscc())) {
            throw new AccessDeniedException("the enterprise's own demand");
        }
        if (rows.rate(id, stars, comment == null || comment.isBlank() ? null : comment.strip()) == 0) {
            throw new InvalidInputException("stars", d.status() == Liaison.DemandStatus.CLOSED ? "已评价" : "办结后才能评价");
        }
    }

    /** 跟踪督办: every demand late on either clock is escalated once, onto the ledger of its official's unit. @return how many */
    @Transactional
    public int escalate(Instant now) {
        List<Liaison.Demand> late = rows.lateNotEscalated(now, LocalDate.ofInstant(now, io.zhida.platform.Today.ZONE));
        for (Liaison.Demand d : late) {
            Optional<String> unit = people.departmentCode(d.official());
            Long problem = unit.flatMap(u -> ledger.open(new Problem.New(Problem.Category.OVERDUE, "BQ-" + d.id(), "帮包诉求超时：" + d.number(),
                    d.enterpriseName() + " 的诉求“" + abbreviate(d.content()) + "”" + (d.status() == Liaison.DemandStatus.RAISED
                            ? "未在一个工作日内响应" : "未在承诺的 " + d.doneDue() + " 前办结") + "，帮包联系人 " + people.name(d.official()) + "。",
                    "DEPARTMENT", u, List.of(), d.official(), "诉求办结并经企业评价", null, 5), CurrentUser.SYSTEM)).map(Problem::id).orElse(null);
            rows.escalated(d.id(), problem);
        }
        return late.size();
    }

    @Scheduled(cron = "${zhida.liaison.escalation-cron:0 */30 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "liaison-escalation", lockAtMostFor = "PT10M")
    public void scheduledEscalation() {
        escalate(clock.instant());
    }

    public Liaison.Demand view(ZhidaUser user, long id) {
        Liaison.Demand d = rows.demand(id, false).orElseThrow(() -> new NotFoundException("没有这条诉求"));
        boolean allowed = (user.has(Role.ENTERPRISE) && d.uscc().equals(user.enterpriseUscc())) || user.getUsername().equals(d.official())
                || user.has(Role.EVALUATOR) || user.has(Role.LEADER) || user.has(Role.ADMIN) || user.has(Role.INSPECTOR);
        if (!allowed) {
            throw new AccessDeniedException("not a demand of yours");
        }
        return d;
    }

    public Listing<Liaison.Demand> ofEnterprise(String uscc) {
        return rows.demands(uscc, null, null, false);
    }

    public Listing<Liaison.Demand> ofOfficial(String official) {
        return rows.demands(null, official, null, false);
    }

    public Listing<Liaison.Demand> all(Liaison.DemandStatus status, boolean escalatedOnly) {
        return rows.demands(null, null, status == null ? null : status.name(), escalatedOnly);
    }

    public List<LiaisonRows.OfficialFigures> figures() {
        return rows.officialFigures();
    }

    private Liaison.Demand ownDemand(ZhidaUser official, long id) {
        Liaison.Demand d = rows.demand(id, true).orElseThrow(() -> new NotFoundException("没有这条诉求"));
        if (!official.getUsername().equals(d.official())) {
            throw new AccessDeniedException("the demand's own official");
        }
        return d;
    }

    private static void moved(Liaison.Demand d, int updated) {
        if (updated == 0) {
            throw new InvalidInputException("status", "该诉求当前为“" + d.status().label() + "”，不能进行此操作");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
