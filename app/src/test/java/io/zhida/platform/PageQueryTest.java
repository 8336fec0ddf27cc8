package io.zhida.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Paging parameters are read as written or refused with the field named; the pager's arithmetic. */
class PageQueryTest {

    @Test
    void absentMeansTheFirstPageOfTwenty() {
        assertThat(PageQuery.parse(null, null)).isEqualTo(new PageQuery(1, 20));
        assertThat(PageQuery.parse(" ", "")).isEqualTo(new PageQuery(1, 20));
        assertThat(PageQuery.parse("3", "50").offset()).isEqualTo(100);
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        for (String page : List.of("0", "-1", "abc", "1.5", "1e3", "+2", "99999999999", "1000001")) {
            assertThatThrownBy(() -> PageQuery.parse(page, null)).as(page).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("page"));
        }
        for (String size : List.of("0", "10", "100000", "abc", "-20")) {
            assertThatThrownBy(() -> PageQuery.parse(null, size)).as(size).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("size"));
        }
    }

    @Test
    void thePagerCountsPagesAndLeadsBackFromPastTheEnd() {
        Page<String> empty = new Page<>(List.of(), 0, PageQuery.first());
        assertThat(empty.pages()).isEqualTo(1);
        assertThat(empty.hasNext()).isFalse();
        assertThat(empty.hasPrevious()).isFalse();
        Page<String> middle = new Page<>(List.of("x"), 45, new PageQuery(2, 20));
        assertThat(middle.pages()).isEqualTo(3);
        assertThat(middle.hasNext()).isTrue();
        assertThat(middle.previous()).isEqualTo(1);
        Page<String> past = new Page<>(List.of(), 45, new PageQuery(9, 20));
        assertThat(past.hasNext()).isFalse();
        assertThat(past.previous()).as("back to the last page").isEqualTo(3);
    }
}
