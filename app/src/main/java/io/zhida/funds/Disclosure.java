package io.zhida.funds;

import io.zhida.calendar.WorkingCalendar;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.funds.internal.GrantRows;
import io.zhida.funds.internal.ObjectionRows;
import io.zhida.funds.internal.PoolRows;
import io.zhida.identity.AuditLog;
import io.zhida.identity.CurrentUser;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.RateLimit;
import io.zhida.platform.RateLimits;
import io.zhida.platform.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 公示: every grant is published for a number of working days. Anyone may object, with a contact,
 * a limited number of times per contact and per client address. An objection holds the payout only
 * once finance or the item's department has accepted it for review (so a flood of anonymous
 * objections stops nothing); finance then upholds it (grant withdrawn) or dismisses it. When 公示
 * ends without an accepted objection the grant becomes payable and the one-working-day payment clock
 * starts.
 */
@Service
public class Disclosure {

    private static final String MOBILE = "1\\d{10}";
    private static final String EMAIL = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+";

    private final GrantRows grants;
    private final ObjectionRows objections;
    private final PoolRows pools;
    private final WorkingCalendar calendar;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PolicyCatalog catalog;
    private final Organisations organisations;
    private final RateLimits limits;
    private final int perGrantPerContact;
    private final RateLimit perAddress;
    private final RateLimit perContact;
    private final Clock clock;

    Disclosure(GrantRows grants, ObjectionRows objections, PoolRows pools, WorkingCalendar calendar, AuditLog audit,
               ApplicationEventPublisher events, PolicyCatalog catalog, Organisations organisations, RateLimits limits,
               @Value("${zhida.funds.objections.per-grant-per-contact:3}") int perGrantPerContact,
               @Value("${zhida.funds.objections.per-day-per-address:10}") int perDayPerAddress,
               @Value("${zhida.funds.objections.per-day-per-contact:10}") int perDayPerContact, Clock clock) {
        this.clock = clock;
        this.grants = grants;
        this.objections = objections;
        this.pools = pools;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.catalog = catalog;
        this.organisations = organisations;
        this.limits = limits;
        this.perGrantPerContact = perGrantPerContact;
        this.perAddress = RateLimit.named("objections-address").allowing(perDayPerAddress, Duration.ofDays(1));
        this.perContact = RateLimit.named("objections-contact").allowing(perDayPerContact, Duration.ofDays(1));
    }

    /** What the public page shows: in 公示 now, or ended within the last 30 days. */
    public Listing<Grant> published(String itemCode, String query) {
        return grants.disclosed(blankToNull(itemCode), blankToNull(query), LocalDate.now(clock), 30);
    }

    /**
     * Records an objection as received; it holds nothing until staff accept it. Refused (400) without a
     * name, a valid mobile number or e-mail address and a reason; refused (429) past the limits per
     * contact and grant, per contact and day, and per client address and day.
     */
    @Transactional
    public long object(long grantId, String name, String contact, String reason, String clientAddress) {
        Grant grant = grants.find(grantId).orElseThrow(() -> new NotFoundException("没有这条公示记录"));
        Optional<String> contactKey = contactKey(contact);
        new Validation().requireText(name, "name", "姓名或单位", 50)
                .require(contactKey.isPresent(), "contact", "请填写11位手机号或电子邮箱，以便答复")
                .requireText(reason, "reason", "异议事实和理由", 2000)
                .require(reason == null || reason.isBlank() || reason.strip().length() >= 10, "reason", "异议事实和理由至少 10 个字")
                .throwIfInvalid();
        if (grant.status() != Grant.Status.DISCLOSING || LocalDate.now(clock).isAfter(grant.disclosureUntil())) {
            throw new InvalidInputException("grant", "公示期已结束，不再受理异议");
        }
        String key = contactKey.get();
        if (objections.countByContact(grantId, key) >= perGrantPerContact) {
            throw new io.zhida.platform.TooManyRequestsException("同一联系人对同一笔公示资金最多提出 " + perGrantPerContact
                    + " 次异议，已收到的异议将依次核查", 86_400);
        }
        limits.consume(perAddress, clientAddress, "提交异议过于频繁");
        limits.consume(perContact, key, "该联系方式提交异议过于频繁");
        long id = objections.insert(grantId, name.strip(), contact.strip(), key, reason.strip(), clientAddress);
        audit.record("objection.create", "grant", String.valueOf(grantId), "收到公示异议：" + grant.enterpriseName() + "（待受理）",
                null, Map.of("objection", id, "address", clientAddress, "reason", reason.strip()));
        return id;
    }

    /** Objections the person may see: finance, administrators, leaders and evaluators all; a department those on its items. */
    public List<Objection> objections(ZhidaUser viewer) {
        if (seesAll(viewer)) {
            return objections.all();
        }
        Optional<String> department = departmentOf(viewer);
        if (department.isEmpty()) {
            return List.of();
        }
        Map<String, Boolean> ours = new HashMap<>();
        return objections.all().stream()
                .filter(o -> ours.computeIfAbsent(o.itemCode(), code -> itemDepartments(code).contains(department.get())))
                .toList();
    }

    /** The states of the objections against each grant, for the public page: no names, no contacts. */
    public Map<Long, List<Objection.Public>> publicStates(Collection<Long> grantIds) {
        return objections.forGrants(grantIds).stream().collect(Collectors.groupingBy(Objection.Public::grantId));
    }

