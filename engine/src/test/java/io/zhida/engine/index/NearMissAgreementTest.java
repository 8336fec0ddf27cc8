package io.zhida.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.engine.rule.AttributeSchema;
import io.zhida.engine.rule.Condition;
import io.zhida.engine.rule.RuleCompiler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * 差一点符合 from the index's item side equals the worded evaluation's "one step away" (the failing clauses of
 * clauses that must all hold read one attribute, none is in error) — on random enterprises and random conditions
 * whose clauses each read attributes of their own, and on clauses that share one.
 */
class NearMissAgreementTest {

    private static final RuleCompiler RULES = new RuleCompiler(AttributeSchema.standard());
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void nearMissesFromTheIndexEqualTheWordedOneStepAway() {
        RandomConditions random = new RandomConditions(20261129L);
        Map<String, Map<String, Object>> enterprises = new LinkedHashMap<>();
        EnterpriseTable.Builder builder = EnterpriseTable.builder(RULES.schema());
        for (int i = 0; i < 600; i++) {
            Map<String, Object> values = random.enterprise(RULES.schema());
            enterprises.put("E" + i, values);
            builder.add("E" + i, values);
        }
        Map<String, String> conditions = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            conditions.put("N-" + i, conjunction(random, 1 + i % 4));
        }
        // a rule and a scope that both speak of the industry: failing both is still one step (the industry)
        conditions.put("SAME-1", "e.industry.startsWith(\"C\") && e.industry.matches(\"^C1[34]\") && e.employees >= 50");
        conditions.put("SAME-2", "e.region in [\"519902\", \"519903\"] && e.region != \"519903\" && e.revenue >= 5000000.0");
        conditions.put("OR-1", "e.employees >= 300 || e.revenue >= 50000000.0");
        conditions.put("OR-2", "(\"高新技术企业\" in e.qualifications || \"规上企业\" in e.qualifications)");
        MatchIndex index = new MatchIndex(RULES, builder.build());
        index.putItems(conditions);
        Map<String, Condition> compiled = new LinkedHashMap<>();
        conditions.forEach((code, source) -> compiled.put(code, RULES.condition(source)));

        List<String> mismatches = new ArrayList<>();
        int near = 0;
        for (var e : enterprises.entrySet()) {
            Set<String> expected = new TreeSet<>();
            compiled.forEach((code, condition) -> {
                if (condition.evaluate(e.getValue(), TODAY).nearMiss().isPresent()) {
                    expected.add(code);
                }
            });
            Set<String> actual = new TreeSet<>(index.nearMisses(e.getValue(), TODAY));
            if (!expected.equals(actual)) {
                mismatches.add(e.getKey() + " " + e.getValue() + "\\n expected " + expected + "\\n got      " + actual);
            }
            near += actual.size();
        }
        assertThat(mismatches).isEmpty();
        long sameAttribute = enterprises.values().stream().filter(v -> compiled.get("SAME-1").evaluate(v, TODAY).clauses().stream()
                .filter(c -> c.result() == io.zhida.engine.rule.Outcome.INELIGIBLE).count() == 2
                && compiled.get("SAME-1").evaluate(v, TODAY).nearMiss().isPresent()).count();
        assertThat(sameAttribute).as("enterprises failing both industry clauses and nothing else are near misses").isPositive();
        assertThat(near).as("the cases include many near misses").isGreaterThan(5_000);
    }

    @Test
    void aChangedEnterpriseIsAnsweredForItsNewValues() {
        EnterpriseTable.Builder builder = EnterpriseTable.builder(RULES.schema());
        builder.add("A", Map.of("employees", 40L, "revenue", 1_000_000.0));
        MatchIndex index = new MatchIndex(RULES, builder.build());
        index.putItems(Map.of("X", "e.employees >= 50 && e.revenue >= 900000.0", "Y", "e.employees >= 50 && e.revenue >= 5000000.0"));
        assertThat(index.nearMisses(Map.of("employees", 40L, "revenue", 1_000_000.0), TODAY)).containsExactly("X");
        assertThat(index.nearMisses(Map.of("employees", 60L, "revenue", 1_000_000.0), TODAY)).containsExactly("Y");
    }

    /** Clauses over attributes of their own, none of which can fail with an error (a division by zero). */
    private static String conjunction(RandomConditions random, int clauses) {
        List<String> chosen = new ArrayList<>();
        Set<String> read = new HashSet<>();
        while (chosen.size() < clauses) {
            String leaf = random.leaf();
            Set<String> attributes = RULES.condition(leaf).attributes();
            if (leaf.contains("/") || leaf.contains("4611686018427387904") || attributes.stream().anyMatch(read::contains)) {
                continue;
            }
            read.addAll(attributes);
            chosen.add(leaf);
        }
        return String.join(" && ", chosen);
    }
}
