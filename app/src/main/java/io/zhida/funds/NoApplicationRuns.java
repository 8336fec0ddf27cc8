package io.zhida.funds;

import io.zhida.catalog.HandlingMode;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.funds.internal.RunPlanner;
import io.zhida.funds.internal.RunRows;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AuditLog;
import io.zhida.identity.CurrentUser;
import io.zhida.identity.ZhidaUser;
import io.zhida.matching.MatchingService;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.Nodes;
import io.zhida.platform.NotFoundException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * 免申即享: for an item that needs no application, the matching engine's eligible enterprises are
 * re-checked against today's data, their amounts computed and grants made. A finance officer first sees
 * a preview — who would be granted, in which order (smallest amounts first, so a short pool reaches as
 * many enterprises as it can), the total, the pool and who it would leave out — and confirms it under
 * their name; the schedule runs without a preview as "system". An item never has two runs queued or
 * running at once. Each grant is its own transaction and unique per enterprise, item and year, so a run
 * left behind by a stopped node is finished by another without granting anything twice.
 */
@Service
public class NoApplicationRuns {

    private static final Logger log = LoggerFactory.getLogger(NoApplicationRuns.class);
    private static final List<String> PREVIEWS = List.of("PLANNING", "PREVIEW");
    private static final List<String> ACTIVE = List.of("QUEUED", "RUNNING");

