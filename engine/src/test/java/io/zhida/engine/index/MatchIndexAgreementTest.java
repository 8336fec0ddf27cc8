package io.zhida.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.engine.rule.AttributeSchema;
import io.zhida.engine.rule.Condition;
import io.zhida.engine.rule.Outcome;
import io.zhida.engine.rule.RuleCompiler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The index must give exactly the answer of evaluating the condition with CEL pair by pair — on
 * random enterprises with missing attributes and random conditions of every shape, by all three
 * ways in, before and after enterprises change.
 */
class MatchIndexAgreementTest {

    private static final RuleCompiler RULES = new RuleCompiler(AttributeSchema.standard());
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final int ENTERPRISES = 1500;
    private static final int ITEMS = 160;

    private static Map<String, Map<String, Object>> enterprises;
    private static Map<String, String> conditions;
    private static Map<String, Condition> compiled;
    private static MatchIndex index;
    private static RandomConditions random;

    @BeforeAll
    static void build() {
        random = new RandomConditions(20261121L);
        enterprises = new LinkedHashMap<>();
        EnterpriseTable.Builder builder = EnterpriseTable.builder(RULES.schema());
        for (int i = 0; i < ENTERPRISES; i++) {
            Map<String, Object> values = random.enterprise(RULES.schema());
            String uscc = "E" + i;
            enterprises.put(uscc, values);
            builder.add(uscc, values);
        }
        conditions = new LinkedHashMap<>();
        for (int i = 0; i < ITEMS; i++) {
            conditions.put("T-" + i, random.condition(3));
        }
        compiled = new LinkedHashMap<>();
        conditions.forEach((code, source) -> compiled.put(code, RULES.condition(source)));
        index = new MatchIndex(RULES, builder.build());
        index.putItems(conditions);
    }

    @Test
    void oneItemAgainstAllEnterprisesEqualsCelPairByPair() {
        assertThat(mismatchesByItem(TODAY)).isEmpty();
        assertThat(mismatchesByItem(TODAY.plusYears(1))).as("clauses about today follow the date").isEmpty();
    }

