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
 * 差一点符合 from the index's item side equals the worded evaluation's "one clause away" (one clause of
 * clauses that must all hold fails, none is in error) — on random enterprises and random conditions whose
 * clauses each read attributes of their own, as a policy's do.
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
