package io.zhida.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static final RuleCompiler RULES = new RuleCompiler(AttributeSchema.standard());
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static Condition.Evaluation eval(String condition, Map<String, ?> enterprise) {
        Map<String, Object> values = DerivedAttributes.enrich(EnterpriseValues.normalize(enterprise, RULES.schema()));
        return RULES.condition(condition).evaluate(values, TODAY);
    }

    @Test
    void allClausesTrueIsEligible() {
        var r = eval("e.revenue >= 5000000 && e.industry.startsWith(\"C\")", Map.of("revenue", 6e6, "industry", "C3911"));
        assertThat(r.result()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(r.missing()).isEmpty();
        assertThat(r.clauses()).extracting(Condition.ClauseResult::result).containsExactly(Outcome.ELIGIBLE, Outcome.ELIGIBLE);
    }

    @Test
    void falseBeatsMissingInEitherOrder() {
        Map<String, Object> enterprise = Map.of("industry", "F5212"); // revenue not held
        assertThat(eval("e.revenue >= 5000000 && e.industry.startsWith(\"C\")", enterprise).result()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(eval("e.industry.startsWith(\"C\") && e.revenue >= 5000000", enterprise).result()).isEqualTo(Outcome.INELIGIBLE);
        var r = eval("e.revenue >= 5000000 && e.industry.startsWith(\"C\")", enterprise);
        assertThat(r.missing()).as("missing is only reported when it matters").isEmpty();
        assertThat(r.clauses()).extracting(Condition.ClauseResult::result).containsExactly(Outcome.UNDETERMINED, Outcome.INELIGIBLE);
        assertThat(r.clauses().get(0).missing()).containsExactly("revenue");
    }

    @Test
    void missingWithTheRestTrueIsUndeterminedAndListsWhatToAdd() {
        var r = eval("e.industry.startsWith(\"C\") && e.revenue >= 5000000 && e.rd_expense > 0",
                Map.of("industry", "C3911"));
        assertThat(r.result()).isEqualTo(Outcome.UNDETERMINED);
        assertThat(r.missing()).containsExactly("rd_expense", "revenue");
    }

    @Test
    void orIsTrueWhenAnyClauseIsTrueEvenWithMissingData() {
        assertThat(eval("e.revenue > 1 || \"高新技术企业\" in e.qualifications", Map.of("qualifications", List.of("高新技术企业"))).result())
                .isEqualTo(Outcome.ELIGIBLE);
        assertThat(eval("e.revenue > 1 || \"高新技术企业\" in e.qualifications", Map.of("qualifications", List.of())).result())
                .isEqualTo(Outcome.UNDETERMINED);
        assertThat(eval("e.employees > 1 || e.revenue > 1", Map.of("employees", 0, "revenue", 0.0)).result())
                .isEqualTo(Outcome.INELIGIBLE);
    }

    @Test
    void hasTestsPresenceWithoutMakingTheClauseUndetermined() {
        assertThat(eval("!has(e.hitech_certified) || e.hitech_certified >= \"2024-01-01\"", Map.of()).result())
                .isEqualTo(Outcome.ELIGIBLE);
        assertThat(eval("has(e.hitech_certified) && e.hitech_certified >= \"2024-01-01\"", Map.of("hitech_certified", "2023-05-01")).result())
                .isEqualTo(Outcome.INELIGIBLE);
    }

    @Test
    void clausesAreExplainedWithTheAuthorsLabelsOrInWords() {
        var r = eval("""
                e.industry.startsWith("C") // 属于制造业
                && e.revenue >= 20000000
                && "专精特新中小企业" in e.qualifications
                """, Map.of("industry", "C3911", "revenue", 1e7, "qualifications", List.of("专精特新中小企业")));
        assertThat(r.clauses()).extracting(Condition.ClauseResult::text)
                .containsExactly("属于制造业", "上年营业收入不低于 2,000 万元", "资质包含“专精特新中小企业”");
        assertThat(r.clauses()).extracting(Condition.ClauseResult::result)
                .containsExactly(Outcome.ELIGIBLE, Outcome.INELIGIBLE, Outcome.ELIGIBLE);
        assertThat(r.result()).isEqualTo(Outcome.INELIGIBLE);
    }

    @Test
    void aTopLevelOrSplitsIntoAlternativesAndParenthesesAreLookedThrough() {
        var r = eval("(e.employees >= 10 && e.revenue > 0) || e.tags.exists(t, t == \"重点企业\")",
                Map.of("employees", 5, "revenue", 1.0, "tags", List.of("重点企业")));
        assertThat(r.clauses()).hasSize(2);
        assertThat(r.result()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(eval("(e.employees >= 10 && e.revenue > 0)", Map.of("employees", 50, "revenue", 1.0)).clauses()).hasSize(2);
    }

    @Test
    void todayAndDatesCompareAsIsoStrings() {
        assertThat(eval("e.founded <= today && e.founded_year >= 2020", Map.of("founded", "2021-03-04")).result())
                .isEqualTo(Outcome.ELIGIBLE);
        assertThat(eval("e.founded > today", Map.of("founded", "2021-03-04")).result()).isEqualTo(Outcome.INELIGIBLE);
    }

    /** The clause-by-clause Kleene combination agrees with CEL's own evaluation of the whole expression. */
    @Test
    void clauseCombinationAgreesWithWholeExpressionOnRandomEnterprises() {
        String[] clauses = {"e.revenue >= 5000000", "e.employees < 100", "\"高新技术企业\" in e.qualifications",
                "e.industry.startsWith(\"C\")", "e.rd_ratio >= 0.03", "!e.dishonest", "e.tax_credit_rating in [\"A\", \"B\"]"};
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder source = new StringBuilder(clauses[random.nextInt(clauses.length)]);
            String op = random.nextBoolean() ? " && " : " || ";
            for (int k = random.nextInt(1, 4); k > 0; k--) {
                source.append(op).append(clauses[random.nextInt(clauses.length)]);
            }
            Map<String, Object> enterprise = new HashMap<>();
            if (random.nextInt(4) > 0) enterprise.put("revenue", random.nextDouble() * 1e7);
            if (random.nextInt(4) > 0) enterprise.put("rd_expense", random.nextDouble() * 5e5);
            if (random.nextInt(4) > 0) enterprise.put("employees", random.nextInt(300));
            if (random.nextInt(4) > 0) enterprise.put("qualifications", random.nextBoolean() ? List.of("高新技术企业") : List.of());
            if (random.nextInt(4) > 0) enterprise.put("industry", random.nextBoolean() ? "C3911" : "F5212");
            if (random.nextInt(4) > 0) enterprise.put("dishonest", random.nextInt(10) == 0);
            if (random.nextInt(4) > 0) enterprise.put("tax_credit_rating", "ABMCD".substring(random.nextInt(5)).substring(0, 1));
            Map<String, Object> values = DerivedAttributes.enrich(EnterpriseValues.normalize(enterprise, RULES.schema()));
            Condition condition = RULES.condition(source.toString());
            assertThat(condition.evaluate(values, TODAY).result()).as("%s on %s", source, enterprise)
                    .isEqualTo(condition.outcome(values, TODAY));
        }
    }
}
