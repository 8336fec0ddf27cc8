package io.zhida.rates;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.identity.Organisations;
import io.zhida.evaluation.Survey;
import io.zhida.evaluation.Surveys;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The three rates against a hand-built case on an item and a department of their own: every number
 * below is counted by hand from the rows this test writes.
 */
@ZhidaIntegrationTest
class ThreeRatesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.zhida.notify.Inbox inbox;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    Organisations organisations;
    @Autowired
    Surveys surveys;

    @Autowired
    io.zhida.rates.ThreeRates threeRates;

    @Test
    void awarenessSatisfactionAndFulfilmentMatchAHandCount() throws Exception {
        organisations.saveDepartment(null, "T-RATES", "三率测试局", "519900", "GOVERNMENT", true);
        List<String> e = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc DESC LIMIT 6").query(String.class).list();
        // awareness: four eligible; e0 read the push, e1 received it unread, e2 said "知晓" in a phone survey, e3 nothing → 2/4
        // (the condition names exactly the four; everyone else is ineligible, so the test writes no match results of its own)
        exchange.importYaml("""
                documents: []
                items:
                  - code: T-RATE-1
                    name: 三率测试补贴
                    departments: [T-RATES]
                    mode: 承诺即享
                    condition: e.uscc in ["%s", "%s", "%s", "%s"] // 本测试指定的四家企业
                    benefit_type: 资金补贴
                    amount: "1000"
                    annual_budget: 100000
                """.formatted(e.get(0), e.get(1), e.get(2), e.get(3)), true);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM announced_pair WHERE item_code = 'T-RATE-1'").query(Long.class).single() == 4); // announced
        push(e.get(0), true);
        push(e.get(1), false);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT coalesce(sum(announced), 0) * 10 + coalesce(sum(knew), 0) FROM awareness_cell WHERE item_code = 'T-RATE-1'")
                .query(Long.class).single() == 41); // the read model has the four announcements and the one read
        long survey = surveys.create("三率测试问卷", null, "T-RATE-1", 10, List.of(
                new Survey.NewQuestion(Survey.Kind.SINGLE, "是否知晓", List.of("知晓", "不知晓"), "AWARENESS", true),
                new Survey.NewQuestion(Survey.Kind.RATING, "满意程度", List.of(), "SATISFACTION", true)), "evaluator");
        List<Survey.Question> q = surveys.get(survey).questions();
        surveys.phone(survey, e.get(2), null, null, Map.of(q.get(0).id(), List.of("知晓"), q.get(1).id(), List.of("3")), "evaluator");
        surveys.phone(survey, e.get(3), null, null, Map.of(q.get(0).id(), List.of("不知晓"), q.get(1).id(), List.of("5")), "evaluator");

        // satisfaction: transaction ratings 5, 4, 2 and survey ratings 3, 5 → 3 of 5 satisfied
        rating(e.get(0), 5);
        rating(e.get(1), 4);
        rating(e.get(2), 2);

        // fulfilment: paid on time (3000), paid late (2000), payable and overdue (1000) count; 公示 and cancelled do not → 1/3
        grant(e.get(0), "PAID", "3000", "now() - interval '1 day'", "now() - interval '2 days'");
        grant(e.get(1), "PAID", "2000", "now() - interval '3 days'", "now() - interval '1 day'");
        grant(e.get(2), "PAYABLE", "1000", "now() - interval '1 day'", null);
        grant(e.get(3), "DISCLOSING", "500", null, null);
        grant(e.get(5), "CANCELLED", "700", null, null);

        Cookie evaluator = Sessions.login(mvc, "evaluator");
        String bearer = "Bearer " + Sessions.token(mvc, "evaluator");
        LocalDate today = io.zhida.platform.Today.date();
        for (String groupBy : List.of("item", "department")) {
            String key = groupBy.equals("item") ? "T-RATE-1" : "T-RATES";
            String at = "$[?(@.key == '" + key + "')]";
            mvc.perform(get("/api/v1/evaluation/rates").param("from", today.minusDays(30).toString()).param("to", today.toString())
                            .param("groupBy", groupBy).header("Authorization", bearer))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath(at + ".awareness.numerator").value(2))
                    .andExpect(jsonPath(at + ".awareness.denominator").value(4))
                    .andExpect(jsonPath(at + ".awareness.rate").value(0.5))
                    .andExpect(jsonPath(at + ".satisfaction.numerator").value(3))
                    .andExpect(jsonPath(at + ".satisfaction.denominator").value(5))
                    .andExpect(jsonPath(at + ".satisfaction.rate").value(0.6))
                    .andExpect(jsonPath(at + ".fulfillment.numerator").value(1))
                    .andExpect(jsonPath(at + ".fulfillment.denominator").value(3))
                    .andExpect(jsonPath(at + ".fulfillment.rate").value(0.3333))
                    .andExpect(jsonPath(at + ".approvedAmount").value(6000.0))
                    .andExpect(jsonPath(at + ".paidAmount").value(5000.0));
        }
        // the drill-down lists exactly the records behind the rate, counted ones marked
        String records = mvc.perform(get("/evaluation/rates/records").param("measure", "fulfillment").param("groupBy", "ITEM")
                .param("key", "T-RATE-1").param("from", today.minusDays(30).toString()).param("to", today.toString()).cookie(evaluator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(records).contains("计入 1 / 共 3").contains("3000.00 元").contains("2000.00 元").contains("1000.00 元").doesNotContain("500.00 元");
        // a period before any of it: nothing counted, so the item has no row
        mvc.perform(get("/api/v1/evaluation/rates").param("from", "2025-01-01").param("to", "2025-01-31").param("groupBy", "item").header("Authorization", bearer))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.key == 'T-RATE-1')]").isEmpty());
        mvc.perform(get("/evaluation/rates").cookie(evaluator)).andExpect(status().isOk());

        // the page's city figures and trend come from one reading of the cells; they equal the city's rollup of the cells
        List<LocalDate[]> periods = new java.util.ArrayList<>(threeRates.periods(today, 1, 12));
        periods.add(new LocalDate[] {today.minusDays(30), today});
        periods.add(new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)});
        periods.add(new LocalDate[] {today.withDayOfYear(1), today});
        List<RateRow> city = threeRates.cityRows(periods);
        for (int i = 0; i < periods.size(); i++) {
            RateRow rolledUp = threeRates.rate(periods.get(i)[0], periods.get(i)[1], ThreeRates.GroupBy.CITY, "city");
            assertThat(city.get(i)).as("%s – %s", periods.get(i)[0], periods.get(i)[1]).usingRecursiveComparison()
                    .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class).isEqualTo(rolledUp);
        }
        assertThat(city.get(12).awareness().denominator()).as("the city has announcements in the last 30 days").isGreaterThanOrEqualTo(4);
    }

    @Test
    void badPeriodsAndGroupingsAreRefusedAndEnterprisesSeeNoRates() throws Exception {
        String evaluator = "Bearer " + Sessions.token(mvc, "evaluator");
        mvc.perform(get("/api/v1/evaluation/rates").param("from", "2026-05-01").param("to", "2026-04-01").header("Authorization", evaluator))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/evaluation/rates").param("from", "2026-01-01").param("to", "2026-04-01").param("groupBy", "street").header("Authorization", evaluator))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/evaluation/rates").param("from", "2026-13-01").param("to", "2026-04-01").header("Authorization", evaluator))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/evaluation/rates").param("from", "2026-01-01").param("to", "2026-04-01")
                .header("Authorization", "Bearer " + Sessions.token(mvc, "enterprise"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evaluation/rates").param("from", "2026-01-01").param("to", "2026-04-01")
                .header("Authorization", "Bearer " + Sessions.token(mvc, "leader"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].key").value("city"));
    }

    /** The platform announced the match itself (the item names exactly these enterprises); reading is opening the message. */
    private void push(String uscc, boolean read) {
        long message = jdbc.sql("SELECT message_id FROM announced_pair WHERE uscc = ? AND item_code = 'T-RATE-1'").param(uscc)
                .query(Long.class).single();
        if (read) {
            inbox.open(uscc, message);
        }
    }

    private void rating(String uscc, int stars) {
        long application = jdbc.sql("""
                        INSERT INTO application (number, uscc, enterprise_name, region, item_code, item_version, item_name, mode, departments,
                                                 period, status)
                        SELECT 'T-RATE-' || ?, uscc, name, region, 'T-RATE-1', 1, '三率测试补贴', 'COMMITMENT', '{T-RATES}', '2026', 'PAID'
                        FROM enterprise WHERE uscc = ? RETURNING id""").params(uscc.substring(10), uscc).query(Long.class).single();
        jdbc.sql("INSERT INTO service_rating (application_id, uscc, stars) VALUES (?, ?, ?)").params(application, uscc, stars).update();
    }

    private void grant(String uscc, String status, String amount, String payDue, String paidAt) {
        jdbc.sql("INSERT INTO fund_grant (uscc, enterprise_name, region, item_code, item_name, period, year, amount, route, status, "
                        + "disclosure_from, disclosure_until, pay_due_at, paid_at, created_by) "
                        + "SELECT uscc, name, region, 'T-RATE-1', '三率测试补贴', '2026', 2026, ?, 'APPLICATION', ?, current_date, current_date, "
                        + (payDue == null ? "NULL" : payDue) + ", " + (paidAt == null ? "NULL" : paidAt) + ", 'test' FROM enterprise WHERE uscc = ?")
                .params(new BigDecimal(amount), status, uscc).update();
    }
}
