package io.zhida.evaluation;

import io.zhida.calendar.WorkingCalendar;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.evaluation.internal.CampaignRows;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.Unit;
import io.zhida.identity.UserAdministration;
import io.zhida.identity.ZhidaUser;
import io.zhida.notify.Inbox;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import io.zhida.rectification.Ledger;
import io.zhida.rectification.Problem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 三评 campaigns: department self-evaluation with a deadline and reminders, enterprise surveys, third-party
 * check records and platform data feed the leaves of the indicator scheme; scoring weighs them into a total
 * out of 100 per department and county, ranks them, and lists each unit's weak points as problems.
 */
@Service
public class Campaigns {

    private final CampaignRows rows;
    private final Indicators indicators;
    private final PolicyCatalog catalog;
    private final Organisations organisations;
    private final WorkingCalendar calendar;
    private final Ledger ledger;
    private final AuditLog audit;
    private final UserAdministration users;
    private final Inbox inbox;
    private final CampaignScoring scoring;
    private final Clock clock;

    Campaigns(CampaignRows rows, Indicators indicators, CampaignScoring scoring, PolicyCatalog catalog,
              Organisations organisations, WorkingCalendar calendar, Ledger ledger, AuditLog audit, UserAdministration users, Inbox inbox, Clock clock) {
        this.clock = clock;
        this.scoring = scoring;
        this.rows = rows;
        this.indicators = indicators;
        this.catalog = catalog;
        this.organisations = organisations;
        this.calendar = calendar;
        this.ledger = ledger;
        this.audit = audit;
        this.users = users;
        this.inbox = inbox;
    }

    @Transactional
    public long create(String name, long scheme, LocalDate from, LocalDate to, LocalDate selfDeadline, List<String> items,
                       List<String> departments, List<String> counties, BigDecimal threshold, String actor) {
        indicators.scheme(scheme);
        new Validation().requireText(name, "name", "活动名称", 200)
                .require(from != null && to != null && !from.isAfter(to), "periodTo", "评估期间无效")
                .require(selfDeadline != null, "selfDeadline", "请设定自评截止日期")
                .require(!departments.isEmpty() || !counties.isEmpty(), "targets", "请至少选择一个参评部门或县（区）")
                .require(departments.stream().allMatch(d -> organisations.departmentByCode(d).isPresent()), "departments", "参评部门不存在")
                .require(counties.stream().allMatch(c -> organisations.region(c).isPresent()), "counties", "参评县（区）不存在")
                .require(threshold != null && threshold.signum() >= 0 && threshold.compareTo(BigDecimal.valueOf(100)) <= 0,
                        "problemThreshold", "问题线应为 0–100 分")
                .throwIfInvalid();
        long id = rows.insert(name.trim(), scheme, from, to, selfDeadline, threshold, actor);
        items.forEach(i -> rows.item(id, i));
        departments.forEach(d -> rows.target(id, "DEPARTMENT", d));
        counties.forEach(c -> rows.target(id, "COUNTY", c));
        audit.record("campaign.create", "eval_campaign", String.valueOf(id), "发起三评活动", null, name);
        return id;
    }

