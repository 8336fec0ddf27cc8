package io.zhida.funds;

import io.zhida.calendar.WorkingCalendar;
import io.zhida.funds.internal.GrantRows;
import io.zhida.funds.internal.PoolRows;
import io.zhida.identity.AuditLog;
import io.zhida.identity.CurrentUser;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making grants. The order matters: lock the enterprise (so its group and cap checks cannot race),
 * refuse a second grant for the period, apply 就高不重复 and the annual cap, reserve the pool with a
 * guarded update, then insert under the unique (enterprise, item, period) constraint. Any refusal
 * rolls back everything the caller's transaction did.
 */
@Service
public class Grants {

    private final GrantRows rows;
    private final PoolRows pools;
    private final WorkingCalendar calendar;
    private final AuditLog audit;
    private final int disclosureDays;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    Grants(GrantRows rows, PoolRows pools, WorkingCalendar calendar, AuditLog audit,
           @Value("${zhida.funds.disclosure-working-days:5}") int disclosureDays,
           org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.events = events;
        this.rows = rows;
        this.pools = pools;
        this.calendar = calendar;
        this.audit = audit;
        this.disclosureDays = disclosureDays;
    }

    /**
     * @throws GrantRefusedException with the reason, leaving nothing written (so a caller may catch it and
     *         go on, e.g. 秒批 falling back to manual handling, without its transaction being spoiled)
     */
    @Transactional(noRollbackFor = GrantRefusedException.class)
    public Grant grant(GrantRequest request) {
        if (request.amount() == null || request.amount().signum() <= 0) {
            throw new GrantRefusedException("核定金额应大于 0");
        }
        rows.lockEnterprise(request.uscc());
        if (rows.live(request.uscc(), request.itemCode(), request.period()).isPresent()) {
            throw new GrantRefusedException("该企业 " + request.period() + " 年度已享受本事项，不重复享受");
        }
        Limited limited = limited(request);
        BigDecimal amount = limited.amount();
        String basis = limited.basis();
        if (request.annualBudget() != null) {
            pools.open(request.itemCode(), request.year(), request.annualBudget());
        }
        BigDecimal granted = amount;
        if (!pools.reserve(request.itemCode(), request.year(), granted)) {
            java.util.Optional<String> stopped = pools.stopped(request.itemCode());
            if (stopped.isPresent()) {
                throw new GrantRefusedException("本事项经评估已决定停止执行（" + stopped.get() + "），资金池不再新增预留");
            }
            throw new GrantRefusedException(pools.find(request.itemCode(), request.year())
                    .map(p -> "资金池余额不足：" + request.year() + " 年度可用 " + yuan(p.available()) + " 元，本次需 " + yuan(granted) + " 元")
                    .orElse("本事项 " + request.year() + " 年度资金池尚未设立"));
        }
        LocalDate today = LocalDate.now(clock);
        // 0 working days = no 公示 (training and demos): the grant is due for payment at the next end-of-公示 run
        LocalDate until = disclosureDays == 0 ? today.minusDays(1) : calendar.addWorkingDays(today, disclosureDays);
        String causedBy = request.causedBy() != null ? request.causedBy() : CurrentUser.actor();
        java.util.Optional<Long> inserted = rows.insert(request, amount, basis, today, until,
                causedBy);
        if (inserted.isEmpty()) { // the unique constraint is the last word; give the reservation back
            pools.release(request.itemCode(), request.year(), granted);
            throw new GrantRefusedException("该企业 " + request.period() + " 年度已享受本事项，不重复享受");
        }
        long id = inserted.get();
        events.publishEvent(new GrantEvents.GrantMade(id, request.applicationId(), request.uscc(), request.itemCode(), request.route(), amount,
                clock.instant()));
        // 秒批 and 免申即享 grants are the platform's, whoever's request set them off
        String actor = request.route() == GrantRoute.INSTANT || request.route() == GrantRoute.NO_APPLICATION
                ? io.zhida.identity.CurrentUser.SYSTEM : io.zhida.identity.CurrentUser.actor();
        audit.recordBy(actor, "grant.create", "grant", String.valueOf(id), request.enterpriseName() + " " + request.itemName() + " "
                + yuan(amount) + " 元（" + request.route().label() + "）", null, amount.toPlainString());
        return rows.find(id).orElseThrow();
    }

    /** The amount after 就高不重复 and the per-enterprise annual cap, and why it was cut (null when it was not). */
    private record Limited(BigDecimal amount, String basis) {
    }

    private Limited limited(GrantRequest request) {
        BigDecimal amount = request.amount();
        StringBuilder basis = new StringBuilder();
        if (request.exclusionGroup() != null && !request.exclusionGroup().isBlank()) {
            List<GrantRows.GroupGrant> group = rows.sameGroup(request.uscc(), request.exclusionGroup(), request.year(), request.itemCode());
            BigDecimal already = group.stream().map(GrantRows.GroupGrant::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (already.signum() > 0) {
                String names = String.join("、", group.stream().map(g -> "「" + g.itemName() + "」").toList());
                if (already.compareTo(amount) >= 0) {
                    throw new GrantRefusedException("就高不重复（" + request.exclusionGroup() + "）：本年度已享受" + names + " "
                            + yuan(already) + " 元，不低于本事项的 " + yuan(amount) + " 元");
                }
                basis.append("就高不重复（").append(request.exclusionGroup()).append("）：已享受").append(names).append(' ')
                        .append(yuan(already)).append(" 元，本次补足差额；");
                amount = amount.subtract(already);
            }
        }
        if (request.annualCapPerEnterprise() != null) {
            BigDecimal left = request.annualCapPerEnterprise().subtract(rows.grantedThisYear(request.uscc(), request.itemCode(), request.year()));
            if (left.signum() <= 0) {
                throw new GrantRefusedException("已达本事项每户年度上限 " + yuan(request.annualCapPerEnterprise()) + " 元");
            }
            if (left.compareTo(amount) < 0) {
                basis.append("按每户年度上限 ").append(yuan(request.annualCapPerEnterprise())).append(" 元核减；");
                amount = left;
            }
        }
        return new Limited(amount, basis.length() == 0 ? null : basis.toString());
    }

    /** Enterprises that already hold a grant of the item for the year. */
    public java.util.Set<String> enterprisesGranted(String itemCode, int year) {
        return rows.enterprisesGranted(itemCode, String.valueOf(year));
    }

    public Optional<Grant> find(long id) {
        return rows.find(id);
    }

    public Grant get(long id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException("没有这笔资金：" + id));
    }

    public List<Grant> forEnterprise(String uscc) {
        return rows.forEnterprise(uscc);
    }

    public List<Grant> recent(String itemCode, int limit) {
        return rows.recent(itemCode, limit);
    }

    /** 资金明细: grants of an item, a county and a state, each optional (blank = any), newest first. */
    public Listing<Grant> filtered(String itemCode, String region, Grant.Status status) {
        return rows.filtered(itemCode == null || itemCode.isBlank() ? null : itemCode, region == null || region.isBlank() ? null : region,
                status == null ? null : status.name());
    }

    /** Grants by enterprise, item and period (each optional), newest first: what other systems read. */
    public Listing<Grant> byEnterpriseItemPeriod(String uscc, String itemCode, String period) {
        return rows.byEnterpriseItemPeriod(uscc, itemCode, period);
    }

    public List<Grant> forYear(int year) {
        return rows.forYear(year);
    }

    public int disclosureDays() {
        return disclosureDays;
    }

    public static String yuan(BigDecimal amount) {
        return String.format("%,.2f", amount);
    }
}
