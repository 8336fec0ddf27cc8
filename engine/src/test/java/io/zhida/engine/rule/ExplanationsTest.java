package io.zhida.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplanationsTest {

    private final AttributeSchema schema = AttributeSchema.standard();

    @Test
    void listsAndPatternsReadAsWords() {
        assertThat(Explanations.humanize("e.scale in [\"小型\", \"微型\"]", schema)).isEqualTo("企业规模为小型、微型之一");
        assertThat(Explanations.humanize("e.industry.matches('^[BCD]')", schema)).isEqualTo("所属行业以 B、C、D 开头");
        assertThat(Explanations.humanize("e.industry.matches(\"^C39\")", schema)).isEqualTo("所属行业以“C39”开头");
        assertThat(Explanations.humanize("e.name.matches(\"科技$\")", schema)).isEqualTo("企业名称符合格式“科技$”");
        assertThat(Explanations.humanize("\"高新技术企业\" in e.qualifications && e.revenue >= 1.0", schema))
                .isEqualTo("资质包含“高新技术企业” 并且 上年营业收入 ≥ 1.0");
    }
}
