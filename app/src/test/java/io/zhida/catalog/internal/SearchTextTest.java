package io.zhida.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The searchable text reads as sentences: a snippet cut from it never shows "。。". */
class SearchTextTest {

    @Test
    void partsAreJoinedByOneFullStop() {
        assertThat(LucenePolicySearch.sentences(List.of("每户最高10万元。", "资金补贴", "《示范市政策》", "有问题？", "答复")))
                .isEqualTo("每户最高10万元。资金补贴。《示范市政策》。有问题？答复")
                .doesNotContain("。。");
    }
}
