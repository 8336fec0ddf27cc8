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
        // patterns that name the same industries as the scope, or narrower ones
        assertThat(item("e.scale in [\"小型\"] && e.industry.matches(\"^(C|I|M)\")", List.of("C", "I", "M"), List.of()).matchingCondition())
                .isEqualTo("e.scale in [\"小型\"] && e.industry.matches(\"^(C|I|M)\")");
        assertThat(item("e.industry.matches(\"^[BCD]\") // 工业企业\n&& e.revenue >= 20000000", List.of("B", "C", "D"), List.of()).matchingCondition())
                .doesNotContain("^(B|C|D)");
        assertThat(item("e.industry.matches(\"^C1[34]\")", List.of("C13", "C14"), List.of()).matchingCondition())
                .isEqualTo("e.industry.matches(\"^C1[34]\")");
    }

    @Test
    void aPatternWiderThanTheScopeOrTooCleverToReadKeepsTheScope() {
        assertThat(item("e.industry.matches(\"^[CF]\")", List.of("C"), List.of()).matchingCondition()).contains("^(C)");
        assertThat(item("e.industry.matches(\"^C.*\")", List.of("C"), List.of()).matchingCondition()).contains("^(C)");
        assertThat(item("e.industry.matches(\"^C1[3-4]\")", List.of("C13", "C14"), List.of()).matchingCondition()).contains("^(C13|C14)");
        assertThat(IndustryPattern.prefixes("^(C|I65)")).contains(List.of("C", "I65"));
        assertThat(IndustryPattern.prefixes("^C1[34]")).contains(List.of("C13", "C14"));
        assertThat(IndustryPattern.prefixes("C")).isEmpty();
        assertThat(IndustryPattern.prefixes("^(C|(I))")).isEmpty();
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