    public Campaign get(long id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException("没有这个评估活动：" + id));
    }

    public List<Campaign> all() {
        return rows.ids(null).stream().map(this::get).toList();
    }

    /** The self-evaluation leaves of the campaign's scheme. */
    public List<Indicator> selfLeaves(Campaign c) {
        return indicators.leaves(c.schemeId()).keySet().stream().filter(i -> i.source() == Indicator.Source.SELF).toList();
    }

    public Map<Long, CampaignRows.SelfAnswer> selfAnswers(long campaign, String department) {
        return rows.selfAnswers(campaign, department);
    }

    /** A department fills in its own self-evaluation only; the campaign must still be open. */
    @Transactional
    public void saveSelf(long campaignId, String department, Map<Long, BigDecimal> scores, Map<Long, String> notes, boolean submit, ZhidaUser user) {
        if (!organisations.departmentCodeOf(user).map(department::equals).orElse(false)) {
            throw new AccessDeniedException("a department fills in its own self-evaluation only");
        }
        Campaign c = get(campaignId);
        if (!c.departments().contains(department)) {
            throw new AccessDeniedException("this department is not evaluated in this campaign");
        }
        if (!"OPEN".equals(c.status())) {
            throw new InvalidInputException("status", "评估已计分，自评不能再修改");
        }
        if (rows.submissions(campaignId).containsKey(department)) {
            throw new InvalidInputException("status", "自评已提交，不能再修改");
        }
        Set<Long> leaves = new HashSet<>(selfLeaves(c).stream().map(Indicator::id).toList());
        Validation v = new Validation();
        scores.forEach((id, s) -> v.require(leaves.contains(id), "i" + id, "不是本次自评的指标")
                .require(s == null || (s.signum() >= 0 && s.compareTo(BigDecimal.valueOf(100)) <= 0), "i" + id, "自评分应为 0–100"));
        if (submit) {
            v.require(leaves.stream().allMatch(id -> scores.get(id) != null), "scores", "提交前请完成全部自评指标");
        }
        v.throwIfInvalid();
        scores.forEach((id, s) -> {
            if (s != null) {
                rows.saveSelf(campaignId, department, id, s, notes.get(id), user.getUsername());
            }
        });
        if (submit) {
            rows.submitSelf(campaignId, department, user.getUsername());
        }
    }

    public List<Campaign.SelfStatus> selfStatus(long campaignId) {
        Campaign c = get(campaignId);
        Map<String, Instant> submitted = rows.submissions(campaignId);
        Map<String, Long> counts = rows.selfCounts(campaignId);
        Map<String, List<LocalDate>> reminders = rows.reminders(campaignId);
        long leaves = selfLeaves(c).size();
        LocalDate today = LocalDate.now(clock);
        Map<String, String> names = organisations.unitNames();
        List<Campaign.SelfStatus> status = new ArrayList<>();
        for (String d : c.departments()) {
            String state = submitted.containsKey(d) ? "SUBMITTED" : today.isAfter(c.selfDeadline()) ? "OVERDUE"
                    : !calendar.addWorkingDays(today, 2).isBefore(c.selfDeadline()) ? "DUE_SOON" : "OPEN";
            status.add(new Campaign.SelfStatus(d, names.getOrDefault(Unit.department(d).key(), d), submitted.get(d), counts.getOrDefault(d, 0L),
                    leaves, state, reminders.getOrDefault(d, List.of())));
        }
        return status;
    }

    /** Reminders before the deadline (two working days) and overdue warnings after it, once a day per department. */
    @Transactional
    public int remind() {
        int sent = 0;
        LocalDate today = LocalDate.now(clock);
        for (long id : rows.ids("OPEN")) {
            for (Campaign.SelfStatus s : selfStatus(id)) {
                boolean overdue = s.deadlineState().equals("OVERDUE");
                if ((overdue || s.deadlineState().equals("DUE_SOON")) && rows.remind(id, s.department(), overdue ? "OVERDUE" : "BEFORE", today)) {
                    String text = "“" + get(id).name() + "”部门自评" + (overdue ? "已逾期，请立即提交" : "将于 " + get(id).selfDeadline() + " 截止，请按时提交");
                    organisations.departmentByCode(s.department()).ifPresent(d -> users.phonesOf(d.id(), Set.of(Role.DEPT_HEAD, Role.REVIEWER))
                            .forEach(phone -> inbox.sms(phone, text)));
                    sent++;
                }
            }
        }
        return sent;
    }

    @Scheduled(cron = "${zhida.evaluation.reminder-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "campaign-reminders", lockAtMostFor = "PT10M")
    public void scheduledReminders() {
        remind();
    }

    @Transactional
    public void addThirdParty(long campaignId, String kind, String code, long indicator, BigDecimal score, String finding, String checker) {
        Campaign c = get(campaignId);
        boolean target = kind.equals("COUNTY") ? c.counties().contains(code) : c.departments().contains(code);
        boolean leaf = indicators.leaves(c.schemeId()).keySet().stream().anyMatch(i -> i.id() == indicator && i.source() == Indicator.Source.THIRD_PARTY);
        new Validation().require(target, "target", "不是本次评估对象")
                .require(leaf, "indicator", "请选择第三方评指标")
                .require(score != null && score.signum() >= 0 && score.compareTo(BigDecimal.valueOf(100)) <= 0, "score", "得分应为 0–100")
                .requireText(finding, "finding", "核查发现", 2000)
                .requireText(checker, "checker", "核查机构", 100)
                .throwIfInvalid();
        rows.thirdParty(campaignId, kind, code, indicator, score, finding.trim(), checker.trim(), LocalDate.now(clock));
    }

    public List<CampaignRows.ThirdParty> thirdParties(long campaignId) {
        return rows.thirdParties(campaignId);
    }

    /** Scores every leaf for every target, weighs, ranks; may be run again while evidence comes in. */
    public List<Campaign.Result> score(long campaignId, String actor) {
        return scoring.score(get(campaignId));
    }

    /** Ranked results with subtotals per first-level indicator. */
    public List<Campaign.Result> results(long campaignId) {
        return scoring.results(get(campaignId));
    }

    /** Every leaf score of one target, in scheme order. */
    public List<Campaign.LeafScore> leafScores(long campaignId, String kind, String code) {
        return scoring.leafScores(get(campaignId), kind, code);
    }

    /** 问题清单: leaves below the campaign's problem line, per unit. */
    public List<Campaign.LeafScore> problems(long campaignId, String kind, String code) {
        return scoring.problems(get(campaignId), kind, code);
    }

    /** Puts each unit's problem list on the rectification ledger (once per unit and campaign). */
    @Transactional
    public int toLedger(long campaignId, String actor) {
        Campaign c = get(campaignId);
        if (!"SCORED".equals(c.status())) {
            throw new InvalidInputException("status", "请先计分");
        }
        int opened = 0;
        for (Campaign.Result r : results(campaignId)) {
            List<Campaign.LeafScore> weak = problems(campaignId, r.kind(), r.code());
            if (weak.isEmpty()) {
                continue;
            }
            StringBuilder d = new StringBuilder(r.name() + "在“" + c.name() + "”中总分 " + r.total() + "，以下指标低于 " + c.problemThreshold() + " 分：");
            weak.forEach(l -> d.append("\n· ").append(l.indicatorCode()).append(' ').append(l.indicatorName()).append("：").append(l.score()));
            opened += ledger.open(new Problem.New(Problem.Category.EVALUATION, "EVAL-" + campaignId + "-" + r.kind() + "-" + r.code(),
                    c.name() + "问题清单：" + r.name() + "（" + weak.size() + " 项）", d.toString(), r.kind(), r.code(), List.of(), null,
                    "相关指标达到 " + c.problemThreshold() + " 分以上", null, 20), actor).isPresent() ? 1 : 0;
        }
        return opened;
    }

    public List<PolicyItem> items() {
        return catalog.onlineItems();
    }
}
