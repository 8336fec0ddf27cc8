package io.zhida.callback;

import io.zhida.callback.internal.SampleRows;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Organisations;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Today;
import io.zhida.platform.Validation;
import io.zhida.rectification.Ledger;
import io.zhida.rectification.Problem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day's sample (the transactions finished in the {@link #WINDOW_DAYS} days before it, each county within its quota),
 * the operators' answers, and the problems the answers open.
 */
@Service
public class CallbackCentre {

    static final int WINDOW_DAYS = 7;

    private final SampleRows rows;
    private final Organisations organisations;
    private final Ledger ledger;
    private final AuditLog audit;
    private final Clock clock;
    private final int defaultQuota;

    CallbackCentre(SampleRows rows, Organisations organisations, Ledger ledger, AuditLog audit, Clock clock,
                   @Value("${zhida.callback.default-quota:5}") int defaultQuota) {
        this.rows = rows;
        this.organisations = organisations;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.defaultQuota = defaultQuota;
    }

    /** @return how many transactions were drawn for the day */
    @Transactional
    public int draw(LocalDate day) {
        return rows.draw(day, day.minusDays(WINDOW_DAYS).atStartOfDay(Today.ZONE).toInstant(), day.atStartOfDay(Today.ZONE).toInstant(),
                defaultQuota);
    }

    @Scheduled(cron = "${zhida.callback.draw-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "callback-draw", lockAtMostFor = "PT10M")
    public void drawToday() {
        draw(LocalDate.now(clock));
    }

    public List<CallbackSample.Quota> quotas() {
        Map<String, Integer> set = rows.quotas();
        return organisations.counties().stream()
                .map(r -> new CallbackSample.Quota(r.code(), r.name(), set.getOrDefault(r.code(), defaultQuota))).toList();
    }

    @Transactional
    public void setQuota(ZhidaUser user, String region, int daily) {
        AccessPolicy.EVALUATION_WORK.require(user);
        new Validation().require(region != null && organisations.counties().stream().anyMatch(r -> r.code().equals(region)), "region", "请选择县（区）")
                .require(daily >= 0 && daily <= 1000, "daily", "每日回访量应为 0–1000").throwIfInvalid();
        rows.setQuota(region, daily, user.getUsername());
        audit.record("callback.quota", "callback_quota", region, "每日回访量 " + daily, null, daily);
    }

    /** The operator records the call; unresolved or dissatisfied (≤ 2 stars) opens a problem on the county's ledger. */
    @Transactional
    public void answer(ZhidaUser operator, long id, CallbackSample.Status status, Boolean resolved, Integer stars, String note) {
        AccessPolicy.EVALUATION_WORK.require(operator);
        boolean reached = status == CallbackSample.Status.REACHED;
        new Validation().require(status != null && status != CallbackSample.Status.PENDING, "status", "请选择回访结果")
                .require(!reached || (stars != null && stars >= 1 && stars <= 5), "stars", "请记录企业的满意程度（1–5 星）")
                .require(!reached || resolved != null, "resolved", "请记录问题是否已解决")
                .require(!reached || (resolved && stars > 2) || (note != null && !note.isBlank()), "note", "未解决或不满意，请记录企业反映的问题")
                .optionalText(note, "note", "回访记录", 2000).throwIfInvalid();
        CallbackSample s = rows.lock(id).orElseThrow(() -> new NotFoundException("没有这条回访"));
        String text = note == null || note.isBlank() ? null : note.strip();
        if (rows.answer(id, status, reached ? resolved : null, reached ? stars : null, text, operator.getUsername()) == 0) {
            throw new InvalidInputException("status", "该回访已记录");
        }
        if (reached && (!resolved || stars <= 2)) {
            ledger.open(new Problem.New(Problem.Category.CALLBACK, "HF-" + id, "回访" + (resolved ? "不满意" : "问题未解决") + "：" + s.source().label()
                            + (s.refNumber() == null ? "" : " " + s.refNumber()), s.enterpriseName() + "反映：" + text, "COUNTY", s.region(), List.of(),
                    null, "问题解决并经回访确认", null, 10), operator.getUsername()).ifPresent(p -> rows.problem(id, p.id()));
        }
    }

    public Listing<CallbackSample> samples(LocalDate day, CallbackSample.Status status, String region) {
        return rows.list(day, status == null ? null : status.name(), region);
    }

    public List<SampleRows.DayFigures> figures(LocalDate day) {
        return rows.figures(day);
    }
}
