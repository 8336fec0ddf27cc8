package io.zhida.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClauseWordsTest {

    private static final CodeNames REGIONS = (attribute, code) -> attribute.equals("region") && code.equals("519921")
            ? Optional.of("青山县") : Optional.empty();
    private static final RuleCompiler RULES = new RuleCompiler(AttributeSchema.standard(), CodeNames.INDUSTRIES.or(REGIONS));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static String say(String clause) {
        return RULES.condition(clause).evaluate(Map.of(), TODAY).clauses().get(0).text();
    }

    @Test
    void attributesCodesAmountsAndYesNoAreSaidInWords() {
        assertThat(say("e.total_assets >= 10000000")).isEqualTo("资产总额不低于 1,000 万元");
        assertThat(say("e.rd_expense > 0")).isEqualTo("上年研发费用大于零");
        assertThat(say("e.revenue >= 5000")).isEqualTo("上年营业收入不低于 5,000 元");
        assertThat(say("e.revenue >= 1250000")).isEqualTo("上年营业收入不低于 125 万元");
        assertThat(say("e.insured_employees >= 20")).isEqualTo("参保职工人数不少于 20 人");
        assertThat(say("e.youth_hires > 0")).isEqualTo("上年新招用16–24岁青年不少于 1人");
        assertThat(say("e.rd_ratio >= 0.05")).isEqualTo("研发费用占营业收入比例不低于 5%");
        assertThat(say("e.revenue_growth > 0")).isEqualTo("营业收入增长率大于零");
        assertThat(say("e.region == \"519921\"")).isEqualTo("注册地区划为青山县");
        assertThat(say("e.industry.matches(\"^(C|I|M)\")")).isEqualTo("所属行业属于制造业、信息传输、软件和信息技术服务业、科学研究和技术服务业");
        assertThat(say("e.industry.matches(\"^C1[34]\")")).isEqualTo("所属行业属于农副食品加工业、食品制造业");
        assertThat(say("e.industry.startsWith(\"H62\")")).isEqualTo("所属行业属于餐饮业");
        assertThat(say("!e.dishonest")).isEqualTo("未列入严重失信主体名单");
        assertThat(say("e.dishonest == false")).isEqualTo("未列入严重失信主体名单");
        assertThat(say("e.scale in [\"小型\", \"微型\"]")).isEqualTo("企业规模为小型、微型之一");
        assertThat(say("\"高新技术企业\" in e.qualifications")).isEqualTo("资质包含“高新技术企业”");
        assertThat(say("e.founded >= \"2024-01-01\"")).isEqualTo("成立日期在2024年1月1日或以后");
        assertThat(say("!(e.revenue < 100)")).isEqualTo("上年营业收入不低于 100 元");
        assertThat(say("e.tax_credit_rating == \"A\" || e.tax_paid >= 1000000"))
                .as("a top-level OR is two clauses").isEqualTo("纳税信用等级为A");
    }

    @Test
    void whatCannotBeSaidExactlyIsSaidWithoutSyntax() {
        assertThat(say("e.layoffs * 100 <= e.insured_employees * 5")).isEqualTo("上年裁员人数、参保职工人数符合政策规定");
        assertThat(say("e.name.matches(\"科技$\")")).isEqualTo("企业名称符合政策规定");
        assertThat(say("e.industry.matches(\"^C.*9\")")).isEqualTo("所属行业符合政策规定");
        for (String clause : List.of("e.layoffs * 100 <= e.insured_employees * 5", "size(e.tags) > 2", "e.name.contains(\"科技\")",
                "e.qualifications.exists(q, q.startsWith(\"专精\"))", "int(today.substring(0, 4)) - e.founded_year >= 3")) {
            assertThat(say(clause)).doesNotContain("e.", "==", "&&", "||", "\"", "(", "[", "^", "$", "today").isNotBlank();
        }
    }

    @Test
    void aThresholdNotMetSaysTheGapInTheEnterprisesOwnFigures() {
        Map<String, Object> values = new HashMap<>(Map.of("rd_expense", 875_000.0, "insured_employees", 17L, "revenue", 1.2e8,
                "revenue_prev", 1.0e8, "employees", 303L));
        var r = RULES.condition("e.rd_expense >= 1000000 && e.insured_employees >= 20 && e.revenue_growth >= 0.25 && e.employees <= 300")
                .evaluate(DerivedAttributes.enrich(EnterpriseValues.normalize(values, RULES.schema())), TODAY);
        assertThat(r.clauses()).extracting(Condition.ClauseResult::gap)
                .containsExactly("还差 12.5 万元", "还差 3 人", "还差 5 个百分点", "需减少 3 人");
        assertThat(r.nearMiss()).as("four clauses not met").isEmpty();
        var ratio = RULES.condition("e.rd_ratio >= 0.05").evaluate(DerivedAttributes.enrich(EnterpriseValues.normalize(
                new HashMap<>(Map.of("rd_expense", 842_549.0, "revenue", 3.0e7)), RULES.schema())), TODAY);
        assertThat(ratio.clauses()).extracting(Condition.ClauseResult::gap).as("5% − 2.80849666…%: two places, rounded up")
                .containsExactly("还差 2.2 个百分点");

        var one = RULES.condition("e.rd_expense >= 1000000 && !e.dishonest // 未失信")
                .evaluate(Map.of("rd_expense", 875_000.0, "dishonest", false), TODAY);
        assertThat(one.nearMiss()).map(Condition.ClauseResult::gap).contains("还差 12.5 万元");
        var alternatives = RULES.condition("e.rd_expense >= 1000000 || e.export_value >= 1").evaluate(
                Map.of("rd_expense", 875_000.0, "export_value", 0.0), TODAY);
        assertThat(alternatives.nearMiss()).as("alternatives are not one step").isEmpty();
    }
}
