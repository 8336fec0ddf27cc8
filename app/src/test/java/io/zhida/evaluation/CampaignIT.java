package io.zhida.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.platform.Today;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A 三评 campaign end to end: self-evaluation (each department its own), a survey by link, a third-party check, scores, reports, ledger. */
@ZhidaIntegrationTest
class CampaignIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.zhida.matching.MatchingService matching;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Indicators indicators;
    @Autowired
    Surveys surveys;
    @Autowired
    UserAdministration users;

    @Test
    void theDefaultIndicatorSystemIsThreeThirteenTwentyOneWithWeightsThatAddUp() {
        for (var scheme : indicators.schemes()) {
            List<Indicator> tree = indicators.tree(scheme.id());
            assertThat(tree).hasSize(3);
            assertThat(tree.stream().mapToInt(i -> i.children().size()).sum()).isEqualTo(13);
            assertThat(indicators.leaves(scheme.id())).hasSize(21);
            assertThat(indicators.leaves(scheme.id()).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("100");
            assertThat(indicators.problems(scheme.id())).isEmpty();
        }
        var first = indicators.schemes().get(0);
        var second = indicators.schemes().get(1);
        assertThat(indicators.tree(first.id()).get(0).weight()).as("first half stresses awareness")
                .isGreaterThan(indicators.tree(second.id()).get(0).weight());
        assertThat(indicators.tree(second.id()).get(2).weight()).as("second half stresses fulfilment")
                .isGreaterThan(indicators.tree(first.id()).get(2).weight());
    }

    @Test
    void aCampaignRunsFromSelfEvaluationToScoresReportsAndTheLedger() throws Exception {
        Cookie evaluator = Sessions.login(mvc, "evaluator");
        LocalDate today = Today.date();
        long scheme = indicators.schemes().get(1).id();
        mvc.perform(post("/evaluation/campaigns").param("name", "测试三评活动").param("scheme", String.valueOf(scheme))
                .param("from", today.minusMonths(6).toString()).param("to", today.toString()).param("selfDeadline", today.plusDays(10).toString())
                .param("departments", "C-JXJ", "C-CZJ").param("counties", "519921", "519922").param("threshold", "60")
                .cookie(evaluator).with(csrf())).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM eval_campaign WHERE name = '测试三评活动'").query(Long.class).single();
        Campaign campaign = campaigns.get(id);
        List<Indicator> selfLeaves = campaigns.selfLeaves(campaign);
        assertThat(selfLeaves).hasSize(5);

        // 经信局's reviewer may neither open nor fill in 财政局's self-evaluation; the enterprise sees nothing
        Cookie jxj = Sessions.login(mvc, "reviewer");
        mvc.perform(get("/evaluation/campaigns/" + id + "/self/C-CZJ").cookie(jxj)).andExpect(status().isForbidden());
        mvc.perform(selfScores(post("/evaluation/campaigns/" + id + "/self/C-CZJ"), selfLeaves, "90").param("submit", "true").cookie(jxj).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(campaigns.selfAnswers(id, "C-CZJ")).isEmpty();
        mvc.perform(get("/evaluation/campaigns/" + id).cookie(Sessions.login(mvc, "enterprise"))).andExpect(status().isForbidden());

        // its own: a wrong score is refused, a partial save is kept, submission needs every leaf, then it is locked
        mvc.perform(post("/evaluation/campaigns/" + id + "/self/C-JXJ").param("score-" + selfLeaves.get(0).id(), "120").cookie(jxj).with(csrf()))
                .andExpect(flash().attribute("error", "自评分应为 0–100"));
        mvc.perform(post("/evaluation/campaigns/" + id + "/self/C-JXJ").param("score-" + selfLeaves.get(0).id(), "abc").cookie(jxj).with(csrf()))
                .andExpect(flash().attribute("error", "自评分应为数字"));
        mvc.perform(post("/evaluation/campaigns/" + id + "/self/C-JXJ").param("score-" + selfLeaves.get(0).id(), "70").param("submit", "true")
                .cookie(jxj).with(csrf())).andExpect(flash().attribute("error", "提交前请完成全部自评指标"));
        mvc.perform(selfScores(post("/evaluation/campaigns/" + id + "/self/C-JXJ"), selfLeaves, "80").param("submit", "true").cookie(jxj).with(csrf()))
                .andExpect(flash().attribute("message", "自评已提交"));
        mvc.perform(selfScores(post("/evaluation/campaigns/" + id + "/self/C-JXJ"), selfLeaves, "100").cookie(jxj).with(csrf()))
                .andExpect(flash().attribute("error", "自评已提交，不能再修改"));
        assertThat(campaigns.selfStatus(id)).filteredOn(s -> s.department().equals("C-JXJ")).extracting(Campaign.SelfStatus::deadlineState)
                .containsExactly("SUBMITTED");

        // past the deadline: one overdue warning per department and day, by SMS to the department's reviewers and head
        long czj = jdbc.sql("SELECT id FROM department WHERE code = 'C-CZJ'").query(Long.class).single();
        users.create(new UserAdministration.UserForm("czj-reviewer", "财政局审核员", Sessions.DEMO_PASSWORD, Set.of(Role.REVIEWER), null, czj, null, "13900001111"));
        jdbc.sql("UPDATE eval_campaign SET self_deadline = current_date - 1 WHERE id = ?").param(id).update();
        assertThat(campaigns.remind()).isGreaterThanOrEqualTo(1);
        assertThat(campaigns.remind()).as("once a day").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM eval_reminder WHERE campaign_id = ? AND department_code = 'C-CZJ' AND kind = 'OVERDUE'").param(id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM eval_reminder WHERE campaign_id = ? AND department_code = 'C-JXJ'").param(id)
                .query(Long.class).single()).as("submitted: no warning").isZero();
        assertThat(jdbc.sql("SELECT text FROM outbound_message WHERE address = '13900001111'").query(String.class).list())
                .anyMatch(t -> t.contains("测试三评活动") && t.contains("已逾期"));
        jdbc.sql("UPDATE eval_campaign SET self_deadline = current_date + 10 WHERE id = ?").param(id).update();

        // a third-party check on 青山县, and a bad one refused
        Indicator check = indicators.leaves(scheme).keySet().stream().filter(i -> i.source() == Indicator.Source.THIRD_PARTY).findFirst().orElseThrow();
        mvc.perform(post("/evaluation/campaigns/" + id + "/third-party").param("target", "COUNTY:519921").param("indicator", String.valueOf(check.id()))
                .param("score", "150").param("finding", "x").param("checker", "研究院").cookie(evaluator).with(csrf()))
                .andExpect(flash().attributeExists("error"));
        mvc.perform(post("/evaluation/campaigns/" + id + "/third-party").param("target", "COUNTY:519921").param("indicator", String.valueOf(check.id()))
                .param("score", "50").param("finding", "大厅咨询台无法解答申报条件").param("checker", "示范市营商环境研究院").cookie(evaluator).with(csrf()))
                .andExpect(flash().attributeExists("message"));

        // a survey sent by in-site message to eligible enterprises, answered by link once
        String item = matching.countsByItem(null).entrySet().stream().filter(c -> c.getValue()[0] >= 5).map(java.util.Map.Entry::getKey)
                .sorted().findFirst().orElseThrow();
        long survey = surveys.create("测试活动问卷", id, item, 120, List.of(
                new Survey.NewQuestion(Survey.Kind.SINGLE, "是否知晓", List.of("知晓", "不知晓"), "AWARENESS", true),
                new Survey.NewQuestion(Survey.Kind.RATING, "满意程度", List.of(), "SATISFACTION", true)), "evaluator");
        mvc.perform(post("/evaluation/surveys/" + survey + "/send").param("channel", "INBOX").param("limit", "5").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("message", "已向 5 家符合条件的企业发出问卷链接"));
        mvc.perform(post("/evaluation/surveys/" + survey + "/send").param("channel", "INBOX").param("limit", "5").cookie(evaluator).with(csrf()))
                .andExpect(flash().attribute("message", "已向 0 家符合条件的企业发出问卷链接"));
        String token = jdbc.sql("SELECT token FROM survey_invitation WHERE survey_id = ? LIMIT 1").param(survey).query(String.class).single();
        List<Survey.Question> q = surveys.get(survey).questions();
        mvc.perform(get("/portal/surveys/" + token)).andExpect(status().isOk());
        mvc.perform(post("/portal/surveys/" + token).param("q-" + q.get(0).id(), "也许").param("q-" + q.get(1).id(), "5").with(csrf()))
                .andExpect(flash().attributeExists("error"));
        mvc.perform(post("/portal/surveys/" + token).param("q-" + q.get(0).id(), "知晓").param("q-" + q.get(1).id(), "5").with(csrf()))
                .andExpect(flash().attributeExists("message"));
        mvc.perform(post("/portal/surveys/" + token).param("q-" + q.get(0).id(), "知晓").param("q-" + q.get(1).id(), "1").with(csrf()))
                .andExpect(flash().attribute("error", "该受访者已经答过这份问卷（每人一次）"));
        assertThat(surveys.progress(survey).stream().mapToLong(Survey.Progress::answers).sum()).isEqualTo(1);
        mvc.perform(get("/evaluation/surveys/" + survey).cookie(evaluator)).andExpect(status().isOk());

        mvc.perform(post("/evaluation/campaigns/" + id + "/score").cookie(evaluator).with(csrf())).andExpect(status().is3xxRedirection());
        List<Campaign.Result> results = campaigns.results(id);
        assertThat(results).hasSize(4);
        for (Campaign.Result r : results) { // the total is the weighted mean over the leaves that have a score
            Map<Indicator, BigDecimal> leaves = indicators.leaves(scheme);
            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            for (Campaign.LeafScore l : campaigns.leafScores(id, r.kind(), r.code())) {
                if (l.score() != null) {
                    BigDecimal w = leaves.entrySet().stream().filter(e -> e.getKey().id() == l.indicatorId()).findFirst().orElseThrow().getValue();
                    weighted = weighted.add(l.score().multiply(w));
                    weights = weights.add(w);
                }
            }
            assertThat(r.total()).isEqualByComparingTo(weighted.divide(weights, 2, RoundingMode.HALF_UP));
            assertThat(r.subtotals().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isCloseTo(r.total(), org.assertj.core.data.Offset.offset(new BigDecimal("0.05")));
        }
        // a unit is ranked only when indicators carrying half of the weight have data; the others come after, unranked
        Map<Indicator, BigDecimal> weightOf = indicators.leaves(scheme);
        BigDecimal all = weightOf.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Campaign.Result r : results) {
            BigDecimal withData = campaigns.leafScores(id, r.kind(), r.code()).stream().filter(l -> l.score() != null)
                    .map(l -> weightOf.entrySet().stream().filter(e -> e.getKey().id() == l.indicatorId()).findFirst().orElseThrow().getValue())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(r.ranked()).as("%s: %s of %s weight with data", r.name(), withData, all)
                    .isEqualTo(withData.compareTo(all.multiply(new BigDecimal("0.5"))) >= 0);
        }
        for (String kind : List.of("COUNTY", "DEPARTMENT")) {
            List<Campaign.Result> ofKind = results.stream().filter(r -> r.kind().equals(kind)).sorted(java.util.Comparator.comparingInt(Campaign.Result::rank)).toList();
            assertThat(ofKind).as("ranked units before unranked ones").isSortedAccordingTo((a, b) -> Boolean.compare(b.ranked(), a.ranked()));
        }
        assertThat(campaigns.leafScores(id, "DEPARTMENT", "C-JXJ")).filteredOn(l -> l.source().equals("部门自评"))
                .extracting(Campaign.LeafScore::score).allSatisfy(s -> assertThat(s).isEqualByComparingTo("80"));
        assertThat(campaigns.leafScores(id, "DEPARTMENT", "C-CZJ")).filteredOn(l -> l.source().equals("部门自评"))
                .extracting(Campaign.LeafScore::score).containsOnlyNulls();
        assertThat(campaigns.problems(id, "COUNTY", "519921")).extracting(Campaign.LeafScore::indicatorId).contains(check.id());

        byte[] pdf = mvc.perform(get("/evaluation/campaigns/" + id + "/report.pdf").param("unit", "COUNTY:519921").cookie(evaluator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("测试三评活动").contains("青山县").contains("问题清单").contains(check.name());
        }
        byte[] city = mvc.perform(get("/evaluation/campaigns/" + id + "/report.pdf").cookie(evaluator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(city)) {
            assertThat(new PDFTextStripper().getText(document)).contains("县（区）排名").contains("部门排名");
        }
        byte[] xlsx = mvc.perform(get("/evaluation/campaigns/" + id + "/report.xlsx").cookie(evaluator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            StringBuilder text = new StringBuilder();
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(new DataFormatter().formatCellValue(cell)).append('|')));
            assertThat(text).contains("青山县").contains("政策知晓覆盖率（得分）").contains(check.name());
        }

        mvc.perform(post("/evaluation/campaigns/" + id + "/ledger").cookie(evaluator).with(csrf())).andExpect(flash().attributeExists("message"));
        long opened = jdbc.sql("SELECT count(*) FROM problem WHERE category = 'EVALUATION' AND source_ref LIKE ?").param("EVAL-" + id + "-%")
                .query(Long.class).single();
        assertThat(opened).isGreaterThanOrEqualTo(1);
        assertThat(campaigns.toLedger(id, "evaluator")).as("once per unit").isZero();
        mvc.perform(get("/evaluation/campaigns/" + id).cookie(evaluator)).andExpect(status().isOk());
        mvc.perform(get("/evaluation/campaigns/" + id + "/units/COUNTY/519921").cookie(evaluator)).andExpect(status().isOk());
        mvc.perform(get("/evaluation/indicators").cookie(evaluator)).andExpect(status().isOk());
        mvc.perform(get("/evaluation/campaigns").cookie(jxj)).andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder selfScores(MockHttpServletRequestBuilder request, List<Indicator> leaves, String score) {
        leaves.forEach(l -> request.param("score-" + l.id(), score).param("note-" + l.id(), "已按要求落实"));
        return request;
    }
}