    private final PolicyCatalog catalog;
    private final MatchingService matching;
    private final RunPlanner planner;
    private final RunRows runs;
    private final Nodes nodes;
    private final AuditLog audit;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "no-application-run");
        t.setDaemon(true);
        return t;
    });

    NoApplicationRuns(PolicyCatalog catalog, MatchingService matching, RunPlanner planner, RunRows runs, Nodes nodes, AuditLog audit) {
        this.catalog = catalog;
        this.matching = matching;
        this.planner = planner;
        this.runs = runs;
        this.nodes = nodes;
        this.audit = audit;
    }

    /** Every online 免申即享 item, once a day, on one node; an item with a run already queued or running is left to it. */
    @Scheduled(cron = "${zhida.funds.no-application-cron:0 0 2 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "funds.no-application-runs", lockAtMostFor = "PT6H")
    public void runAllScheduled() {
        if (!matching.ready()) {
            log.info("免申即享 run postponed: start-up matching still running");
            return;
        }
        for (PolicyItem item : catalog.onlineItems()) {
            if (item.content().mode() == HandlingMode.NO_APPLICATION) {
                try {
                    run(item.code(), "SCHEDULED");
                } catch (InvalidInputException busy) {
                    log.info("免申即享 {}: {}", item.code(), busy.errors().get(0).message());
                }
            }
        }
    }

    /** 预览: plans the run in the background and returns it; an open preview of the item is returned instead of a second one. */
    public long preview(String itemCode, ZhidaUser user) {
        AccessPolicy.FUNDS_PAYMENT.require(user);
        PolicyItem item = noApplicationItem(itemCode);
        if (!matching.ready()) {
            throw new InvalidInputException("item", "平台启动后的全量匹配尚未完成，请稍后再运行");
        }
        var open = runs.open(item.code(), PREVIEWS);
        if (open.isPresent()) {
            return open.get();
        }
        long runId = runs.start(item.code(), item.content().name(), "MANUAL", user.getUsername(), "PLANNING", nodes.current())
                .orElseGet(() -> runs.open(item.code(), PREVIEWS).orElseThrow());
        background.submit(() -> {
            try {
                planner.plan(runId, item);
                runs.transition(runId, "PLANNING", "PREVIEW", nodes.current());
            } catch (RuntimeException e) {
                log.error("免申即享 preview {} failed", runId, e);
                runs.finish(runId, "FAILED", "预览出错：" + e.getMessage());
            }
        });
        return runId;
    }

    /** 确认发放: the previewed run is queued under the confirming officer's name. */
    public void confirm(long runId, ZhidaUser user) {
        AccessPolicy.FUNDS_PAYMENT.require(user);
        NoApplicationRun run = get(runId);
        if (!run.awaitingConfirmation()) {
            throw new InvalidInputException("run", "该运行当前状态为“" + run.statusLabel() + "”，不是待确认的预览");
        }
        PolicyItem item = noApplicationItem(run.itemCode());
        try {
            if (!runs.confirm(runId, user.getUsername(), nodes.current())) {
                throw new InvalidInputException("run", "该预览已被确认或放弃，请刷新");
            }
        } catch (DuplicateKeyException busy) {
            long other = runs.open(run.itemCode(), ACTIVE).orElse(0L);
            throw new InvalidInputException("run", "该事项已有一次运行（#" + other + "）在排队或进行中，待其完成后再确认");
        }
        audit.record("funds.run.confirm", "no_application_run", Long.toString(runId), "确认免申即享发放：" + run.itemName()
                + "，预计 " + run.planned() + " 户 " + Grants.yuan(run.plannedAmount()) + " 元", null, null);
        String actor = user.getUsername();
        background.submit(() -> planner.execute(runId, item, actor));
    }

    public void discard(long runId, ZhidaUser user) {
        AccessPolicy.FUNDS_PAYMENT.require(user);
        if (!runs.transition(runId, "PREVIEW", "DISCARDED", nodes.current())) {
            throw new InvalidInputException("run", "只能放弃待确认的预览");
        }
        runs.finish(runId, "DISCARDED", null);
    }

    /** Plans and runs one item now on the calling thread (the schedule; tests), without a preview. */
    public NoApplicationRun run(String itemCode, String trigger) {
        PolicyItem item = noApplicationItem(itemCode);
        String actor = CurrentUser.actor();
        long runId = runs.start(item.code(), item.content().name(), trigger, actor, "RUNNING", nodes.current())
                .orElseThrow(() -> new InvalidInputException("item", "该事项已有一次运行（#"
                        + runs.open(item.code(), ACTIVE).orElse(0L) + "）在排队或进行中"));
        try {
            planner.plan(runId, item);
        } catch (RuntimeException e) {
            runs.finish(runId, "FAILED", "核定出错：" + e.getMessage());
            throw e;
        }
        planner.execute(runId, item, actor);
        return get(runId);
    }

    /** Runs whose node stopped (restart, crash) are claimed here and finished; previews in planning fail with the reason. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${zhida.recovery.interval-ms:60000}", initialDelayString = "${zhida.recovery.interval-ms:60000}")
    public void resumeOrphans() {
        for (long runId : runs.recoverOrphans(nodes.current())) {
            NoApplicationRun run = get(runId);
            log.warn("免申即享 run {} ({}) was left behind by a stopped node; finishing it", runId, run.itemCode());
            PolicyItem item = catalog.published(run.itemCode()).orElse(null);
            if (item == null) {
                runs.finish(runId, "FAILED", "事项已不存在，运行终止");
                continue;
            }
            String actor = run.confirmedBy() != null ? run.confirmedBy() : run.actor();
            background.submit(() -> planner.execute(runId, item, actor));
        }
    }

    /** The runs, newest first, of one item and in one state (each optional: blank = any); an unknown state is refused. */
    public Listing<NoApplicationRun> list(String itemCode, String status) {
        String s = status == null || status.isBlank() ? null : status.strip();
        if (s != null && !NoApplicationRun.STATUSES.contains(s)) {
            throw new InvalidInputException("status", "运行状态“" + s + "”不存在");
        }
        return runs.listing(itemCode == null || itemCode.isBlank() ? null : itemCode.strip(), s);
    }

    public NoApplicationRun get(long id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("没有这次运行"));
    }

    public List<NoApplicationRun.Line> lines(long runId, String outcome) {
        return runs.lines(runId, outcome, 5000);
    }

    public List<NoApplicationRun.PlanLine> plan(long runId) {
        return runs.plan(runId, 5000);
    }

    private PolicyItem noApplicationItem(String itemCode) {
        PolicyItem item = catalog.onlineItem(itemCode).orElseThrow(() -> new NotFoundException("没有在线的政策事项：" + itemCode));
        if (item.content().mode() != HandlingMode.NO_APPLICATION) {
            throw new InvalidInputException("item", "「" + item.content().name() + "」不是免申即享事项");
        }
        return item;
    }
}
