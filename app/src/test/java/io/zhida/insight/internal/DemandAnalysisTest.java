package io.zhida.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhida.insight.DemandText;
import io.zhida.insight.InsightFilter;
import io.zhida.platform.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Segmentation with the stop words, the topic grouping and the selection's bounds, without Spring. */
class DemandAnalysisTest {

    static final Segmenter SEGMENTER = new Segmenter();
    static final LocalDate DAY = LocalDate.of(2026, 5, 12);

    @Test
    void smartcnCutsTheTextAndTheWordsItSplitIntoCharactersAreJoinedAgain() {
        assertThat(SEGMENTER.words("研发费用加计扣除申报材料太繁琐，希望简化。"))
                .containsExactly("研发", "费用", "加计", "扣除", "申报", "材料", "繁琐", "简化");
        assertThat(SEGMENTER.words("稳岗返还资金什么时候到账？")).containsExactly("稳岗", "返还", "资金", "到账");
        assertThat(SEGMENTER.words("研发费用的加计扣除")).as("a function character cuts the run").containsExactly("研发", "费用", "加计", "扣除");
        assertThat(SEGMENTER.words("用工招聘难，希望人社局组织招聘会")).contains("用工", "招聘", "人社局", "招聘会").doesNotContain("难");
    }

    @Test
    void functionWordsStopWordsDigitsAndSingleCharactersAreNoHotWords() {
        List<String> words = SEGMENTER.words("我们企业希望政策能解决这个问题：政策条件中的“研发投入”口径不清楚，请给出解释。2026年的APP无法登录");
        assertThat(words).containsExactly("条件", "研发", "投入", "口径", "清楚", "解释", "app", "登录");
        assertThat(words).as("runs holding a function character are not joined").doesNotContain("中的", "请给出", "能");
        for (String generic : List.of("企业", "政策", "我们", "希望", "问题")) {
            assertThat(SEGMENTER.isStopWord(generic)).as(generic).isTrue();
            assertThat(SEGMENTER.isWord(generic)).isFalse();
        }
        assertThat(SEGMENTER.words("")).isEmpty();
        assertThat(SEGMENTER.words("，。！？ 123 4.5")).isEmpty();
        assertThat(SEGMENTER.words("研".repeat(Segmenter.MAX_TEXT * 2))).as("a long text is cut at its limit and terminates").isNotNull();
    }

    @Test
    void aPlantedConcernBecomesOneTopicWhateverTheOrderOfTheTexts() {
        List<DemandText> texts = new ArrayList<>();
        String[] concern = {"研发费用加计扣除申报材料太繁琐", "加计扣除的研发费用申报材料繁琐，能否简化", "研发费用加计扣除要准备的申报材料多又繁琐",
            "申请研发费用加计扣除，申报材料繁琐", "研发费用的加计扣除材料繁琐"};
        for (int i = 0; i < 12; i++) {
            texts.add(text("a" + i, concern[i % concern.length]));
        }
        String[] other = {"稳岗返还资金迟迟没有到账", "稳岗返还到账时间太长", "稳岗返还资金什么时候到账", "何时能到账稳岗返还"};
        for (int i = 0; i < 8; i++) {
            texts.add(text("b" + i, other[i % other.length]));
        }
        String[] noise = {"窗口服务态度很好", "办理很快，工作人员主动告知", "厂区道路施工影响货车进出", "希望协调办理用电增容", "融资担保费补贴标准提高",
            "人才公寓申请条件咨询", "出口信用保险补贴怎么领", "专精特新认定辅导", "技改项目备案流程", "展会补贴发放进度"};
        for (int i = 0; i < noise.length; i++) {
            texts.add(text("n" + i, noise[i]));
        }
        List<TopicGrouping.Group> groups = TopicGrouping.groups(corpus(texts));
        Collections.shuffle(texts, new Random(7));
        assertThat(TopicGrouping.groups(corpus(texts))).as("deterministic").isEqualTo(groups);

        assertThat(groups).hasSize(2);
        TopicGrouping.Group planted = groups.get(0);
        assertThat(planted.words()).contains("研发", "费用", "加计", "扣除").hasSizeLessThanOrEqualTo(TopicGrouping.MAX_WORDS);
        assertThat(planted.name()).as("in the order the words come").startsWith("研发·费用·加计·扣除");
        assertThat(planted.together()).allMatch(n -> n >= TopicGrouping.MIN_TOGETHER);
        assertThat(groups.get(1).words()).contains("稳岗", "返还", "到账");
        assertThat(groups.stream().flatMap(g -> g.words().stream())).as("a word is in one topic at most").doesNotHaveDuplicates()
                .doesNotContain("窗口", "厂区", "补贴");

        Corpus c = corpus(texts);
        assertThat(c.count(new Corpus.Selector(planted.words()))).isEqualTo(12);
        assertThat(c.count(new Corpus.Selector(List.of("研发", "稳岗")))).as("a topic's text holds two of its words").isZero();
        assertThat(c.top(3, null)).extracting(h -> h.word()).first().isIn("研发", "费用", "加计", "扣除", "材料");
    }

    @Test
    void aWordFoundWithTheSeedInLessThanHalfOfItsTextsStaysOut() {
        assertThat(TopicGrouping.joins(6, 20, 10)).isTrue();
        assertThat(TopicGrouping.joins(4, 20, 10)).isFalse();
        assertThat(TopicGrouping.joins(1, 2, 1)).as("at least two texts together").isFalse();
    }

    @Test
    void theSelectionIsBoundedAndNamesTheFieldThatIsWrong() {
        LocalDate today = LocalDate.of(2026, 6, 15);
        assertField(() -> InsightFilter.parse(null, null, "2026-13", null, null, null, today), "month");
        assertField(() -> InsightFilter.parse(null, null, "2026-5", null, null, null, today), "month");
        assertField(() -> InsightFilter.parse("2026-05-02", "2026-05-01", null, null, null, null, today), "from");
        assertField(() -> InsightFilter.parse("2024-01-01", "2026-01-01", null, null, null, null, today), "to");
        assertField(() -> InsightFilter.parse("2026-02-30", null, null, null, null, null, today), "from");
        assertField(() -> InsightFilter.parse(null, null, null, "C-JXJ'; DROP", null, null, today), "department");
        assertField(() -> InsightFilter.parse(null, null, null, null, null, "Z", today), "industry");
        assertField(() -> InsightFilter.parse("2026-05-01", null, "2026-05", null, null, null, today), "month");

        InsightFilter may = InsightFilter.parse(null, null, "2026-05", "C-JXJ", null, "c", today);
        assertThat(may).isEqualTo(new InsightFilter(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), "C-JXJ", null, "C"));
        assertThat(may.previous().from()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(may.previous().to()).isEqualTo(LocalDate.of(2026, 4, 30));
        InsightFilter days = InsightFilter.parse("2026-05-10", "2026-05-19", null, null, null, null, today);
        assertThat(days.previous().from()).isEqualTo(LocalDate.of(2026, 4, 30));
        InsightFilter standard = InsightFilter.parse(null, null, null, null, null, null, today);
        assertThat(standard.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(standard.to()).isEqualTo(today);
    }

    private static void assertField(Runnable parse, String field) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).contains(field));
    }

    private static DemandText text(String id, String content) {
        return new DemandText(id, "诉求", id, DAY, content, null, null, "C-JXJ", null, null);
    }

    private static Corpus corpus(List<DemandText> texts) {
        return new Corpus(texts.stream().map(t -> new Corpus.Doc(t, SEGMENTER.words(t.text()))).toList());
    }
}
