package io.zhida.demo;

import io.zhida.applications.ApplicationHistory;
import io.zhida.backtoback.BackToBack;
import io.zhida.backtoback.BackToBackHistory;
import io.zhida.cockpit.Cockpit;
import io.zhida.datagen.DemoCity;
import io.zhida.engine.rule.Outcome;
import io.zhida.evaluation.Campaigns;
import io.zhida.evaluation.EvaluationHistory;
import io.zhida.evaluation.Indicator;
import io.zhida.evaluation.Indicators;
import io.zhida.evaluation.Survey;
import io.zhida.evaluation.Surveys;
import io.zhida.funds.GrantHistory;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.matching.MatchRow;
import io.zhida.matching.MatchingRebuilt;
import io.zhida.matching.MatchingService;
import io.zhida.notify.InboxHistory;
import io.zhida.platform.Deployment;
import io.zhida.platform.EventPublications;
import io.zhida.rates.ThreeRates;
import io.zhida.rectification.Appeals;
import io.zhida.rectification.RectificationHistory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Twelve months of activity for the demo city, once, after the first matching run. Each module writes its own
 * history into its own tables ({@link InboxHistory}, {@link ApplicationHistory}, {@link GrantHistory},
 * {@link RectificationHistory}, {@link EvaluationHistory}, {@link BackToBackHistory}), dated over the year, which no service can do; what they
 * share they read from working tables {@link DemoWorkingTables} fills from the owners' Java APIs — {@code demo_match} (eligible
 * pairs), {@code demo_enterprise}, {@code demo_item}, {@code demo_reviewing_department} — and from the working
 * tables an earlier history leaves ({@code demo_application}, {@code demo_grant}). Evaluation then goes through
 * the real services: two scored 背靠背 rounds, a campaign with self-evaluations, a phone survey and third-party
 * checks, scored and put on the ledger. Deterministic for a seed; off outside demo mode.
 */
@Component
class DemoActivity {

    private static final Logger log = LoggerFactory.getLogger(DemoActivity.class);

    private final EventPublications publications;
    private final TransactionTemplate transaction;
    private final Environment env;
    private final DemoWorkingTables workingTables;
    private final Histories histories;
    private final BackToBack backToBack;
    private final Campaigns campaigns;
    private final Indicators indicators;
    private final Surveys surveys;
    private final Appeals appeals;
    private final MatchingService matching;
    private final Organisations organisations;
    private final Cockpit cockpit;
    private final io.zhida.cockpit.Reports reports;
    private final ThreeRates threeRates;
    private final boolean enabled;
    private final long seed;
    private final Clock clock;

    /** Each module's writer of its own past year. */
    @Component
    record Histories(InboxHistory inbox, ApplicationHistory applications, GrantHistory grants, RectificationHistory rectification,
                     EvaluationHistory evaluation, BackToBackHistory backToBack, io.zhida.assistance.AssistanceHistory assistance) {
    }

    private SupervisionDemo supervision;

    @org.springframework.beans.factory.annotation.Autowired
    void supervision(SupervisionDemo supervision) {
        this.supervision = supervision;
    }

    DemoActivity(EventPublications publications, TransactionTemplate transaction, Environment env, DemoWorkingTables workingTables, Histories histories,
                 BackToBack backToBack, Campaigns campaigns, Indicators indicators, Surveys surveys, Appeals appeals, MatchingService matching,
                 Organisations organisations, Cockpit cockpit, io.zhida.cockpit.Reports reports, ThreeRates threeRates,
                 @Value("${zhida.demo.activity:true}") boolean enabled, @Value("${zhida.demo.seed}") long seed, Clock clock) {
        this.clock = clock;
        this.publications = publications;
        this.transaction = transaction;
        this.env = env;
        this.workingTables = workingTables;
        this.histories = histories;
        this.backToBack = backToBack;
        this.campaigns = campaigns;
        this.indicators = indicators;
        this.surveys = surveys;
        this.appeals = appeals;
        this.matching = matching;
        this.organisations = organisations;
        this.cockpit = cockpit;
        this.reports = reports;
        this.threeRates = threeRates;
        this.enabled = enabled;
        this.seed = seed;
    }

