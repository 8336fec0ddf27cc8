package io.zhida.funds;

import io.zhida.catalog.HandlingMode;
import io.zhida.catalog.PolicyCalculator;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.enterprise.AttributeCatalog;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.engine.rule.Calculator;
import io.zhida.engine.rule.Outcome;
import io.zhida.funds.internal.RunRows;
import io.zhida.identity.CurrentUser;
import io.zhida.matching.MatchRow;
import io.zhida.matching.MatchingService;
import io.zhida.notify.Inbox;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Today;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 免申即享: for an item that needs no application, the matching engine's eligible enterprises are
 * re-checked against today's data, their amounts computed and grants made, each in its own
 * transaction with its notice. Re-running grants nothing twice (the grant's unique constraint); the
 * run's report says who was granted, who was skipped and why, and whose data is incomplete.
 */
@Service
public class NoApplicationRuns {

    private static final Logger log = LoggerFactory.getLogger(NoApplicationRuns.class);
    private static final int PAGE = 1000;

    private final PolicyCatalog catalog;
    private final PolicyCalculator calculator;
    private final MatchingService matching;
    private final EnterpriseProfiles profiles;
    private final AttributeCatalog attributes;
    private final Grants grants;
    private final BankAccounts accounts;
    private final Inbox inbox;
    private final RunRows runs;
    private final TransactionTemplate perEnterprise;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "no-application-run");
        t.setDaemon(true);
        return t;
    });

    NoApplicationRuns(PolicyCatalog catalog, PolicyCalculator calculator, MatchingService matching, EnterpriseProfiles profiles,
                      AttributeCatalog attributes, Grants grants, BankAccounts accounts, Inbox inbox, RunRows runs,
                      PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.calculator = calculator;
        this.matching = matching;
        this.profiles = profiles;
        this.attributes = attributes;
        this.grants = grants;
        this.accounts = accounts;
        this.inbox = inbox;
        this.runs = runs;
        this.perEnterprise = new TransactionTemplate(transactions);
        this.perEnterprise.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Every online 免申即享 item, once a day, on one node. */
    @Scheduled(cron = "${zhida.funds.no-application-cron:0 0 2 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "funds.no-application-runs", lockAtMostFor = "PT6H")
    public void runAllScheduled() {
        if (!matching.ready()) {
            log.info("免申即享 run postponed: start-up matching still running");
            return;
        }
        for (PolicyItem item : catalog.onlineItems()) {
            if (item.content().mode() == HandlingMode.NO_APPLICATION) {
                run(item.code(), "SCHEDULED");
            }
        }
    }

    /** 立即运行 from the page: checks the item, then runs in the background; the page shows progress. */
    public long startManual(String itemCode) {
        PolicyItem item = noApplicationItem(itemCode);
        if (!matching.ready()) {
            throw new InvalidInputException("item", "平台启动后的全量匹配尚未完成，请稍后再运行");
        }
        long runId = runs.start(item.code(), item.content().name(), "MANUAL", CurrentUser.actor());
        background.submit(() -> execute(runId, item));
        return runId;
    }

    /** Runs one item now, on the calling thread; returns the finished run. */
    public NoApplicationRun run(String itemCode, String trigger) {
        PolicyItem item = noApplicationItem(itemCode);
        long runId = runs.start(item.code(), item.content().name(), trigger, CurrentUser.actor());
        execute(runId, item);
        return runs.find(runId).orElseThrow();
    }

    public List<NoApplicationRun> recent() {
        return runs.recent(100);
    }

    public NoApplicationRun get(long id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("没有这次运行"));
    }

    public List<NoApplicationRun.Line> lines(long runId, String outcome) {
        return runs.lines(runId, outcome, 5000);
    }

    private PolicyItem noApplicationItem(String itemCode) {
        PolicyItem item = catalog.onlineItem(itemCode).orElseThrow(() -> new NotFoundException("没有在线的政策事项：" + itemCode));
        if (item.content().mode() != HandlingMode.NO_APPLICATION) {
            throw new InvalidInputException("item", "「" + item.content().name() + "」不是免申即享事项");
        }
        return item;
    }

    private void execute(long runId, PolicyItem item) {
        try {
            LocalDate today = Today.date();
            for (Outcome outcome : List.of(Outcome.ELIGIBLE, Outcome.UNDETERMINED)) {
                for (int offset = 0; ; offset += PAGE) {
                    List<MatchRow> page = matching.forItem(item.code(), outcome, null, offset, PAGE);
                    Map<String, EnterpriseProfile> byUscc = profiles.findAll(page.stream().map(MatchRow::uscc).toList()).stream()
                            .collect(Collectors.toMap(EnterpriseProfile::uscc, Function.identity()));
                    for (MatchRow match : page) {
                        EnterpriseProfile profile = byUscc.get(match.uscc());
                        if (profile != null) {
                            decide(runId, item, profile, today);
                        }
                    }
                    runs.count(runId, false);
                    if (page.size() < PAGE) {
                        break;
                    }
                }
            }
        } catch (RuntimeException e) {
            log.error("免申即享 run {} for {} failed", runId, item.code(), e);
        } finally {
            runs.count(runId, true);
        }
    }

    private void decide(long runId, PolicyItem item, EnterpriseProfile profile, LocalDate today) {
        Calculator.Result result = calculator.calculate(item.code(), profile.attributes(), today);
        if (result.result() == Outcome.UNDETERMINED) {
            runs.line(runId, profile.uscc(), profile.name(), "UNDETERMINED", null, "缺少数据：" + result.missing().stream()
                    .map(attributes::label).collect(Collectors.joining("、")));
            return;
        }
        if (result.result() == Outcome.INELIGIBLE) {
            runs.line(runId, profile.uscc(), profile.name(), "SKIPPED", null, "按最新数据已不符合条件");
            return;
        }
        if (result.amount() == null || result.amount().signum() <= 0) {
            runs.line(runId, profile.uscc(), profile.name(), "SKIPPED", null, "测算金额为 0");
            return;
        }
        var content = item.content();
        GrantRequest request = new GrantRequest(profile.uscc(), profile.name(), profile.region(), item.code(), content.name(),
                today.getYear(), result.amount(), result.amount(), content.exclusionGroup(), content.annualCap(),
                content.annualBudget(), GrantRoute.NO_APPLICATION, null, runId);
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
}
