package io.zhida.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhida.engine.rule.AttributeSchema;
import io.zhida.engine.rule.RuleCompiler;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTextExtractorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final PolicyTextExtractor EXTRACTOR = new PolicyTextExtractor(new RuleCompiler(AttributeSchema.standard()),
            Map.of("青山县", "519921", "白水县", "519922"));

    private static List<String> atoms(PolicyTextExtractor.Proposal p) {
        return p.atoms().stream().map(Atom::canonical).toList();
    }

    @Test
    void boundariesFollowTheCivilCode() {
        var p = EXTRACTOR.extract("对上年度营业收入2000万元以上、从业人员不满300人、成立不满3年的制造业企业，给予10万元奖励。", TODAY).items();
        assertThat(p).hasSize(1);
        assertThat(atoms(p.get(0))).containsExactlyInAnyOrder("revenue >= 20000000", "employees < 300",
                "founded > 2023-11-30", "industry in C");
        assertThat(p.get(0).formula()).isEqualTo("100000");
        var q = EXTRACTOR.extract("对营业收入超过1亿元、研发费用占营业收入比例不低于3%的企业，按研发费用的10%给予补助，最高不超过50万元。", TODAY).items();
        assertThat(atoms(q.get(0))).containsExactlyInAnyOrder("revenue > 100000000", "rd_ratio >= 0.03");
        assertThat(q.get(0).formula()).isEqualTo("e.rd_expense * 0.1");
        assertThat(q.get(0).cap()).isEqualByComparingTo("500000");
    }

    @Test
    void tiersBySizeBecomeOneItemAndTiersByCategorySeveral() {
        var ladder = EXTRACTOR.extract("企业营业收入首次突破1亿元、5亿元、10亿元的，分别给予10万元、30万元、50万元奖励。", TODAY).items();
        assertThat(ladder).hasSize(1);
        assertThat(atoms(ladder.get(0))).containsExactly("revenue >= 100000000");
        assertThat(ladder.get(0).formula()).isEqualTo("e.revenue >= 1000000000 ? 500000 : (e.revenue >= 500000000 ? 300000 : (100000))");
        var kinds = EXTRACTOR.extract("对首次认定和重新认定的高新技术企业，分别给予30万元、10万元奖励。", TODAY).items();
        assertThat(kinds).extracting(PolicyTextExtractor.Proposal::formula).containsExactly("300000", "100000");
        assertThat(kinds).extracting(PolicyTextExtractor.Proposal::name).containsExactly("高新技术企业奖励（首次认定）", "高新技术企业奖励（重新认定）");
    }

    @Test
    void exclusionsPerHeadAndRegions() {
        var p = EXTRACTOR.extract("青山县内的小微企业每招用1名高校毕业生，给予1500元补贴；被列入严重失信主体名单的不予支持。", TODAY).items();
        assertThat(atoms(p.get(0))).containsExactlyInAnyOrder("region in 519921", "scale in 小型,微型", "dishonest == false", "youth_hires > 0");
        assertThat(p.get(0).formula()).isEqualTo("e.youth_hires * 1500");
    }

    @Test
    void aWholeDocumentGivesItsItemsAndWhatItCouldNotRead() {
        var x = EXTRACTOR.extract("""
                第一条 为支持企业创新发展，制定本措施。
                第二条 对新认定的高新技术企业，给予20万元奖励。
                第三条 对上年度出口额达到1000万元的企业，按出口额的1%给予奖励，最高50万元；对专精特新中小企业给予10万元奖励。
                第四条 纳税信用等级为C级、D级的企业不予支持。
                第五条 本措施自发布之日起施行。
                """, TODAY);
        assertThat(x.items()).hasSize(3);
        assertThat(x.items()).allSatisfy(i -> assertThat(atoms(i)).contains("tax_credit_rating notin C,D"));
        assertThat(x.unparsed()).hasSize(2);
        assertThat(x.items().get(1).source()).startsWith("第三条");
    }

    @Test
    void hostileTextIsBoundedNotSearched() {
        var x = EXTRACTOR.extract("对营业收入达到" + "1".repeat(100_000) + "万元的企业给予10万元奖励。对高新技术企业给予20万元奖励。", TODAY);
        assertThat(x.items()).hasSize(1);
        assertThat(x.unparsed()).hasSize(1).allSatisfy(u -> assertThat(u).hasSize(PolicyTextExtractor.MAX_SENTENCE + 1));
        var many = EXTRACTOR.extract("对高新技术企业给予20万元奖励。".repeat(PolicyTextExtractor.MAX_PROPOSALS + 10), TODAY);
        assertThat(many.items()).hasSize(PolicyTextExtractor.MAX_PROPOSALS);
        assertThat(many.unparsed()).hasSize(10);
        assertThat(EXTRACTOR.extract("给予" + "1".repeat(20) + "元", TODAY).items()).as("no number of 20 digits").isEmpty();
    }

    @Test
    void tooLongATextIsRefused() {
        assertThatThrownBy(() -> EXTRACTOR.extract("字".repeat(PolicyTextExtractor.MAX_TEXT + 1), TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
