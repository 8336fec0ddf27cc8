package io.zhida.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words-free classification 我的政策 runs over a whole library agrees with the worded evaluation. */
class ConditionMissTest {

    private static final RuleCompiler RULES = new RuleCompiler(AttributeSchema.standard(), CodeNames.INDUSTRIES);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void aMissIsNearExactlyWhenTheWordedEvaluationSaysOneStepAway() {
        List<String> conditions = List.of(
                "e.rd_expense >= 1000000 && !e.dishonest",
                "e.rd_expense >= 1000000 && e.employees >= 500",
                "e.rd_expense >= 1000000 || e.employees >= 500",
                "e.rd_expense >= 100 && e.employees >= 5",
                "e.rd_expense >= 1000000 && e.export_value >= 1",
                "e.employees / e.insured_employees > 1 && e.rd_expense >= 1000000");
        List<Map<String, Object>> enterprises = List.of(
                Map.of("rd_expense", 875_000.0, "dishonest", false, "employees", 30L),
                Map.of("rd_expense", 2_000_000.0, "dishonest", true, "employees", 600L, "insured_employees", 0L),
                Map.of("rd_expense", 10.0, "employees", 1L, "insured_employees", 1L, "export_value", 0.0),
                Map.of("employees", 30L));
        int near = 0;
        for (String source : conditions) {
            Condition condition = RULES.condition(source);
            for (Map<String, Object> e : enterprises) {
                Map<String, Object> values = Calculator.prepare(e, RULES.schema());
                Condition.Evaluation worded = condition.evaluate(values, TODAY);
                Condition.Miss expected = worded.result() != Outcome.INELIGIBLE ? Condition.Miss.NONE
                        : worded.nearMiss().isPresent() ? Condition.Miss.NEAR : Condition.Miss.FAR;
                assertThat(condition.miss(values, TODAY)).as("%s for %s", source, e).isEqualTo(expected);
                near += expected == Condition.Miss.NEAR ? 1 : 0;
            }
        }
        assertThat(near).as("the cases include near misses").isGreaterThanOrEqualTo(2);
        assertThat(RULES.condition("e.rd_expense >= 1000000 || e.employees >= 500")
                .miss(Calculator.prepare(Map.of("rd_expense", 1.0, "employees", 1L), RULES.schema()), TODAY))
                .as("alternatives are never one step").isEqualTo(Condition.Miss.FAR);
    }
}
