package io.zhida.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormulaAndCalculatorTest {

    private static final RuleCompiler RULES = new RuleCompiler(AttributeSchema.standard());
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static Calculator.Result calc(String condition, String formula, String cap, Map<String, ?> enterprise) {
        return Calculator.calculate(RULES.condition(condition), formula == null ? null : RULES.formula(formula),
                cap == null ? null : new BigDecimal(cap), enterprise, RULES.schema(), TODAY);
    }

    @Test
    void amountsAreRoundedOnceHalfUpToTheFen() {
        assertThat(calc("true", "e.revenue * 0.001", null, Map.of("revenue", 125.0)).amount()).isEqualByComparingTo("0.13");
        assertThat(calc("true", "e.revenue", null, Map.of("revenue", 1.005)).amount()).isEqualByComparingTo("1.01");
        assertThat(calc("true", "e.revenue", null, Map.of("revenue", 2.675)).amount()).isEqualByComparingTo("2.68");
        assertThat(calc("true", "e.revenue / 3.0", null, Map.of("revenue", 100.0)).amount()).isEqualByComparingTo("33.33");
        assertThat(calc("true", "e.employees * 1000", null, Map.of("employees", 37)).amount()).isEqualByComparingTo("37000.00");
        assertThat(calc("true", "e.revenue", null, Map.of("revenue", 2.675)).amount().scale()).isEqualTo(2);
    }

    @Test
    void theCapHoldsAndNegativeAmountsAreZero() {
        assertThat(calc("true", "e.rd_expense * 0.1", "500000", Map.of("rd_expense", 9e6)).amount()).isEqualByComparingTo("500000.00");
        assertThat(calc("true", "e.rd_expense * 0.1", "500000", Map.of("rd_expense", 4e6)).amount()).isEqualByComparingTo("400000.00");
        assertThat(calc("true", "e.revenue - e.revenue_prev", null, Map.of("revenue", 1.0, "revenue_prev", 5.0)).amount())
                .isEqualByComparingTo("0.00");
        assertThat(calc("true", "math.least(e.employees * 1500, 300000)", null, Map.of("employees", 1000)).amount())
                .isEqualByComparingTo("300000.00");
    }

    @Test
    void noAmountUnlessEligible() {
        assertThat(calc("e.employees > 10", "100000", null, Map.of("employees", 5)).amount()).isNull();
        var undetermined = calc("e.employees > 10", "100000", null, Map.of());
        assertThat(undetermined.result()).isEqualTo(Outcome.UNDETERMINED);
        assertThat(undetermined.amount()).isNull();
        assertThat(undetermined.missing()).containsExactly("employees");
    }

    @Test
    void anEligibleEnterpriseMissingAFormulaInputGetsNoAmountAndIsToldWhatToAdd() {
        var r = calc("e.employees > 10", "e.unemployment_insurance_paid * 0.6", null, Map.of("employees", 20));
        assertThat(r.result()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(r.amount()).isNull();
        assertThat(r.missing()).containsExactly("unemployment_insurance_paid");
    }

    @Test
    void derivedAttributesAreReported() {
        var r = calc("e.scale == \"小型\" && e.rd_ratio >= 0.03 && e.revenue_growth > 0.1",
                "e.rd_expense * 0.05", "200000",
                Map.of("industry", "C3911", "employees", 50, "revenue", 1.0e7, "revenue_prev", 8.0e6, "rd_expense", 5.0e5,
                        "founded", "2019-06-30"));
        assertThat(r.result()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(r.amount()).isEqualByComparingTo("25000.00");
        assertThat(r.derived()).containsEntry("scale", "小型").containsEntry("founded_year", 2019L).containsEntry("rd_ratio", 0.05);
        assertThat((Double) r.derived().get("revenue_growth")).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void wrongInputTypesNameTheAttribute() {
        assertThatThrownBy(() -> calc("true", null, null, Map.of("employees", "many")))
                .isInstanceOf(InvalidAttributeException.class).hasMessageContaining("employees").hasMessageContaining("整数");
        assertThatThrownBy(() -> calc("true", null, null, Map.of("employees", 3.5)))
                .isInstanceOf(InvalidAttributeException.class);
        assertThatThrownBy(() -> calc("true", null, null, Map.of("founded", "2020-13-01")))
                .isInstanceOf(InvalidAttributeException.class).hasMessageContaining("日期");
        assertThatThrownBy(() -> calc("true", null, null, Map.of("qualifications", List.of(1, 2))))
                .isInstanceOf(InvalidAttributeException.class);
        assertThatThrownBy(() -> calc("true", null, null, Map.of("no_such_thing", 1)))
                .isInstanceOf(InvalidAttributeException.class).hasMessageContaining("未知");
        assertThat(calc("e.employees == 3", null, null, Map.of("employees", 3.0)).result()).isEqualTo(Outcome.ELIGIBLE);
    }
}
