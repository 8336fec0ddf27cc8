package io.zhida.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Derived ratios are exact decimals, so a round threshold stated in a rule is met exactly. */
class DerivedRatiosTest {

    private static final RuleCompiler RULES = new RuleCompiler(AttributeSchema.standard());

    @Test
    void aGrowthOfExactlyTwentyPercentMeetsTwentyPercent() {
        Map<String, Object> values = DerivedAttributes.enrich(EnterpriseValues.normalize(
                Map.of("revenue", 120_000_000, "revenue_prev", 100_000_000, "rd_expense", 3_000_000), RULES.schema()));
        assertThat(values.get("revenue_growth")).isEqualTo(0.2);
        assertThat(values.get("rd_ratio")).isEqualTo(0.025);
        assertThat(RULES.condition("e.revenue_growth >= 0.2 && e.rd_ratio >= 0.025").outcome(values, LocalDate.of(2026, 6, 1)))
                .isEqualTo(Outcome.ELIGIBLE);
        assertThat(DerivedAttributes.ratio(1, 3, false)).isEqualTo(1.0 / 3);
        assertThat(DerivedAttributes.ratio(110.1, 100, true)).isEqualTo(0.101);
    }
}