    /** Whether the person may accept or turn down this objection: finance, administrators, or staff of the item's department. */
    public boolean mayReview(ZhidaUser user, Objection objection) {
        if (user.has(Role.FINANCE) || user.has(Role.ADMIN)) {
            return true;
        }
        return (user.has(Role.REVIEWER) || user.has(Role.DEPT_HEAD))
                && departmentOf(user).map(d -> itemDepartments(objection.itemCode()).contains(d)).orElse(false);
    }

    /** Whether the person may close an accepted objection (upheld or not): finance and administrators, as the payer. */
    public static boolean mayResolve(ZhidaUser user) {
        return user.has(Role.FINANCE) || user.has(Role.ADMIN);
    }

    /** Accepted for review: from now on the payout waits for the answer. Only while the grant is still in 公示. */
    @Transactional
    public void accept(long objectionId, String note, ZhidaUser by) {
        Objection objection = reviewable(objectionId, by);
        Grant grant = grants.find(objection.grantId()).orElseThrow();
        if (grant.status() != Grant.Status.DISCLOSING) {
            throw new InvalidInputException("objection", "该笔资金已结束公示（" + grant.status().label() + "），不能再暂停拨付；请不予受理并说明理由，或另行核查");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 500) {
            throw new InvalidInputException("note", "受理意见不能超过 500 字");
        }
        if (objections.accept(objectionId, text, CurrentUser.actor()) == 0) {
            throw new InvalidInputException("objection", "该异议已处理");
        }
        audit.record("objection.accept", "grant", String.valueOf(objection.grantId()),
                "受理公示异议，核查期间暂停拨付：" + objection.enterpriseName(), objection.status().name(), text);
    }

    /** Turned down without review (no facts, off topic, abusive): the reason is given and published. */
    @Transactional
    public void rejectAsUnfounded(long objectionId, String reason, ZhidaUser by) {
        Objection objection = reviewable(objectionId, by);
        new Validation().requireText(reason, "answer", "不予受理的理由", 500).throwIfInvalid();
        if (objections.answer(objectionId, "RECEIVED", "UNFOUNDED", reason.strip(), CurrentUser.actor()) == 0) {
            throw new InvalidInputException("objection", "该异议已处理");
        }
        audit.record("objection.unfounded", "grant", String.valueOf(objection.grantId()),
                "公示异议不予受理：" + objection.enterpriseName(), objection.reason(), reason.strip());
    }

    /** Upheld: the grant is withdrawn and its reservation released. Dismissed: 公示 goes on. Only accepted objections. */
    @Transactional
    public void answer(long objectionId, boolean upheld, String answer) {
        if (answer == null || answer.isBlank()) {
            throw new InvalidInputException("answer", "请填写处理意见");
        }
        Objection objection = objections.find(objectionId).orElseThrow(() -> new NotFoundException("没有这条异议"));
        if (objection.status() == Objection.Status.RECEIVED) {
            throw new InvalidInputException("objection", "该异议尚未受理：请先受理核查，或不予受理并说明理由");
        }
        if (objections.answer(objectionId, "ACCEPTED", upheld ? "UPHELD" : "DISMISSED", answer.strip(), CurrentUser.actor()) == 0) {
            throw new InvalidInputException("objection", "该异议已处理");
        }
        if (upheld) {
            Grant grant = grants.find(objection.grantId()).orElseThrow();
            if (grants.transition(grant.id(), Grant.Status.DISCLOSING, Grant.Status.CANCELLED) == 1) {
                pools.release(grant.itemCode(), Integer.parseInt(grant.period()), grant.amount());
                events.publishEvent(new GrantEvents.GrantCancelled(grant.id(), grant.applicationId(), grant.uscc(),
                        "公示异议成立：" + answer.strip()));
            }
        }
        audit.record("objection.answer", "grant", String.valueOf(objection.grantId()), upheld ? "异议成立，撤销资金" : "异议不成立",
                objection.reason(), answer);
    }

    /** A mobile number (digits only) or an e-mail address (lower case): how one person is counted. */
    static Optional<String> contactKey(String contact) {
        if (contact == null) {
            return Optional.empty();
        }
        String compact = contact.strip().replace(" ", "").replace("-", "");
        if (compact.matches(MOBILE)) {
            return Optional.of(compact);
        }
        String email = contact.strip().toLowerCase(Locale.ROOT);
        return email.length() <= 100 && email.matches(EMAIL) ? Optional.of(email) : Optional.empty();
    }

    private Objection reviewable(long objectionId, ZhidaUser by) {
        Objection objection = objections.find(objectionId).orElseThrow(() -> new NotFoundException("没有这条异议"));
        if (!mayReview(by, objection)) {
            throw new AccessDeniedException("finance or the item's department only");
        }
        return objection;
    }

    private static boolean seesAll(ZhidaUser user) {
        return user.has(Role.FINANCE) || user.has(Role.ADMIN) || user.has(Role.LEADER) || user.has(Role.EVALUATOR);
    }

    private Optional<String> departmentOf(ZhidaUser user) {
        return organisations.departmentCodeOf(user);
    }

    private List<String> itemDepartments(String itemCode) {
        return catalog.published(itemCode).map(i -> i.content().departments()).orElse(List.of());
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
        LocalDate today = LocalDate.now(clock);
        int count = 0;
        for (Grant grant : grants.dueForPayment(today)) {
            Instant due = calendar.addWorkingMinutes(clock.instant(), io.zhida.calendar.WorkingTime.MINUTES_PER_DAY);
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
