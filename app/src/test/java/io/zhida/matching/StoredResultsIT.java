package io.zhida.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.catalog.RuleBook;
import io.zhida.engine.rule.Condition;
import io.zhida.engine.rule.DerivedAttributes;
import io.zhida.engine.rule.EnterpriseValues;
import io.zhida.engine.rule.Outcome;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.platform.Today;
import io.zhida.support.ZhidaIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored results (one bitmap per item and outcome, plus deltas) say, for every enterprise of the test
 * city and every online item, exactly what CEL says pair by pair; and they take a small fraction of the
 * space rows did.
 */
@ZhidaIntegrationTest
class StoredResultsIT {

    @Autowired
    MatchingService matching;
    @Autowired
    PolicyCatalog catalog;
    @Autowired
    RuleBook rules;
    @Autowired
    EnterpriseProfiles profiles;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.zhida.enterprise.ProfileUpdates updates;

    private static final io.zhida.identity.ZhidaUser ADMIN = new io.zhida.identity.ZhidaUser(0, "admin", "系统管理员", null,
            java.util.Set.of(io.zhida.identity.Role.ADMIN), null, null, null, null, true, null, true);

    @Test
    void everyStoredPairEqualsTheEnginesAnswer() {
        matching.rematch("ON_DEMAND", true); // read again what other tests wrote into the database directly
        // profiles changed through the platform reach the live index one by one; the nightly kind of full match
        // (from the live index, not reading the records again) must come to the engine's answer too
        List<String> changed = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc OFFSET 100 LIMIT 40").query(String.class).list();
        for (int i = 0; i < changed.size(); i++) {
            updates.upsert(Map.of("uscc", changed.get(i), "employees", 1 + i * 37 % 400), "测试系统", Today.date(),
                    ADMIN);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE 'io.zhida.matching.%'")
                .query(Long.class).single() == 0);
        matching.rematch("ON_DEMAND", false);
        List<PolicyItem> online = catalog.onlineItems();
        Map<String, Condition> conditions = new HashMap<>();
        online.forEach(i -> conditions.put(i.code(), rules.compiler().condition(i.content().matchingCondition())));
        List<String> mismatches = new ArrayList<>();
        long[] pairs = {0, 0};
        profiles.forEach(p -> {
            Map<String, Object> values = DerivedAttributes.enrich(EnterpriseValues.normalize(p.attributes(), rules.compiler().schema()));
            Map<String, Outcome> stored = new HashMap<>();
            matching.forEnterprise(p.uscc()).forEach(m -> stored.put(m.itemCode(), m.outcome()));
            for (PolicyItem item : online) {
                Outcome cel = conditions.get(item.code()).outcome(values, Today.date());
                Outcome expected = cel == Outcome.ERROR ? Outcome.UNDETERMINED : cel == Outcome.INELIGIBLE ? null : cel;
                Outcome got = stored.get(item.code());
                pairs[0]++;
                pairs[1] += got == Outcome.ELIGIBLE ? 1 : 0;
                if (expected != got && mismatches.size() < 20) {
                    mismatches.add(p.uscc() + " " + item.code() + ": CEL " + expected + ", stored " + got);
                }
            }
        });
        assertThat(mismatches).isEmpty();
        assertThat(pairs[0]).isGreaterThan(100_000);
        assertThat(pairs[1]).as("the test city has eligible pairs to compare").isGreaterThan(1_000);
        // every item's list and count agree with 我的政策
        for (PolicyItem item : online) {
            long listed = matching.forItem(item.code(), Outcome.ELIGIBLE, null, 0, Integer.MAX_VALUE).size();
            assertThat(matching.countForItem(item.code(), Outcome.ELIGIBLE, null)).isEqualTo(listed);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM match_set").query(Long.class).single()).isEqualTo(2L * online.size());
    }
}
