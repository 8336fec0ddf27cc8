package io.zhida.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scope joins the rule unless the rule already says it: an item explains "所属行业属于制造业" once. */
class ItemContentTest {

    private static ItemContent item(String condition, List<String> industries, List<String> regions) {
        return new ItemContent("T-1", "测试", null, null, List.of("C-JXJ"), null, null, null, condition, List.of(), null, null, null, null,
                null, null, null, null, List.of(), industries, regions, null, null, null, List.of(), null, null, null, null);
    }

    @Test
    void aScopeTheRuleAlreadyImpliesIsNotAddedAgain() {
        assertThat(item("e.industry.startsWith(\"C\") && e.total_assets >= 10000000", List.of("C"), List.of()).matchingCondition())
                .isEqualTo("e.industry.startsWith(\"C\") && e.total_assets >= 10000000");
        assertThat(item("e.industry.startsWith(\"C13\") // 农副食品加工\n&& !e.dishonest", List.of("C"), List.of()).matchingCondition())
                .as("a division of the scope's section").doesNotContain("matches");
        assertThat(item("e.region == \"519921\" // 青山县\n&& e.employees >= 10", List.of(), List.of("519921")).matchingCondition())
                .doesNotContain("e.region in");
    }

    @Test
    void aScopeIsAddedWhenTheRuleDoesNotSayItForSure() {
        assertThat(item("e.industry.startsWith(\"C\") || e.employees >= 10", List.of("C"), List.of()).matchingCondition())
                .as("one of two alternatives").contains("e.industry.matches(\"^(C)\")");
        assertThat(item("!e.industry.startsWith(\"C\") && e.employees >= 10", List.of("C"), List.of()).matchingCondition())
                .as("negated").contains("e.industry.matches(\"^(C)\")");
        assertThat(item("e.industry.startsWith(\"I\") && e.employees >= 10", List.of("C", "I65"), List.of()).matchingCondition())
                .as("a section wider than the scope's division").contains("e.industry.matches(\"^(C|I65)\")");
        assertThat(item("e.region == \"519922\" && e.employees >= 10", List.of(), List.of("519921")).matchingCondition())
                .as("another county").contains("e.region in [\"519921\"]");
        assertThat(item("e.employees >= 10", List.of("C"), List.of("519921")).matchingCondition())
                .isEqualTo("e.employees >= 10\n&& e.industry.matches(\"^(C)\")\n&& e.region in [\"519921\"]");
    }
}
