package io.zhida.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile rules are refused before they run; rules that fail at run time say why instead of asking for data. */
class RuleLimitsTest {

    private static final RuleCompiler RULES = new RuleCompiler(AttributeSchema.standard());
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static String replaceChain(int times) {
        return "e.name" + ".replace('a','aaaa')".repeat(times) + ".size() > 0";
    }

    @Test
    void aStringThatGrowsGeometricallyIsRefusedAtCompileTime() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> RULES.condition(replaceChain(13)))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("过长的文本");
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
        // over a literal map/list too, and as a formula
        assertThatThrownBy(() -> RULES.condition("'ab'" + ".replace('','xxxxxxxxxx')".repeat(6) + " == ''"))
                .isInstanceOf(RuleCompilationException.class);
        assertThatThrownBy(() -> RULES.formula("double(" + replaceChain(9).replace(" > 0", "") + ")"))
                .isInstanceOf(RuleCompilationException.class);
    }

    @Test
    void nestedComprehensionsOverLargeListsAreRefused() {
        assertThatThrownBy(() -> RULES.condition("e.qualifications.all(a, e.qualifications.all(b, e.qualifications.all(c, a + b + c != '')))"))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("计算量");
        assertThatThrownBy(() -> RULES.condition("e.name.split('').map(x, e.name.split('').map(y, x + y)).size() > 0"))
                .isInstanceOf(RuleCompilationException.class);
    }

    @Test
    void overLongRulesAreRefused() {
        String longRule = "e.employees > 1" + " && e.employees > 1".repeat(600);
        assertThatThrownBy(() -> RULES.condition(longRule)).isInstanceOf(RuleCompilationException.class).hasMessageContaining("过长");
    }

    @Test
    void ordinaryRulesStayWithinTheLimits() {
        RULES.condition("e.industry.startsWith('C') && e.employees >= 10 && '高新技术企业' in e.qualifications");
        RULES.condition("e.name.replace('有限公司', '').size() < 40 && e.qualifications.exists(q, q.startsWith('专精特新'))");
        RULES.condition("e.qualifications.filter(q, q.contains('认定')).size() >= 1 && e.name.matches('^[\\\\p{Han}]+')");
        RULES.formula("math.least(e.employees * 1500, 300000)");
    }

    @Test
    void aFailingClauseIsAnErrorWithItsReasonNotMissingData() {
        Condition c = RULES.condition("e.employees > 0 && 100 / e.layoffs > 1");
        var eval = c.evaluate(Map.of("employees", 5L, "layoffs", 0L), TODAY);
        assertThat(eval.result()).isEqualTo(Outcome.ERROR);
        assertThat(eval.error()).isEqualTo("除数为零");
        assertThat(eval.missing()).isEmpty();
        assertThat(c.outcome(Map.of("employees", 5L, "layoffs", 0L), TODAY)).isEqualTo(Outcome.ERROR);
        // false && error is false, as CEL says; a missing attribute stays undetermined
        assertThat(c.evaluate(Map.of("employees", 0L, "layoffs", 0L), TODAY).result()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(c.evaluate(Map.of("employees", 5L), TODAY).result()).isEqualTo(Outcome.UNDETERMINED);
        var regex = RULES.condition("e.name.matches('(')").evaluate(Map.of("name", "x"), TODAY);
        assertThat(regex.result()).isEqualTo(Outcome.ERROR);
        assertThat(regex.error()).isEqualTo("正则表达式无效");
    }

    @Test
    void aFailingFormulaMakesTheResultAnErrorNeverEligibleWithoutAnAmount() {
        var r = Calculator.calculate(RULES.condition("e.employees > 0"), RULES.formula("100000 / (e.employees - 5)"), null,
                Map.of("employees", 5), RULES.schema(), TODAY);
        assertThat(r.result()).isEqualTo(Outcome.ERROR);
        assertThat(r.amount()).isNull();
        assertThat(r.error()).contains("除数为零");
    }

    @Test
    void overLongValuesAreRefused() {
        assertThatThrownBy(() -> EnterpriseValues.normalize(Map.of("name", "x".repeat(EnterpriseValues.MAX_TEXT + 1)), RULES.schema()))
                .isInstanceOf(InvalidAttributeException.class);
        assertThatThrownBy(() -> EnterpriseValues.normalize(Map.of("qualifications", java.util.Collections.nCopies(1001, "a")), RULES.schema()))
                .isInstanceOf(InvalidAttributeException.class);
        assertThat(EnterpriseValues.normalize(Map.of("qualifications", List.of("高新技术企业")), RULES.schema())).containsKey("qualifications");
    }
}
