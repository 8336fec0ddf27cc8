package io.zhida.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.ImportRejectedException;
import io.zhida.engine.rule.Outcome;
import io.zhida.enterprise.EnterprisesChanged;
import io.zhida.identity.Role;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.ModuleTest;
import io.zhida.support.Sessions;
import io.zhida.support.Sheets;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 政策找企业 on its own (with the catalog, enterprise profiles, identity and platform it depends on): a published item
 * is matched against the module's own fixture enterprises, explained to the one that misses it, and a profile change
 * moves an enterprise in and out.
 */
@ModuleTest
class MatchingModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "matching");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MatchingService matching;
    @Autowired
    EventPublicationRegistry publications;
    @Autowired
    MockMvc mvc;

    ModuleFixtures fixtures;

    @BeforeEach
    void city() {
        fixtures = new ModuleFixtures(context).city();
    }

    @Test
    void aPublishedItemMatchesTheEligibleEnterpriseAndTellsTheOtherWhatItLacks() throws Exception {
        assertThat(context.getBeanProvider(io.zhida.notify.Inbox.class).getIfAvailable())
                .as("notify depends on matching, not the other way round").isNull();
        assertThat(context.getBeanProvider(io.zhida.cockpit.Cockpit.class).getIfAvailable()).isNull();
        assertThat(matching.ready()).as("matched its empty city at start-up").isTrue();

        String big = fixtures.enterprise(101, Map.of("employees", 80));
        String small = fixtures.enterprise(102, Map.of("employees", 20));
        awaitMatchingFollowed(big, small);
        publish(ModuleFixtures.library("MT-ITEM-1", "C-JXJ", "承诺即享", "e.employees >= 50", "double(e.employees) * 100.0", 6000));

        // matched on publication, before the import returns
        assertThat(matching.forEnterprise(big)).filteredOn(m -> m.itemCode().equals("MT-ITEM-1")).singleElement().satisfies(m -> {
            assertThat(m.outcome()).isEqualTo(Outcome.ELIGIBLE);
            assertThat(m.itemVersion()).isEqualTo(1);
            assertThat(m.enterpriseName()).isEqualTo("测试企业101有限公司");
        });
        assertThat(matching.forEnterprise(small)).noneMatch(m -> m.itemCode().equals("MT-ITEM-1"));
        assertThat(matching.countForItem("MT-ITEM-1", Outcome.ELIGIBLE, null)).isEqualTo(1);
        assertThat(matching.forItem("MT-ITEM-1", Outcome.ELIGIBLE, ModuleFixtures.COUNTY, 0, 10)).extracting(MatchRow::uscc).containsExactly(big);

        fixtures.user("mt-big", Role.ENTERPRISE, null, null, big);
        fixtures.user("mt-small", Role.ENTERPRISE, null, null, small);
        Document bigPage = myPolicies(Sessions.login(mvc, "mt-big", ModuleFixtures.PASSWORD));
        Element eligible = entry(bigPage, "#eligible > .list-group-item", "测试事项MT-ITEM-1");
        assertThat(eligible.text()).as("80 × 100 yuan, held to the cap").contains("预计 6,000.00 元").contains("✔");

        Document smallPage = myPolicies(Sessions.login(mvc, "mt-small", ModuleFixtures.PASSWORD));
        assertThat(smallPage.select("#eligible").text()).doesNotContain("测试事项MT-ITEM-1");
        Element nearMiss = entry(smallPage, "#near-miss .list-group-item", "测试事项MT-ITEM-1");
        assertThat(nearMiss.select(".near-clause").text()).contains("从业人员").contains("50");
        assertThat(nearMiss.select(".near-gap").text()).isEqualTo("，还差 30 人");
    }

    @Test
    void aProfileChangeMovesAnEnterpriseInAndOutOfAnItem() {
        String firm = fixtures.enterprise(201, Map.of("employees", 10));
        awaitMatchingFollowed(firm);
        publish(ModuleFixtures.library("MT-ITEM-2", "C-KJJ", "承诺即享", "e.employees >= 30", "1000", 1000));
        assertThat(outcome(firm, "MT-ITEM-2")).isEqualTo(Outcome.INELIGIBLE);

        fixtures.enterprise(201, Map.of("employees", 40));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outcome(firm, "MT-ITEM-2") == Outcome.ELIGIBLE);
        assertThat(matching.forItem("MT-ITEM-2", Outcome.ELIGIBLE, null, 0, 100)).extracting(MatchRow::uscc).contains(firm);

        fixtures.enterprise(201, Map.of("employees", 12));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outcome(firm, "MT-ITEM-2") == Outcome.INELIGIBLE);
        assertThat(matching.forItem("MT-ITEM-2", Outcome.ELIGIBLE, null, 0, 100)).extracting(MatchRow::uscc).doesNotContain(firm);

        // a figure the platform does not hold makes the answer 待补充 (undetermined), not a no
        Map<String, Object> withoutEmployees = new java.util.HashMap<>();
        withoutEmployees.put("employees", null);
        String unknown = fixtures.enterprise(202, withoutEmployees);
        awaitMatchingFollowed(unknown);
        assertThat(outcome(unknown, "MT-ITEM-2")).isEqualTo(Outcome.UNDETERMINED);
        assertThat(matching.countForItem("MT-ITEM-2", Outcome.UNDETERMINED, null)).isEqualTo(1);
    }

    @Test
    void aBrokenRuleIsNotPublishedAndEnterprisesSeeOnlyTheirOwnMatches() throws Exception {
        String own = fixtures.enterprise(301, Map.of("employees", 5));
        String other = fixtures.enterprise(302, Map.of("employees", 6));
        awaitMatchingFollowed(own, other);

        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                () -> fixtures.publish(ModuleFixtures.library("MT-BAD", "C-JXJ", "承诺即享", "e.employes >= 1", "100", 100)));
        assertThat(refused.problems()).as("a misspelt attribute is an authoring error, said where it is")
                .singleElement().satisfies(p -> {
                    assertThat(p.item()).isEqualTo("MT-BAD");
                    assertThat(p.field()).isEqualTo("condition");
                });
        assertThat(matching.countsByItem(null)).as("nothing matched for a rule that was refused").doesNotContainKey("MT-BAD");

        publish(ModuleFixtures.library("MT-ITEM-3", "C-SWJ", "承诺即享", "e.employees >= 1", "500", 500));
        fixtures.user("mt-own", Role.ENTERPRISE, null, null, own);
        fixtures.user("mt-reviewer", Role.REVIEWER, null, "C-SWJ", null);
        String token = token("mt-own");
        String matches = mvc.perform(get("/api/v1/enterprises/" + own + "/matches").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> item3 = com.jayway.jsonpath.JsonPath.read(matches, "$.items[?(@.code == 'MT-ITEM-3')]");
        assertThat(item3).singleElement().satisfies(m -> {
            assertThat(m.get("result")).isEqualTo("ELIGIBLE");
            assertThat(new java.math.BigDecimal(String.valueOf(m.get("amount")))).isEqualByComparingTo("500");
        });
        mvc.perform(get("/api/v1/enterprises/" + other + "/matches").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/enterprises/12345/matches").header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest());

        Cookie enterprise = Sessions.login(mvc, "mt-own", ModuleFixtures.PASSWORD);
        mvc.perform(get("/matching/items/MT-ITEM-3").cookie(enterprise)).andExpect(status().isForbidden());
        mvc.perform(get("/matching/items/MT-ITEM-3/export.xlsx").cookie(enterprise)).andExpect(status().isForbidden());
        Cookie reviewer = Sessions.login(mvc, "mt-reviewer", ModuleFixtures.PASSWORD);
        Document list = Jsoup.parse(mvc.perform(get("/matching/items/MT-ITEM-3").cookie(reviewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(list.text()).contains("测试企业301有限公司").contains("测试企业302有限公司");
        assertThat(list.select("select[name=region]")).as("a city-level reviewer may choose the county").hasSize(1);
        String sheet = Sheets.text(mvc.perform(get("/matching/items/MT-ITEM-3/export.xlsx").cookie(reviewer))
                .andExpect(status().isOk()).andReturn());
        assertThat(sheet).contains("测试企业301有限公司\t" + own).contains("测试企业302有限公司\t" + other).contains("MT-ITEM-3");
    }

    /** Waits until matching's asynchronous listener has taken these enterprises' last change into its index. */
    private void awaitMatchingFollowed(String... usccs) {
        Set<String> ours = Set.of(usccs);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> publications.findIncompletePublications().stream()
                .noneMatch(p -> p.getEvent() instanceof EnterprisesChanged c && c.usccs().stream().anyMatch(ours::contains)));
    }

    private Outcome outcome(String uscc, String item) {
        return matching.forEnterprise(uscc).stream().filter(m -> m.itemCode().equals(item)).map(MatchRow::outcome).findFirst()
                .orElse(Outcome.INELIGIBLE);
    }

    private Document myPolicies(Cookie session) throws Exception {
        return Jsoup.parse(mvc.perform(get("/my/policies").cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static Element entry(Document page, String selector, String itemName) {
        return page.select(selector).stream().filter(e -> e.text().contains(itemName)).findFirst()
                .orElseThrow(() -> new AssertionError(itemName + " not in " + selector + ": " + page.select(selector).text()));
    }

    private String token(String username) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + ModuleFixtures.PASSWORD + "\"}"))
                .andExpect(status().isOk()).andReturn();
        return com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.token");
    }

    /** Publishes a one-item library; a refused file fails the test naming its problems. */
    private void publish(String yaml) {
        try {
            fixtures.publish(yaml);
        } catch (io.zhida.catalog.ImportRejectedException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }
}
