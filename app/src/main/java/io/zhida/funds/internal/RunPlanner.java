package io.zhida.funds.internal;

import io.zhida.catalog.PolicyCalculator;
import io.zhida.catalog.PolicyItem;
import io.zhida.engine.rule.Calculator;
import io.zhida.engine.rule.Outcome;
import io.zhida.enterprise.AttributeCatalog;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.funds.BankAccounts;
import io.zhida.funds.FundPool;
import io.zhida.funds.FundPools;
import io.zhida.funds.Grant;
import io.zhida.funds.GrantRefusedException;
import io.zhida.funds.GrantRequest;
import io.zhida.funds.GrantRoute;
import io.zhida.funds.Grants;
import io.zhida.funds.NoApplicationRun.PlanLine;
import io.zhida.matching.MatchRow;
import io.zhida.matching.MatchingService;
import io.zhida.notify.Inbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two halves of a 免申即享 run. {@link #plan} checks every matched enterprise against today's data and
 * writes the plan: who would be granted how much, smallest amounts first, and whether the pool as it stands
 * reaches them; the others get their report line at once (已享受, 缺少数据, 不再符合, 规则出错). {@link #execute}
 * then goes down the plan, checks each enterprise again and grants, each in its own transaction with its
 * notice; it only does what has no report line yet, so it can be resumed after a stop.
 */
@Component
public class RunPlanner {

    private static final Logger log = LoggerFactory.getLogger(RunPlanner.class);
    private static final int PAGE = 1000;

    /** Today's answer for one enterprise: an amount to grant, or the report line that says why not. */
    private record Verdict(BigDecimal amount, String outcome, String reason) {
    }

    private final PolicyCalculator calculator;
    private final MatchingService matching;
    private final EnterpriseProfiles profiles;
    private final AttributeCatalog attributes;
    private final Grants grants;
    private final FundPools pools;
    private final BankAccounts accounts;
    private final Inbox inbox;
    private final RunRows runs;
    private final TransactionTemplate perEnterprise;
    private final Clock clock;

    RunPlanner(PolicyCalculator calculator, MatchingService matching, EnterpriseProfiles profiles, AttributeCatalog attributes,
               Grants grants, FundPools pools, BankAccounts accounts, Inbox inbox, RunRows runs, PlatformTransactionManager transactions, Clock clock) {
        this.clock = clock;
        this.calculator = calculator;
        this.matching = matching;
        this.profiles = profiles;
        this.attributes = attributes;
        this.grants = grants;
        this.pools = pools;
        this.accounts = accounts;
        this.inbox = inbox;
        this.runs = runs;
        this.perEnterprise = new TransactionTemplate(transactions);
        this.perEnterprise.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void plan(long runId, PolicyItem item) {
        LocalDate today = LocalDate.now(clock);
        Set<String> granted = grants.enterprisesGranted(item.code(), today.getYear());
        List<PlanLine> candidates = new ArrayList<>();
        for (Outcome outcome : List.of(Outcome.ELIGIBLE, Outcome.UNDETERMINED)) {
            for (int offset = 0; ; offset += PAGE) {
                List<MatchRow> page = matching.forItem(item.code(), outcome, null, offset, PAGE);
                Map<String, EnterpriseProfile> byUscc = profiles.findAll(page.stream().map(MatchRow::uscc).toList()).stream()
                        .collect(Collectors.toMap(EnterpriseProfile::uscc, Function.identity()));
                for (MatchRow match : page) {
                    EnterpriseProfile profile = byUscc.get(match.uscc());
                    if (profile == null) {
                        continue;
                    }
                    if (granted.contains(profile.uscc())) {
                        runs.line(runId, profile.uscc(), profile.name(), "SKIPPED", null,
                                "该企业 " + today.getYear() + " 年度已享受本事项，不重复享受");
                        continue;
                    }
                    Verdict verdict = verdict(item, profile, today);
                    if (verdict.amount() == null) {
                        runs.line(runId, profile.uscc(), profile.name(), verdict.outcome(), null, verdict.reason());
                    } else {
                        candidates.add(new PlanLine(0, profile.uscc(), profile.name(), verdict.amount(), false));
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        candidates.sort(Comparator.comparing(PlanLine::amount).thenComparing(PlanLine::uscc));
        BigDecimal available = pools.find(item.code(), today.getYear()).map(FundPool::available)
                .orElse(item.content().annualBudget() == null ? BigDecimal.ZERO : item.content().annualBudget());
        List<PlanLine> plan = new ArrayList<>(candidates.size());
        BigDecimal committed = BigDecimal.ZERO;
        for (PlanLine c : candidates) {
            boolean covered = committed.add(c.amount()).compareTo(available) <= 0;
            if (covered) {
                committed = committed.add(c.amount());
            }
            plan.add(new PlanLine(plan.size() + 1, c.uscc(), c.enterpriseName(), c.amount(), covered));
        }
        runs.planLines(runId, plan);
        runs.planned(runId, available);
        runs.count(runId);
    }

    /** Grants down the plan what has not been done yet; the run ends DONE, or FAILED with the reason. */
    public void execute(long runId, PolicyItem item, String actor) {
        runs.running(runId);
        try {
            LocalDate today = LocalDate.now(clock);
            for (List<PlanLine> page = runs.pending(runId, PAGE); !page.isEmpty(); page = runs.pending(runId, PAGE)) {
                Map<String, EnterpriseProfile> byUscc = profiles.findAll(page.stream().map(PlanLine::uscc).toList()).stream()
                        .collect(Collectors.toMap(EnterpriseProfile::uscc, Function.identity()));
                for (PlanLine line : page) {
                    grantOne(runId, item, line, byUscc.get(line.uscc()), today, actor);
                }
                runs.count(runId);
            }
            runs.count(runId);
            runs.finish(runId, "DONE", null);
        } catch (RuntimeException e) {
            log.error("免申即享 run {} for {} failed", runId, item.code(), e);
            runs.count(runId);
            runs.finish(runId, "FAILED", "运行出错：" + e.getMessage() + "；已发放的保留，可重新预览并运行以完成其余企业");
        }
    }

    private void grantOne(long runId, PolicyItem item, PlanLine line, EnterpriseProfile profile, LocalDate today, String actor) {
        if (profile == null) {
            runs.line(runId, line.uscc(), line.enterpriseName(), "SKIPPED", null, "企业档案已不存在");
            return;
        }
        Verdict verdict = verdict(item, profile, today);
        if (verdict.amount() == null) {
            runs.line(runId, profile.uscc(), profile.name(), verdict.outcome(), null, verdict.reason());
            return;
        }
        var content = item.content();
        GrantRequest request = new GrantRequest(profile.uscc(), profile.name(), profile.region(), item.code(), content.name(),
                today.getYear(), verdict.amount(), verdict.amount(), content.exclusionGroup(), content.annualCap(),
                content.annualBudget(), GrantRoute.NO_APPLICATION, null, runId, actor, null);
        try {
            perEnterprise.executeWithoutResult(status -> {
                Grant grant = grants.grant(request);
                runs.line(runId, profile.uscc(), profile.name(), "GRANTED", grant.amount(), grant.basis());
                inbox.send(profile.uscc(), "免申即享：您已获得「" + content.name() + "」" + Grants.yuan(grant.amount()) + " 元",
                        "根据平台共享数据，贵单位符合「" + content.name() + "」条件，无需申请，已核定 " + Grants.yuan(grant.amount())
                                + " 元。公示期至 " + grant.disclosureUntil() + "，公示无异议后拨付至贵单位对公账户。"
                                + (accounts.find(profile.uscc()).isPresent() ? "" : "\n平台尚无贵单位收款账户，请在“收款账户”中确认，以免延误拨付。"));
            });
        } catch (GrantRefusedException refused) {
            runs.line(runId, profile.uscc(), profile.name(), "SKIPPED", request.amount(), refused.reason());
        }
    }

    private Verdict verdict(PolicyItem item, EnterpriseProfile profile, LocalDate today) {
        Calculator.Result result = calculator.calculate(item.code(), profile.attributes(), today);
        return switch (result.result()) {
            case UNDETERMINED -> new Verdict(null, "UNDETERMINED", "缺少数据：" + labels(result.missing()));
            case INELIGIBLE -> new Verdict(null, "SKIPPED", "按最新数据已不符合条件");
            case ERROR -> new Verdict(null, "SKIPPED", "政策规则计算出错：" + result.error() + "（请政策编制部门修正规则）");
            case ELIGIBLE -> result.amount() == null
                    ? new Verdict(null, "UNDETERMINED", "缺少金额公式所需数据：" + labels(result.missing()))
                    : result.amount().signum() <= 0 ? new Verdict(null, "SKIPPED", "测算金额为 0")
                    : new Verdict(result.amount(), "GRANTED", null);
        };
    }

    private String labels(Set<String> names) {
        return names.stream().map(attributes::label).collect(Collectors.joining("、"));
    }
}
