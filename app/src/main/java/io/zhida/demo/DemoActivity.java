package io.zhida.demo;

import io.zhida.cockpit.Cockpit;
import io.zhida.datagen.DemoCity;
import io.zhida.engine.rule.Outcome;
import io.zhida.evaluation.BackToBack;
import io.zhida.evaluation.Campaigns;
import io.zhida.evaluation.Indicator;
import io.zhida.evaluation.Indicators;
import io.zhida.evaluation.Survey;
import io.zhida.evaluation.Surveys;
import io.zhida.identity.Organisations;
import io.zhida.matching.MatchRow;
import io.zhida.matching.MatchingRebuilt;
import io.zhida.matching.MatchingService;
import io.zhida.platform.Deployment;
import io.zhida.platform.Today;
import io.zhida.rectification.Appeals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Twelve months of activity for the demo city, once, after the first matching run: the records in
 * {@code demo/activity.sql}, then evaluation through the real services — two scored 背靠背 rounds, a
 * campaign with self-evaluations, a phone survey and third-party checks, scored and put on the ledger —
 * and the ledger's problems at every stage. Off in tests and outside demo mode.
 */
@Component
class DemoActivity {

    private static final Logger log = LoggerFactory.getLogger(DemoActivity.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Environment env;
    private final BackToBack backToBack;
    private final Campaigns campaigns;
    private final Indicators indicators;
    private final Surveys surveys;
    private final Appeals appeals;
    private final MatchingService matching;
    private final Organisations organisations;
    private final Cockpit cockpit;
    private final boolean enabled;
    private final long seed;
    private final javax.sql.DataSource dataSource;
    private final io.zhida.evaluation.ThreeRates threeRates;

    DemoActivity(JdbcClient jdbc, TransactionTemplate transaction, Environment env, BackToBack backToBack, Campaigns campaigns,
                 Indicators indicators, Surveys surveys, Appeals appeals, MatchingService matching, Organisations organisations, Cockpit cockpit,
                 @Value("${zhida.demo.activity:true}") boolean enabled, @Value("${zhida.demo.seed}") long seed,
                 javax.sql.DataSource dataSource, io.zhida.evaluation.ThreeRates threeRates) {
        this.dataSource = dataSource;
        this.threeRates = threeRates;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.env = env;
        this.backToBack = backToBack;
        this.campaigns = campaigns;
        this.indicators = indicators;
        this.surveys = surveys;
        this.appeals = appeals;
        this.matching = matching;
        this.organisations = organisations;
        this.cockpit = cockpit;
        this.enabled = enabled;
        this.seed = seed;
    }

    @EventListener
    public void on(MatchingRebuilt rebuilt) {
        if (!enabled || !Deployment.isDemo(env) || organisations.region(DemoCity.CITY_CODE).isEmpty()
                || jdbc.sql("SELECT count(*) FROM application").query(Long.class).single() > 0
                || jdbc.sql("SELECT count(*) FROM b2b_round").query(Long.class).single() > 0) {
            return; // not a fresh demo city
        }
        long started = System.nanoTime();
        awaitPushes();
        transaction.executeWithoutResult(status -> { // all or nothing: a half-made city would never be completed
            records();
            appeals.reconcile();
            backToBackRounds();
            campaign();
            progressOnTheLedger();
        });
        cockpit.rebuild(); // the records above were written without events
        threeRates.recount();
        log.info("Demo activity for the last 12 months generated in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The first matching run announces its matches through asynchronous event listeners (inbox, SMS); the
     * activity backdates and reads those messages, so it waits until every event publication is complete.
     */
    private void awaitPushes() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() > 0
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500); // a background start-up thread of the demo, never a request or a test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void records() {
        String script;
        try {
            script = new ClassPathResource("demo/activity.sql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the eligible pairs the activity draws from, from the stored match results
        jdbc.sql("CREATE TEMP TABLE demo_match (uscc CHAR(18) NOT NULL, item_code VARCHAR(40) NOT NULL) ON COMMIT DROP").update();
        List<Map.Entry<String, String>> pairs = matching.eligiblePairs(null, null, Integer.MAX_VALUE);
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).batchUpdate("INSERT INTO demo_match (uscc, item_code) VALUES (?, ?)",
                pairs, 5000, (ps, p) -> {
                    ps.setString(1, p.getKey());
                    ps.setString(2, p.getValue());
                });
        for (String statement : script.split("\n--;\n")) {
            String code = statement.replaceAll("(?m)^--.*$", "").trim();
            if (code.startsWith("SELECT")) {
                jdbc.sql(statement).query((rs, n) -> null).list();
            } else if (!code.isEmpty()) {
                jdbc.sql(statement).update();
            }
        }
    }

    /** The two rounds of the last eight months, answered by about 60% of those drawn and scored in order. */
    private void backToBackRounds() {
        Random random = new Random(seed);
        LocalDate today = Today.date();
        Map<String, Double> bias = new HashMap<>();
        backToBack.targets().forEach(t -> bias.put(t.key(), random.nextGaussian() * 0.45));
        for (int i = 2; i >= 1; i--) {
            LocalDate from = today.minusMonths(4L * i).plusDays(1);
            LocalDate to = today.minusMonths(4L * (i - 1));
            long round = backToBack.startRound("第" + (3 - i) + "次背靠背评价（" + from + "至" + to + "）", 300, from, to, seed + i, "evaluator");
            for (String token : jdbc.sql("SELECT token FROM b2b_draw WHERE round_id = ? ORDER BY sample_id").param(round).query(String.class).list()) {
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
            backToBack.score(round, "evaluator", "演示数据：按生成的答卷计分");
        }
    }

    /** The last six full months evaluated: every city department and county, with all three methods. */
    private void campaign() {
        Random random = new Random(seed + 7);
        LocalDate end = Today.date().withDayOfMonth(1).minusDays(1);
        LocalDate start = end.minusMonths(6).plusDays(1);
        long scheme = indicators.schemes().stream().filter(s -> s.half() == (start.getMonthValue() <= 6 ? 1 : 2)).findFirst().orElseThrow().id();
        List<String> departments = organisations.cityDepartments().stream().map(Organisations.Department::code).toList();
        List<String> counties = organisations.counties().stream().map(Organisations.Region::code).toList();
        long id = campaigns.create(start.getYear() + "年" + start.getMonthValue() + "—" + end.getMonthValue() + "月惠企政策落实评估", scheme,
                start, end, end.plusDays(15), List.of(), departments, counties, new BigDecimal("60"), "evaluator");
        var campaign = campaigns.get(id);
        List<Indicator> selfLeaves = campaigns.selfLeaves(campaign);
        for (String d : departments) {
            if (random.nextDouble() < 0.85) {
                for (Indicator leaf : selfLeaves) {
                    jdbc.sql("INSERT INTO eval_self_answer (campaign_id, department_code, indicator_id, score, note, updated_by) VALUES (?, ?, ?, ?, ?, 'demo')")
                            .params(id, d, leaf.id(), 62 + random.nextInt(37), "已按要求落实，佐证材料已上传").update();
                }
                jdbc.sql("INSERT INTO eval_self_submission (campaign_id, department_code, submitted_by) VALUES (?, ?, 'demo')").params(id, d).update();
            }
        }
        List<Indicator> thirdParty = indicators.leaves(scheme).keySet().stream().filter(i -> i.source() == Indicator.Source.THIRD_PARTY).toList();
        for (String c : counties) {
            for (Indicator leaf : thirdParty) {
                campaigns.addThirdParty(id, "COUNTY", c, leaf.id(), BigDecimal.valueOf(50 + random.nextInt(48)),
                        "暗访政务大厅、拨打咨询电话并核实兑现材料", "示范市营商环境研究院");
            }
        }
        String item = jdbc.sql("SELECT item_code FROM match_result WHERE outcome = 'ELIGIBLE' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
                .query(String.class).single();
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
        jdbc.sql("UPDATE survey_answer SET answered_at = CAST(? AS timestamptz) + random() * CAST(? AS int) * interval '1 day' WHERE survey_id = ?")
                .params(java.sql.Timestamp.valueOf(start.atTime(10, 0)), (int) (end.toEpochDay() - start.toEpochDay()), survey).update();
        campaigns.score(id, "evaluator");
        campaigns.toLedger(id, "evaluator");
    }

    /** Older problems have moved on: measures, reports with evidence, re-checks. */
    private void progressOnTheLedger() {
        jdbc.sql("""
                UPDATE problem SET status = 'IN_PROGRESS', measures = '已制定整改方案，明确责任人和时间节点'
                WHERE status = 'OPEN' AND id % 3 <> 0""").update();
        jdbc.sql("""
                UPDATE problem SET status = 'DONE', evidence = '已完成整改：优化办理流程并回访企业，佐证材料已归档', done_at = created_at + interval '9 days'
                WHERE status = 'IN_PROGRESS' AND id % 2 = 0 AND created_at + interval '9 days' < now()""").update();
        jdbc.sql("UPDATE problem SET status = 'CHECKED', checked_at = done_at + interval '5 days' WHERE status = 'DONE' AND id % 4 = 0 AND done_at + interval '5 days' < now()").update();
        jdbc.sql("""
                INSERT INTO problem_event (problem_id, step, note, actor, at)
                SELECT id, 'STARTED', measures, 'demo', created_at + interval '2 days' FROM problem WHERE status IN ('IN_PROGRESS', 'DONE', 'CHECKED')
                UNION ALL SELECT id, 'DONE', evidence, 'demo', done_at FROM problem WHERE done_at IS NOT NULL
                UNION ALL SELECT id, 'CHECKED', '回头看：整改到位，销号', 'evaluator', checked_at FROM problem WHERE checked_at IS NOT NULL""").update();
    }
}