    @Test
    void oneEnterpriseAgainstAllItemsEqualsCelPairByPair() {
        List<String> mismatches = new ArrayList<>();
        enterprises.entrySet().stream().limit(400).forEach(e -> {
            Map<String, Outcome> expected = expectedFor(e.getValue(), TODAY);
            Map<String, Outcome> actual = new TreeMap<>();
            index.matchEnterprise(e.getValue(), TODAY).matches().forEach(m -> assertThat(actual.put(m.item(), m.outcome())).isNull());
            if (!expected.equals(actual)) {
                mismatches.add(e.getKey() + " expected " + expected + " got " + actual);
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void changedAddedAndRemovedEnterprisesAreAnsweredFromTheOverlay() {
        RuleCompiler rules = RULES;
        EnterpriseTable.Builder builder = EnterpriseTable.builder(rules.schema());
        Map<String, Map<String, Object>> local = new LinkedHashMap<>();
        RandomConditions r = new RandomConditions(7);
        for (int i = 0; i < 400; i++) {
            local.put("L" + i, r.enterprise(rules.schema()));
            builder.add("L" + i, local.get("L" + i));
        }
        MatchIndex overlayIndex = new MatchIndex(rules, builder.build());
        overlayIndex.putItems(conditions);
        for (int i = 0; i < 60; i++) {
            Map<String, Object> changed = r.enterprise(rules.schema());
            local.put("L" + i, changed);
            overlayIndex.updateEnterprise("L" + i, changed);
        }
        for (int i = 0; i < 20; i++) {
            Map<String, Object> added = r.enterprise(rules.schema());
            local.put("NEW" + i, added);
            overlayIndex.updateEnterprise("NEW" + i, added);
        }
        overlayIndex.updateEnterprise("L399", null);
        local.remove("L399");

        int pairs = 0;
        for (var item : conditions.entrySet()) {
            Condition condition = compiled.get(item.getKey());
            ItemMatch m = overlayIndex.matchItem(item.getKey(), TODAY);
            Map<String, Outcome> actual = outcomes(m, overlayIndex);
            for (var e : local.entrySet()) {
                assertThat(actual.getOrDefault(e.getKey(), Outcome.INELIGIBLE))
                        .as("%s for %s: %s", item.getKey(), e.getKey(), item.getValue())
                        .isEqualTo(indexed(condition.outcome(e.getValue(), TODAY)));
                pairs++;
            }
            assertThat(actual).doesNotContainKey("L399");
        }
        assertThat(pairs).isEqualTo(ITEMS * 419);
        assertThat(overlayIndex.values("L399")).isEmpty();
        assertThat(overlayIndex.values("NEW3")).contains(local.get("NEW3"));
    }

    @Test
    void everythingAgainstEverythingEqualsOneByOne() {
        Map<String, ItemMatch> all = index.matchAll(TODAY);
        assertThat(all).hasSize(ITEMS);
        for (var item : conditions.keySet()) {
            ItemMatch single = index.matchItem(item, TODAY);
            assertThat(all.get(item).eligible()).isEqualTo(single.eligible());
            assertThat(all.get(item).undetermined()).isEqualTo(single.undetermined());
        }
    }

    @Test
    void anUnregisteredConditionMatchesLikeTheSameItem() {
        for (var item : conditions.entrySet()) {
            ItemMatch registered = index.matchItem(item.getKey(), TODAY);
            ItemMatch draft = index.matchCondition(item.getValue(), TODAY);
            assertThat(draft.eligible()).as(item.getValue()).isEqualTo(registered.eligible());
            assertThat(draft.undetermined()).as(item.getValue()).isEqualTo(registered.undetermined());
        }
        assertThat(index.itemCount()).isEqualTo(ITEMS);
    }

    @Test
    void theRandomConditionsReallyExerciseAllThreeOutcomes() {
        long eligible = 0;
        long undetermined = 0;
        for (String item : conditions.keySet()) {
            ItemMatch m = index.matchItem(item, TODAY);
            eligible += m.eligibleCount();
            undetermined += m.undeterminedCount();
        }
        long pairs = (long) ITEMS * ENTERPRISES;
        assertThat(eligible).isBetween(pairs / 20, pairs * 19 / 20);
        assertThat(undetermined).isBetween(pairs / 50, pairs / 2);
    }

    private List<String> mismatchesByItem(LocalDate today) {
        List<String> mismatches = new ArrayList<>();
        for (var item : conditions.entrySet()) {
            Condition condition = compiled.get(item.getKey());
            Map<String, Outcome> actual = outcomes(index.matchItem(item.getKey(), today), index);
            for (var e : enterprises.entrySet()) {
                Outcome expected = indexed(condition.outcome(e.getValue(), today));
                Outcome got = actual.getOrDefault(e.getKey(), Outcome.INELIGIBLE);
                if (expected != got) {
                    mismatches.add(item.getKey() + " [" + item.getValue() + "] " + e.getKey() + " " + e.getValue()
                            + ": expected " + expected + ", got " + got);
                }
            }
        }
        return mismatches.stream().limit(5).toList();
    }

    /** The index keeps two sets: a rule that fails for an enterprise (ERROR) is in the undetermined one, never eligible. */
    private static Outcome indexed(Outcome o) {
        return o == Outcome.ERROR ? Outcome.UNDETERMINED : o;
    }

    private static Map<String, Outcome> outcomes(ItemMatch m, MatchIndex in) {
        Map<String, Outcome> outcomes = new HashMap<>();
        m.eligible().forEach((int o) -> outcomes.put(in.uscc(o), Outcome.ELIGIBLE));
        m.undetermined().forEach((int o) -> assertThat(outcomes.put(in.uscc(o), Outcome.UNDETERMINED)).isNull());
        return outcomes;
    }

    private static Map<String, Outcome> expectedFor(Map<String, Object> values, LocalDate today) {
        Map<String, Outcome> expected = new TreeMap<>();
        conditions.forEach((code, source) -> {
            Outcome o = indexed(compiled.get(code).outcome(values, today));
            if (o != Outcome.INELIGIBLE) {
                expected.put(code, o);
            }
        });
        return expected;
    }
}
