package io.zhida.funds;

import io.zhida.calendar.WorkingCalendar;
import io.zhida.funds.internal.GrantRows;
import io.zhida.funds.internal.ObjectionRows;
import io.zhida.funds.internal.PoolRows;
import io.zhida.identity.AuditLog;
import io.zhida.identity.CurrentUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Today;
import io.zhida.platform.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 公示: every grant is published for a number of working days; objections stop it from being paid
 * until finance answers them. When 公示 ends the grant becomes payable and the one-working-day
 * payment clock starts.
 */
@Service
public class Disclosure {

    private final GrantRows grants;
    private final ObjectionRows objections;
    private final PoolRows pools;
    private final WorkingCalendar calendar;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Disclosure(GrantRows grants, ObjectionRows objections, PoolRows pools, WorkingCalendar calendar, AuditLog audit,
               ApplicationEventPublisher events) {
        this.grants = grants;
        this.objections = objections;
        this.pools = pools;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
    }

    /** What the public page shows: in 公示 now, or ended within the last 30 days. */
    public List<Grant> published(String itemCode, String query) {
        return grants.disclosed(blankToNull(itemCode), blankToNull(query), Today.date(), 30, 1000);
    }

    @Transactional
    public long object(long grantId, String name, String contact, String reason) {
        Grant grant = grants.find(grantId).orElseThrow(() -> new NotFoundException("没有这条公示记录"));
        new Validation().requireText(name, "name", "姓名或单位", 100).requireText(contact, "contact", "联系电话", 100)
                .requireText(reason, "reason", "异议事实和理由", 2000).throwIfInvalid();
        if (grant.status() != Grant.Status.DISCLOSING || Today.date().isAfter(grant.disclosureUntil())) {
            throw new InvalidInputException("grant", "公示期已结束，不再受理异议");
        }
        long id = objections.insert(grantId, name.trim(), contact.trim(), reason.trim());
        audit.record("objection.create", "grant", String.valueOf(grantId), "公示异议：" + grant.enterpriseName(), null, reason);
        return id;
    }

    public List<Objection> objections() {
        return objections.all();
    }

    /** Upheld: the grant is withdrawn and its reservation released. Dismissed: 公示 goes on. */
    @Transactional
    public void answer(long objectionId, boolean upheld, String answer) {
        if (answer == null || answer.isBlank()) {
            throw new InvalidInputException("answer", "请填写处理意见");
        }
        Objection objection = objections.find(objectionId).orElseThrow(() -> new NotFoundException("没有这条异议"));
        if (objections.answer(objectionId, upheld ? "UPHELD" : "DISMISSED", answer.trim(), CurrentUser.actor()) == 0) {
            throw new InvalidInputException("objection", "该异议已处理");
        }
        if (upheld) {
            Grant grant = grants.find(objection.grantId()).orElseThrow();
            if (grants.transition(grant.id(), "DISCLOSING", "CANCELLED") == 1) {
                pools.release(grant.itemCode(), Integer.parseInt(grant.period()), grant.amount());
                events.publishEvent(new GrantEvents.GrantCancelled(grant.id(), grant.applicationId(), grant.uscc(),
                        "公示异议成立：" + answer.trim()));
            }
        }
        audit.record("objection.answer", "grant", String.valueOf(objection.grantId()), upheld ? "异议成立，撤销资金" : "异议不成立",
                objection.reason(), answer);
    }

    /** Moves every grant whose 公示 has ended without an open objection to payable. */
    @Scheduled(cron = "${zhida.funds.disclosure-cron:0 5 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "funds.disclosure-end")
    @Transactional
    public void endDisclosuresOnSchedule() {
        endDue();
    }

    /** @return how many grants became payable now */
    @Transactional
    public int endDisclosures() {
        return endDue();
    }

    private int endDue() {
        LocalDate today = Today.date();
        int count = 0;
        for (Grant grant : grants.dueForPayment(today)) {
            Instant due = calendar.addWorkingMinutes(Instant.now(), io.zhida.calendar.WorkingTime.MINUTES_PER_DAY);
            if (grants.markPayable(grant.id(), due) == 1) {
                events.publishEvent(new GrantEvents.GrantBecamePayable(grant.id(), grant.applicationId(), grant.uscc(), due));
                count++;
            }
        }
        return count;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