    @EventListener
    public void on(MatchingRebuilt rebuilt) {
        generateIfFresh();
    }

    /**
     * A start after a crash between the first match and this activity finds the match stored and rebuilds nothing, so
     * no {@link MatchingRebuilt} comes: the activity is made then, once matching is ready, by a background thread.
     */
    @EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void onStart() {
        if (!enabled || !Deployment.isDemo(env)) {
            return;
        }
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(30);
            while (!matching.ready() && System.nanoTime() < deadline) {
                if (!pause()) {
                    return;
                }
            }
            generateIfFresh();
        }, "demo-activity");
        t.setDaemon(true);
        t.start();
    }

    /** Once per fresh demo city: both ways in end here, one after the other. */
    private synchronized void generateIfFresh() {
        if (!enabled || !Deployment.isDemo(env) || organisations.region(DemoCity.CITY_CODE).isEmpty()
                || !histories.applications().none() || !backToBack.rounds().isEmpty()) {
            return; // not a fresh demo city
        }
        long started = System.nanoTime();
        awaitPushes();
        transaction.executeWithoutResult(status -> { // all or nothing: a half-made city would never be completed
            workingTables.fill();
            histories.inbox().spreadOverTheYear();
            histories.applications().write();
            histories.grants().write();
            histories.applications().linkGrants();
            histories.assistance().write();
            histories.rectification().appeals();
            histories.backToBack().unitRatings();
            appeals.reconcile();
            backToBackRounds();
            campaign();
            histories.rectification().progress();
        });
        supervision.seed();
        cockpit.rebuild(); // the histories were written without events
        threeRates.recount();
        java.time.YearMonth last = java.time.YearMonth.from(LocalDate.now(clock)).minusMonths(1);
        reports.generate("MONTHLY", last.toString(), "system"); // what the 1st of the month would have left
        log.info("Demo monthly 兑现 report for {} generated", last);
        log.info("Demo activity for the last 12 months generated in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The first matching run announces its matches through asynchronous event listeners (inbox, SMS); the
     * activity backdates and reads those messages, so it waits until every event publication is complete.
     */
    private void awaitPushes() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (publications.incomplete() > 0 && System.nanoTime() < deadline) {
            if (!pause()) {
                return;
            }
        }
    }

    /** Half a second, on a background start-up thread of the demo (never a request or a test); false when interrupted. */
    private static boolean pause() {
        try {
            Thread.sleep(500);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The two rounds of the last eight months, answered by about 60% of those drawn and scored in order. */
    private void backToBackRounds() {
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(clock);
        Map<String, Double> bias = new HashMap<>();
        backToBack.targets().forEach(t -> bias.put(t.key(), random.nextGaussian() * 0.45));
        for (int i = 2; i >= 1; i--) {
            LocalDate from = today.minusMonths(4L * i).plusDays(1);
            LocalDate to = today.minusMonths(4L * (i - 1));
            long round = backToBack.startRound("第" + (3 - i) + "次背靠背评价（" + from + "至" + to + "）", 300, from, to, seed + i, "evaluator");
            for (String token : histories.backToBack().invitations(round)) {
                if (random.nextDouble() < 0.6) {
                    Map<String, Integer> scores = new HashMap<>();
                    backToBack.targets().forEach(t -> {
                        if (random.nextDouble() < 0.85) {
                            scores.put(t.key(), (int) Math.max(1, Math.min(5, Math.round(4.1 + bias.get(t.key()) + random.nextGaussian() * 0.7))));
                        }
                    });
                    backToBack.answer(token, scores);
                }
            }
            backToBack.score(round, "evaluator", "按回收的答卷计分");
        }
    }

    /** The last six full months evaluated: every city department and county, with all three methods. */
    private void campaign() {
        Random random = new Random(seed + 7);
        LocalDate end = LocalDate.now(clock).withDayOfMonth(1).minusDays(1);
        LocalDate start = end.minusMonths(6).plusDays(1);
        long scheme = indicators.schemes().stream().filter(s -> s.half() == (start.getMonthValue() <= 6 ? 1 : 2)).findFirst().orElseThrow().id();
        List<String> departments = organisations.cityDepartments().stream().map(Organisations.Department::code).toList();
        List<String> counties = organisations.counties().stream().map(Organisations.Region::code).toList();
        long id = campaigns.create(start.getYear() + "年" + start.getMonthValue() + "—" + end.getMonthValue() + "月惠企政策落实评估", scheme,
                start, end, end.plusDays(15), List.of(), departments, counties, new BigDecimal("60"), "evaluator");
        var campaign = campaigns.get(id);
        List<Indicator> selfLeaves = campaigns.selfLeaves(campaign);
        for (Organisations.Department d : organisations.cityDepartments()) { // each department fills in its own, as on its page
            if (random.nextDouble() < 0.85) {
                Map<Long, BigDecimal> scores = new HashMap<>();
                Map<Long, String> notes = new HashMap<>();
                for (Indicator leaf : selfLeaves) {
                    scores.put(leaf.id(), BigDecimal.valueOf(62 + random.nextInt(37)));
                    notes.put(leaf.id(), "已按要求落实，佐证材料已上传");
                }
                campaigns.saveSelf(id, d.code(), scores, notes, true, staffOf(d));
            }
        }
        List<Indicator> thirdParty = indicators.leaves(scheme).keySet().stream().filter(i -> i.source() == Indicator.Source.THIRD_PARTY).toList();
        for (String c : counties) {
            for (Indicator leaf : thirdParty) {
                campaigns.addThirdParty(id, "COUNTY", c, leaf.id(), BigDecimal.valueOf(50 + random.nextInt(48)),
                        "暗访政务大厅、拨打咨询电话并核实兑现材料", "示范市营商环境研究院");
            }
        }
        String item = matching.countsByItem(null).entrySet().stream() // the item most enterprises are eligible for
                .max(Map.Entry.<String, long[]>comparingByValue(java.util.Comparator.comparingLong(c -> c[0])).thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElseThrow();
        long survey = surveys.create("惠企政策知晓度与满意度电话调查", id, item, 120, List.of(
                new Survey.NewQuestion(Survey.Kind.SINGLE, "您是否知晓该项惠企政策？", List.of("知晓", "不知晓"), "AWARENESS", true),
                new Survey.NewQuestion(Survey.Kind.RATING, "您对该政策申报办理的满意程度（1–5 分）", List.of(), "SATISFACTION", true),
                new Survey.NewQuestion(Survey.Kind.TEXT, "您对政策落实还有什么意见建议？", List.of(), null, false)), "evaluator");
        List<Survey.Question> q = surveys.get(survey).questions();
        List<MatchRow> respondents = new ArrayList<>(matching.forItem(item, Outcome.ELIGIBLE, null, 0, 5000));
        java.util.Collections.shuffle(respondents, random);
        for (MatchRow m : respondents.subList(0, Math.min(700, respondents.size()))) {
            boolean knew = random.nextDouble() < 0.78;
            surveys.phone(survey, m.uscc(), null, null, Map.of(q.get(0).id(), List.of(knew ? "知晓" : "不知晓"),
                    q.get(1).id(), List.of(String.valueOf(Math.max(1, Math.min(5, (int) Math.round(4.2 + random.nextGaussian() * 0.8))))),
                    q.get(2).id(), random.nextDouble() < 0.1 ? List.of("希望简化申报材料") : List.of()), "evaluator");
        }
        histories.evaluation().spreadSurveyAnswers(survey, start, end);
        campaigns.score(id, "evaluator");
        campaigns.toLedger(id, "evaluator");
    }

    /** Someone of the department, for the services that ask who acts. */
    private static ZhidaUser staffOf(Organisations.Department d) {
        return new ZhidaUser(0, "demo", d.name() + "（演示）", null, java.util.Set.of(Role.REVIEWER), d.regionCode(), d.regionName(), d.id(),
                d.name(), false, null, true);
    }
}
