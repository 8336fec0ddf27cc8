package io.zhida.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.platform.Today;
import io.zhida.support.ZhidaIntegrationTest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A day's matches of an enterprise go into one 政策包 and one SMS. Each test announces made-up items on a day of
 * its own in 2031, so what the rest of the suite announces today never meets it.
 */
@ZhidaIntegrationTest
class PolicyBundleIT {

    @Autowired
    Inbox inbox;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDaysMatchesGoIntoOnePolicyPackAndOneSms() {
        String uscc = enterprise(0);
        long first = inbox.announce(uscc, List.of("T-PB1-A"), at("2031-04-01T09:00")).orElseThrow();
        assertThat(title(first)).isEqualTo("您可能符合「T-PB1-A」");
        assertThat(smsTexts(first)).containsExactly("【惠企直达】您可能符合「T-PB1-A」，请登录惠企政策直达平台“我的政策”查看。");

        assertThat(inbox.announce(uscc, List.of("T-PB1-B", "T-PB1-C"), at("2031-04-01T15:30"))).contains(first);
        assertThat(inbox.announce(uscc, List.of("T-PB1-A", "T-PB1-D"), at("2031-04-01T23:59"))).contains(first);
        assertThat(inbox.announce(uscc, List.of("T-PB1-B", "T-PB1-D"), at("2031-04-01T23:59"))).as("nothing new").isEmpty();

        assertThat(title(first)).isEqualTo("为您匹配到 4 项惠企政策（政策包）");
        assertThat(codes(first)).containsExactly("T-PB1-A", "T-PB1-B", "T-PB1-C", "T-PB1-D");
        assertThat(body(first)).contains("· T-PB1-A\n· T-PB1-B\n· T-PB1-C\n· T-PB1-D");
        assertThat(jdbc.sql("SELECT count(*) FROM announced_pair WHERE uscc = ? AND item_code LIKE 'T-PB1-%' AND message_id = ?")
                .params(uscc, first).query(Long.class).single()).isEqualTo(4);
        assertThat(messagesOn(uscc, "2031-04-01")).isEqualTo(1);
        assertThat(smsTexts(first)).as("one SMS, its text following the bundle while it waits")
                .containsExactly("【惠企直达】为您匹配到4项惠企政策，请登录惠企政策直达平台“我的政策”查看。");
    }

    @Test
    void theNextDayStartsANewPolicyPackWithItsOwnSms() {
        String uscc = enterprise(1);
        long first = inbox.announce(uscc, List.of("T-PB2-A"), at("2031-04-02T23:59")).orElseThrow();
        long second = inbox.announce(uscc, List.of("T-PB2-B"), at("2031-04-03T00:00")).orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(codes(first)).containsExactly("T-PB2-A");
        assertThat(codes(second)).containsExactly("T-PB2-B");
        assertThat(smsTexts(first)).hasSize(1);
        assertThat(smsTexts(second)).hasSize(1);
    }

    @Test
    void aReadPolicyPackIsClosedAndTheDaysNextMatchStartsANewOneWithoutAnotherSms() {
        String uscc = enterprise(2);
        long first = inbox.announce(uscc, List.of("T-PB3-A"), at("2031-04-04T09:00")).orElseThrow();
        jdbc.sql("UPDATE inbox_message SET read_at = ? WHERE id = ?").params(java.sql.Timestamp.from(at("2031-04-04T09:30")), first).update();

        long second = inbox.announce(uscc, List.of("T-PB3-B"), at("2031-04-04T10:00")).orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(codes(first)).as("what was read stays as it was read").containsExactly("T-PB3-A");
        assertThat(codes(second)).containsExactly("T-PB3-B");
        assertThat(smsTexts(second)).as("SMS and e-mail at most once a day").isEmpty();
        assertThat(inbox.announce(uscc, List.of("T-PB3-C"), at("2031-04-04T11:00"))).contains(second);
        assertThat(messagesOn(uscc, "2031-04-04")).isEqualTo(2);
    }

    @Test
    void concurrentDeliveriesMeetInOnePolicyPackAndAnnounceEachItemOnce() throws Exception {
        String uscc = enterprise(3);
        List<String> items = List.of("T-PB4-A", "T-PB4-B", "T-PB4-C", "T-PB4-D", "T-PB4-E");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Long>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                List<String> mine = new ArrayList<>(items.subList(i % 3, 5));
                Collections.shuffle(mine);
                results.add(pool.submit(() -> {
                    start.await();
                    return inbox.announce(uscc, mine, at("2031-04-06T10:00"));
                }));
            }
            start.countDown();
            for (Future<Optional<Long>> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(messagesOn(uscc, "2031-04-06")).isEqualTo(1);
        long id = jdbc.sql("SELECT id FROM inbox_message WHERE uscc = ? AND bundle_day = DATE '2031-04-06'").param(uscc)
                .query(Long.class).single();
        assertThat(codes(id)).containsExactlyInAnyOrderElementsOf(items);
        assertThat(jdbc.sql("SELECT count(*) FROM announced_pair WHERE uscc = ? AND item_code LIKE 'T-PB4-%' AND message_id = ?")
                .params(uscc, id).query(Long.class).single()).isEqualTo(5);
        assertThat(smsTexts(id)).containsExactly("【惠企直达】为您匹配到5项惠企政策，请登录惠企政策直达平台“我的政策”查看。");
    }

    @Test
    void aMutedEnterpriseGetsItsPolicyPackButNoSms() {
        String uscc = enterprise(4);
        inbox.setMuted(uscc, Channel.SMS, true);
        try {
            long id = inbox.announce(uscc, List.of("T-PB5-A"), at("2031-04-07T10:00")).orElseThrow();
            assertThat(codes(id)).containsExactly("T-PB5-A");
            assertThat(smsTexts(id)).isEmpty();
        } finally {
            inbox.setMuted(uscc, Channel.SMS, false);
        }
    }

    /** Demo enterprises with a phone that no test user is bound to, counted from the end of the code order. */
    private String enterprise(int n) {
        return jdbc.sql("""
                SELECT e.uscc FROM enterprise e WHERE e.contact_phone IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.enterprise_uscc = e.uscc)
                AND NOT EXISTS (SELECT 1 FROM channel_mute m WHERE m.uscc = e.uscc)
                ORDER BY e.uscc DESC OFFSET ? LIMIT 1""").param(n).query(String.class).single();
    }

    private String title(long id) {
        return jdbc.sql("SELECT title FROM inbox_message WHERE id = ?").param(id).query(String.class).single();
    }

    private String body(long id) {
        return jdbc.sql("SELECT body FROM inbox_message WHERE id = ?").param(id).query(String.class).single();
    }

    private List<String> codes(long id) {
        return jdbc.sql("SELECT unnest(item_codes) FROM inbox_message WHERE id = ?").param(id).query(String.class).list();
    }

    private List<String> smsTexts(long id) {
        return jdbc.sql("SELECT text FROM outbound_message WHERE message_id = ? AND channel = 'SMS'").param(id).query(String.class).list();
    }

    private long messagesOn(String uscc, String day) {
        return jdbc.sql("SELECT count(*) FROM inbox_message WHERE uscc = ? AND bundle_day = CAST(? AS date)").params(uscc, day)
                .query(Long.class).single();
    }

    static Instant at(String shanghaiLocal) {
        return LocalDateTime.parse(shanghaiLocal).atZone(Today.ZONE).toInstant();
    }
}
