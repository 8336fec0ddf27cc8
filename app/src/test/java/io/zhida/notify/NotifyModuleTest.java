package io.zhida.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.enterprise.EnterprisesChanged;
import io.zhida.identity.Role;
import io.zhida.notify.internal.OutboundDispatcher;
import io.zhida.notify.internal.OutboundRows;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.ModuleTest;
import io.zhida.support.Sessions;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Push (政策推送) on its own, with matching and what matching needs: an item published in the catalog is matched,
 * and the enterprise that qualifies finds it in its inbox and gets one SMS through the outbox; nobody else reads it.
 */
@ModuleTest
class NotifyModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "notify");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    Inbox inbox;
    @Autowired
    OutboundRows outbound;
    @Autowired
    OutboundDispatcher dispatcher;
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
    void aPublishedItemIsMatchedAndPushedToTheQualifyingEnterpriseOnce(Scenario scenario) {
        assertThat(context.getBeanProvider(io.zhida.funds.Grants.class).getIfAvailable()).as("funds is not a dependency").isNull();
        assertThat(context.getBeanProvider(io.zhida.applications.Applications.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(io.zhida.cockpit.Cockpit.class).getIfAvailable()).isNull();

        String qualifies = fixtures.enterprise(401, Map.of("employees", 60, "contact_phone", "13900000401"));
        String tooSmall = fixtures.enterprise(402, Map.of("employees", 5, "contact_phone", "13900000402"));
        awaitMatchingFollowed(qualifies, tooSmall);

        scenario.stimulate(() -> {
                    publish(ModuleFixtures.library("NT-ITEM-1", "C-JXJ", "承诺即享", "e.employees >= 50 && e.employees <= 60", "5000", 5000));
                })
                .andWaitAtMost(Duration.ofSeconds(30))
                .andWaitForStateChange(() -> messagesAbout(qualifies, "NT-ITEM-1"), messages -> !messages.isEmpty())
                .andVerify(messages -> assertThat(messages).singleElement().satisfies(m -> {
                    assertThat(m.title()).isEqualTo("您可能符合「测试事项NT-ITEM-1」");
                    assertThat(m.body()).contains("· 测试事项NT-ITEM-1").contains("我的政策");
                    assertThat(m.itemCodes()).containsExactly("NT-ITEM-1");
                    assertThat(m.unread()).isTrue();
                }));
        assertThat(inbox.messages(tooSmall).all()).as("the enterprise that does not qualify is told nothing").isEmpty();

        // the SMS was queued in the transaction that wrote the message, and the outbox hands it to the channel
        long message = messagesAbout(qualifies, "NT-ITEM-1").get(0).id();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            dispatcher.dispatch();
            return sms(qualifies).stream().allMatch(s -> s.deliveredAt() != null);
        });
        assertThat(sms(qualifies)).singleElement().satisfies(s -> {
            assertThat(s.address()).isEqualTo("13900000401");
            assertThat(s.text()).isEqualTo("【惠企直达】您可能符合「测试事项NT-ITEM-1」，请登录惠企政策直达平台“我的政策”查看。");
            assertThat(s.enterpriseName()).isEqualTo("测试企业401有限公司");
            assertThat(s.attempts()).isEqualTo(1);
        });
        assertThat(sms(tooSmall)).isEmpty();

        // a redelivered match announces nothing a second time
        assertThat(inbox.announce(qualifies, List.of("NT-ITEM-1"))).isEmpty();
        assertThat(inbox.messages(qualifies).all()).extracting(InboxMessage::id).containsExactly(message);
        assertThat(sms(qualifies)).hasSize(1);
    }

    @Test
    void theEnterpriseReadsItsMessageOnItsPagesAndAnotherEnterpriseCannot() throws Exception {
        String mine = fixtures.enterprise(501, Map.of("employees", 70));
        String theirs = fixtures.enterprise(502, Map.of("employees", 3));
        fixtures.user("nt-owner", Role.ENTERPRISE, null, null, mine);
        fixtures.user("nt-stranger", Role.ENTERPRISE, null, null, theirs);
        awaitMatchingFollowed(mine, theirs);
        publish(ModuleFixtures.library("NT-ITEM-2", "C-KJJ", "承诺即享", "e.employees >= 65", "3000", 3000));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !messagesAbout(mine, "NT-ITEM-2").isEmpty());
        InboxMessage message = messagesAbout(mine, "NT-ITEM-2").get(0);

        Cookie owner = Sessions.login(mvc, "nt-owner", ModuleFixtures.PASSWORD);
        Cookie stranger = Sessions.login(mvc, "nt-stranger", ModuleFixtures.PASSWORD);
        assertThat(page("/my/messages", owner)).contains(message.title()).contains("未读");
        assertThat(page("/my/messages", stranger)).doesNotContain("测试事项NT-ITEM-2");

        mvc.perform(get("/my/messages/" + message.id()).cookie(stranger)).andExpect(status().isNotFound());
        assertThat(inbox.messages(mine).all()).filteredOn(m -> m.id() == message.id()).singleElement()
                .as("a stranger's attempt does not mark it read").satisfies(m -> assertThat(m.unread()).isTrue());
        mvc.perform(get("/notify/outbox").cookie(owner)).andExpect(status().isForbidden());

        assertThat(page("/my/messages/" + message.id(), owner)).contains("测试事项NT-ITEM-2");
        assertThat(inbox.messages(mine).all()).filteredOn(m -> m.id() == message.id()).singleElement()
                .satisfies(m -> assertThat(m.readAt()).isNotNull());
        assertThat(inbox.unread(mine)).isZero();
    }

    private List<InboxMessage> messagesAbout(String uscc, String itemCode) {
        return inbox.messages(uscc).all().stream().filter(m -> m.itemCodes().contains(itemCode)).toList();
    }

    private List<OutboundRows.Sent> sms(String uscc) {
        return outbound.recent(1000).stream().filter(s -> uscc.equals(s.uscc()) && s.channel() == Channel.SMS).toList();
    }

    private String page(String path, Cookie session) throws Exception {
        return mvc.perform(get(path).cookie(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Waits until matching's asynchronous listener has taken these enterprises into its index. */
    private void awaitMatchingFollowed(String... usccs) {
        Set<String> ours = Set.of(usccs);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> publications.findIncompletePublications().stream()
                .noneMatch(p -> p.getEvent() instanceof EnterprisesChanged c && c.usccs().stream().anyMatch(ours::contains)));
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
