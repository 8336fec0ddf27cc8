package io.zhida.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.jayway.jsonpath.JsonPath;
import io.zhida.applications.Application;
import io.zhida.applications.Applications;
import io.zhida.applications.Decisions;
import io.zhida.applications.WindowDesk;
import io.zhida.funds.BankAccounts;
import io.zhida.funds.Disclosure;
import io.zhida.funds.PayoutBatch;
import io.zhida.funds.PayoutBatches;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.notify.Inbox;
import io.zhida.notify.InboxMessage;
import io.zhida.platform.EventPublications;
import io.zhida.platform.Today;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.ModuleTest;
import io.zhida.support.Sessions;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The cockpit on its own (with everything it reads — applications, funds, evaluation, rectification and what they stand
 * on — but no portal and no demo city): a Spring Modulith scenario follows one application from submission through
 * approval to payment and watches the cockpit's figures move by exactly the fixture's amount; a rebuild from the
 * published facts gives the figures the events gave; leaders see the page, enterprises do not. No 公示 period, so an
 * approved grant is payable at once.
 */
@ModuleTest
@TestPropertySource(properties = "zhida.funds.disclosure-working-days=0")
class CockpitModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "cockpit");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    Cockpit cockpit;
    @Autowired
    Applications applications;
    @Autowired
    WindowDesk window;
    @Autowired
    Decisions decisions;
    @Autowired
    Disclosure disclosure;
    @Autowired
    BankAccounts bankAccounts;
    @Autowired
    PayoutBatches payoutBatches;
    @Autowired
    Inbox inbox;
    @Autowired
    EventPublications publications;

    ModuleFixtures fixtures;

    @BeforeEach
    void city() {
        // a fresh platform builds its empty read model once, in the background, at start: let it finish before any fixture
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("cockpit-build")));
        fixtures = new ModuleFixtures(context).city();
    }

    @Test
    void applyApproveAndPayMoveTheCockpitByExactlyTheFixturesAmount(Scenario scenario) {
        String uscc = fixtures.enterprise(301, Map.of());
        fixtures.user("ck-firm-301", Role.ENTERPRISE, null, null, uscc);
        fixtures.user("ck-clerk-1", Role.CLERK, null, ModuleFixtures.SERVICE_CENTER, null);
        fixtures.user("ck-jxj-1", Role.REVIEWER, null, "C-JXJ", null);
        publish(ModuleFixtures.library("CK-APPLY-1", "C-JXJ", "承诺即享", "e.uscc == \"" + uscc + "\"", "12345.67", 50_000));
        BigDecimal amount = new BigDecimal("12345.67");
        CockpitFilter jxj = new CockpitFilter(Today.date().minusYears(1).plusDays(1), Today.date(), null, "C-JXJ", null, null, null);
        // the cockpit has heard of the item and of the enterprise (its match is counted by the enterprise's county)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            CockpitSummary s = cockpit.summary(jxj);
            return s.itemsOnline() == 1 && s.matched() == 1;
        });
        CockpitSummary before = cockpit.summary(jxj);
        ZhidaUser firm = principal("ck-firm-301");
        ZhidaUser clerk = principal("ck-clerk-1");
        ZhidaUser reviewer = principal("ck-jxj-1");
        AtomicLong application = new AtomicLong();

        // apply: one more submitted, nothing approved or granted yet
        scenario.stimulate((Supplier<Long>) () -> applications.submit("CK-APPLY-1", firm, true, List.of()))
                .andWaitAtMost(Duration.ofSeconds(30))
                .andWaitForStateChange(() -> cockpit.summary(jxj), s -> s.submitted() == before.submitted() + 1)
                .andVerify((s, id) -> {
                    application.set(id);
                    assertThat(s.stages()).containsEntry("SUBMITTED", before.stages().getOrDefault("SUBMITTED", 0L) + 1);
                    assertThat(s.approved()).isEqualTo(before.approved());
                    assertThat(s.granted()).isEqualTo(before.granted());
                    assertThat(s.grantedAmount()).isEqualByComparingTo(before.grantedAmount());
                });
        long id = application.get();
        window.accept(id, clerk);
        window.dispatch(id, clerk);
        decisions.respond(id, reviewer);

        // approve: the department approves the platform's estimate; the grant is made for exactly that amount
        scenario.stimulate(() -> decisions.decide(id, reviewer, true, null, "符合条件，同意核准", null))
                .andWaitAtMost(Duration.ofSeconds(30))
                .andWaitForStateChange(() -> cockpit.summary(jxj),
                        s -> s.approved() == before.approved() + 1 && s.granted() == before.granted() + 1)
                .andVerify(s -> {
                    assertThat(s.grantedAmount()).isEqualByComparingTo(before.grantedAmount().add(amount));
                    assertThat(s.submitted()).isEqualTo(before.submitted() + 1);
                    assertThat(s.declined()).isEqualTo(before.declined());
                    assertThat(s.paid()).isEqualTo(before.paid());
                    assertThat(s.paidAmount()).isEqualByComparingTo(before.paidAmount());
                });
        Application approved = applications.get(id, firm);
        assertThat(approved.status()).isEqualTo(Application.Status.APPROVED);
        assertThat(approved.approvedAmount()).isEqualByComparingTo(amount);

        // pay: 公示 over, the account confirmed, a bank batch settled as paid
        assertThat(disclosure.endDisclosures()).isEqualTo(1);
        bankAccounts.confirm(uscc, "测试企业301有限公司", "测试银行青山支行", "6222000033334444");
        PayoutBatch batch = payoutBatches.create().orElseThrow();
        List<PayoutBatch.Line> lines = payoutBatches.lines(batch.id());
        assertThat(lines).extracting(PayoutBatch.Line::grantId).containsExactly(approved.grantId());
        scenario.stimulate(() -> settle(batch.id(), lines.get(0).id()))
                .andWaitAtMost(Duration.ofSeconds(30))
                .andWaitForStateChange(() -> cockpit.summary(jxj), s -> s.paid() == before.paid() + 1)
                .andVerify(s -> {
                    assertThat(s.paidAmount()).isEqualByComparingTo(before.paidAmount().add(amount));
                    assertThat(s.paidOnTime()).isEqualTo(before.paidOnTime() + 1);
                    assertThat(s.grantedAmount()).as("paying grants nothing new").isEqualByComparingTo(before.grantedAmount().add(amount));
                    assertThat(s.approved()).isEqualTo(before.approved() + 1);
                    assertThat(s.submitted()).isEqualTo(before.submitted() + 1);
                });
        // the application follows its grant to 已兑付, and the cockpit's stages with it
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> cockpit.summary(jxj).stages().getOrDefault("PAID", 0L) == before.stages().getOrDefault("PAID", 0L) + 1);
        assertThat(applications.get(id, firm).status()).isEqualTo(Application.Status.PAID);
    }

    @Test
    void theReadModelRebuiltFromThePublishedFactsGivesTheFiguresTheEventsGave() {
        String uscc = fixtures.enterprise(302, Map.of("employees", 80));
        fixtures.user("ck-firm-302", Role.ENTERPRISE, null, null, uscc);
        publish(ModuleFixtures.library("CK-INSTANT-1", "C-KJJ", "即申即享", "e.uscc == \"" + uscc + "\" && e.employees >= 10", "6000", 6000));
        LocalDate today = Today.date();
        CockpitFilter kjj = new CockpitFilter(today.minusYears(1).plusDays(1), today, null, "C-KJJ", null, null, null);
        CockpitFilter city = new CockpitFilter(today.minusYears(1).plusDays(1), today, null, null, null, null, null);
        CockpitFilter county = new CockpitFilter(today.minusYears(1).plusDays(1), today, ModuleFixtures.COUNTY, null, null, null, null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> announcement(uscc, "CK-INSTANT-1") != null);

        // read the announcement, apply (秒批), so that matched, read, submitted, approved and granted all move by events
        inbox.open(uscc, announcement(uscc, "CK-INSTANT-1").id());
        long id = applications.submit("CK-INSTANT-1", principal("ck-firm-302"), false, List.of());
        assertThat(applications.get(id, principal("ck-firm-302")).status()).isEqualTo(Application.Status.APPROVED);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cockpit.summary(kjj))
                .extracting(CockpitSummary::matched, CockpitSummary::read, CockpitSummary::submitted, CockpitSummary::approved,
                        CockpitSummary::granted)
                .containsExactly(1L, 1L, 1L, 1L, 1L));
        assertThat(cockpit.summary(kjj).grantedAmount()).isEqualByComparingTo("6000");
        // every listener has caught up (nothing of this or another test still on its way to the read model)
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> publications.incomplete() == 0);

        List<CockpitSummary> byEvents = List.of(cockpit.summary(kjj), cockpit.summary(city), cockpit.summary(county));
        CockpitSummary.Breakdown breakdownByEvents = cockpit.breakdown(city);
        cockpit.rebuild();
        List<CockpitSummary> rebuilt = List.of(cockpit.summary(kjj), cockpit.summary(city), cockpit.summary(county));
        for (int i = 0; i < byEvents.size(); i++) {
            assertThat(rebuilt.get(i)).as("filter %d", i).usingRecursiveComparison().ignoringFields("stages")
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(byEvents.get(i));
            assertThat(withoutZeros(rebuilt.get(i).stages())).as("stages, filter %d", i).isEqualTo(withoutZeros(byEvents.get(i).stages()));
        }
        assertThat(cockpit.breakdown(city)).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(breakdownByEvents);
        assertThat(rebuilt.get(0).grantedAmount()).isEqualByComparingTo("6000");
    }

    @Test
    void aLeaderSeesTheCockpitAnEnterpriseUserIsRefusedAndAFilterOfNothingIsA400() throws Exception {
        assertThat(ModuleFixtures.modulesIn(context)).contains("cockpit", "applications", "funds", "rectification", "matching", "notify")
                .doesNotContain("demo", "portal");
        String uscc = fixtures.enterprise(303, Map.of());
        fixtures.user("ck-firm-303", Role.ENTERPRISE, null, null, uscc);
        fixtures.user("ck-leader-1", Role.LEADER, null, null, null);
        Cookie leader = login("ck-leader-1");
        Cookie firm = login("ck-firm-303");
        LocalDate today = Today.date();
        CockpitSummary expected = cockpit.summary(new CockpitFilter(today.minusYears(1).plusDays(1), today, null, null, null, null, null));

        var page = mvc.perform(get("/cockpit").cookie(leader)).andExpect(status().isOk()).andExpect(view().name("cockpit/cockpit")).andReturn();
        CockpitSummary shown = (CockpitSummary) page.getModelAndView().getModel().get("s");
        assertThat(shown.enterprises()).isEqualTo(expected.enterprises()).isGreaterThanOrEqualTo(1);
        assertThat(shown.itemsOnline()).isEqualTo(expected.itemsOnline());
        assertThat(page.getResponse().getContentAsString()).contains("领导驾驶舱").contains("青山县");
        String json = mvc.perform(get("/api/v1/cockpit/summary").header("Authorization", "Bearer " + Sessions.token(mvc, "ck-leader-1", ModuleFixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(json, "$.enterprises")).longValue()).isEqualTo(expected.enterprises());

        // an enterprise's user: neither the page, the reports nor the API
        mvc.perform(get("/cockpit").cookie(firm)).andExpect(status().isForbidden());
        mvc.perform(get("/cockpit/reports").cookie(firm)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cockpit/summary").header("Authorization", "Bearer " + Sessions.token(mvc, "ck-firm-303", ModuleFixtures.PASSWORD))).andExpect(status().isForbidden());

        // a filter naming nothing of this city is a mistake, said as such, not an empty cockpit
        mvc.perform(get("/cockpit").param("region", "999999").cookie(leader)).andExpect(status().isBadRequest());
        mvc.perform(get("/cockpit").param("department", "NO-SUCH").cookie(leader)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/cockpit/summary").param("region", "999999").header("Authorization", "Bearer " + Sessions.token(mvc, "ck-leader-1", ModuleFixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("没有这个县（区）：999999")));
        mvc.perform(get("/api/v1/cockpit/summary").param("from", "2026-05-01").param("to", "2026-04-01")
                .header("Authorization", "Bearer " + Sessions.token(mvc, "ck-leader-1", ModuleFixtures.PASSWORD))).andExpect(status().isBadRequest());
        mvc.perform(get("/cockpit").param("region", ModuleFixtures.COUNTY).cookie(leader)).andExpect(status().isOk());
    }

    /** A stage that applications have all left is 0 in the live model and absent from a rebuilt one: the same figure. */
    private static Map<String, Long> withoutZeros(Map<String, Long> stages) {
        return stages.entrySet().stream().filter(e -> e.getValue() != 0).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void settle(long batch, long line) {
        try {
            payoutBatches.settle(batch, "回单.csv",
                    new ByteArrayInputStream(("明细号,结果,失败原因\n" + line + ",成功,\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InboxMessage announcement(String uscc, String item) {
        return inbox.messages(uscc).all().stream().filter(m -> m.itemCodes().contains(item)).findFirst().orElse(null);
    }

    /** Publishes a library, saying what was wrong with it if the catalog refuses it. */
    private void publish(String yaml) {
        try {
            fixtures.publish(yaml);
        } catch (io.zhida.catalog.ImportRejectedException e) {
            throw new AssertionError("the catalog refused the fixture's library: " + e.problems(), e);
        }
    }

    private Cookie login(String username) throws Exception {
        return Sessions.login(mvc, username, ModuleFixtures.PASSWORD);
    }

    private ZhidaUser principal(String username) {
        return (ZhidaUser) context.getBean(UserDetailsService.class).loadUserByUsername(username);
    }
}
