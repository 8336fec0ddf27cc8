package io.zhida.notify.internal;

import static io.zhida.notify.internal.ForecastTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.matching.MatchesFound.Notice;
import io.zhida.notify.Channel;
import io.zhida.notify.Inbox;
import io.zhida.notify.MessageChannel;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox within each channel's limits, with dispatchers built here with small limits and called at given
 * instants (no sleeping). Each test works on a day of its own in 2031; the messages the rest of the suite queued
 * are sent first by {@link #drainEverythingQueuedBefore()}, so the counts here are exact.
 */
@ZhidaIntegrationTest
class OutboxLimitsIT {

    private static final Logger log = LoggerFactory.getLogger(OutboxLimitsIT.class);
    private static final ChannelLimits UNLIMITED = new ChannelLimits(1_000_000, 100_000_000, Optional.empty());

    @Autowired
    OutboundRows rows;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    List<MessageChannel> channels;
    @Autowired
    Inbox inbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void drainEverythingQueuedBefore() {
        dispatcher(UNLIMITED, channels).dispatch(at("2031-04-30T12:00:00"));
    }

    @Test
    void inQuietHoursNothingIsSentAndTheQueueGoesWhenTheyEnd() {
        ChannelLimits limits = new ChannelLimits(100, 10_000, ChannelLimits.QuietHours.parse("21:00-08:00"));
        OutboundDispatcher dispatcher = dispatcher(limits, channels);
        List<Long> sms = announceToEnterprises(10, 3, "T-QH", at("2031-05-01T22:30:00"));
        assertThat(sms).hasSize(3);

        assertThat(dispatcher.dispatch(at("2031-05-01T22:30:00"))).isZero();
        assertThat(dispatcher.dispatch(at("2031-05-01T23:59:59"))).isZero();
        assertThat(dispatcher.dispatch(at("2031-05-02T07:59:59"))).isZero();
        assertThat(undelivered(sms)).isEqualTo(3);
        OutboxOverview.View page = new OutboxOverview(rows, limits(limits)).at(at("2031-05-02T07:00:00"), 50);
        assertThat(page.rows()).filteredOn(r -> sms.contains(r.message().id())).hasSize(3).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(WaitState.QUIET);
            assertThat(r.dueAt()).isEqualTo(at("2031-05-02T08:00:00"));
        });
        assertThat(channel(page, Channel.SMS).counts().get(WaitState.QUIET)).isEqualTo(3);

        assertThat(dispatcher.dispatch(at("2031-05-02T08:00:00"))).isEqualTo(3);
        assertThat(deliveredAt(sms)).containsOnly(at("2031-05-02T08:00:00"));
    }

    @Test
    void aBulkImportsFloodBecomesOnePolicyPackPerEnterpriseAndDrainsAtTheRatePerMinute() {
        List<String> enterprises = enterprises(0, 100_000);
        List<Notice> notices = enterprises.stream().map(u -> new Notice(u, List.of("T-FLOOD-A", "T-FLOOD-B"))).toList();
        long started = System.nanoTime();
        List<Long> packs = inbox.announce(notices, at("2031-05-03T10:00:00"));
        log.info("Announced {} enterprises × 2 items in {} ms", enterprises.size(), (System.nanoTime() - started) / 1_000_000);
        assertThat(packs).hasSize(enterprises.size());
        assertThat(jdbc.sql("SELECT count(*) FROM inbox_message WHERE bundle_day = DATE '2031-05-03' AND cardinality(item_codes) = 2")
                .query(Long.class).single()).isEqualTo(enterprises.size());
        List<Long> sms = smsOf(packs);
        assertThat(sms).hasSize(enterprises.size());

        OutboundDispatcher dispatcher = dispatcher(new ChannelLimits(500, 100_000, ChannelLimits.QuietHours.parse("21:00-08:00")), channels);
        Instant minute = at("2031-05-03T10:00:00");
        int minutes = 0;
        while (undelivered(sms) > 0 && minutes < 20) {
            long before = undelivered(sms);
            dispatcher.dispatch(minute);
            dispatcher.dispatch(minute.plusSeconds(30));
            assertThat(sentInMinute(minute)).as("never more than the rate").isEqualTo(Math.min(500, before));
            minute = minute.plus(Duration.ofMinutes(1));
            minutes++;
        }
        assertThat(minutes).isEqualTo((enterprises.size() + 499) / 500);
        assertThat(undelivered(sms)).as("nothing dropped").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM channel_record WHERE outbound_id = ANY(?)").param(sms.toArray(Long[]::new))
                .query(Long.class).single()).isEqualTo(sms.size());
    }

    @Test
    void pastTheDailyQuotaTheRestWaitsForTheNextDayAndIsNotDropped() {
        ChannelLimits limits = new ChannelLimits(10, 25, ChannelLimits.QuietHours.parse("21:00-08:00"));
        OutboundDispatcher dispatcher = dispatcher(limits, channels);
        List<Long> sms = announceToEnterprises(20, 30, "T-QUOTA", at("2031-05-05T20:55:00"));
        assertThat(sms).hasSize(30);

        List<Integer> sent = new ArrayList<>();
        for (String time : List.of("20:55:00", "20:56:00", "20:56:30", "20:57:00", "20:58:00", "20:59:00")) {
            sent.add(dispatcher.dispatch(at("2031-05-05T" + time)));
        }
        assertThat(sent).containsExactly(10, 10, 0, 5, 0, 0);
        assertThat(jdbc.sql("SELECT sent FROM outbound_usage WHERE channel = 'SMS' AND span = 'DAY' AND starts_at = ?")
                .param(Timestamp.from(at("2031-05-05T00:00:00"))).query(Integer.class).single()).isEqualTo(25);
        OutboxOverview.View page = new OutboxOverview(rows, limits(limits)).at(at("2031-05-05T20:59:30"), 50);
        assertThat(page.rows()).filteredOn(r -> sms.contains(r.message().id()) && r.message().deliveredAt() == null).hasSize(5)
                .allSatisfy(r -> {
                    assertThat(r.state()).isEqualTo(WaitState.OVER_QUOTA);
                    assertThat(r.dueAt()).isEqualTo(at("2031-05-06T08:00:00"));
                });
        assertThat(channel(page, Channel.SMS).counts()).containsEntry(WaitState.OVER_QUOTA, 5L).containsEntry(WaitState.DUE, 0L);
        assertThat(channel(page, Channel.SMS).sentToday()).isEqualTo(25);

        assertThat(dispatcher.dispatch(at("2031-05-06T00:00:00"))).as("a new day, but quiet hours").isZero();
        assertThat(dispatcher.dispatch(at("2031-05-06T08:00:00"))).isEqualTo(5);
        assertThat(undelivered(sms)).isZero();
    }

    @Test
    void twoDispatchersAtOnceNeverSendAMessageTwiceAndShareOneRate() throws Exception {
        List<Long> sms = announceToEnterprises(60, 120, "T-TWO", at("2031-05-07T10:00:00"));
        assertThat(sms).hasSize(120);
        Queue<Long> handedOver = new ConcurrentLinkedQueue<>();
        ChannelLimits limits = new ChannelLimits(50, 10_000, Optional.empty());
        OutboundDispatcher nodeA = dispatcher(limits, counting(handedOver));
        OutboundDispatcher nodeB = dispatcher(limits, counting(handedOver));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String time : List.of("10:00:00", "10:01:00", "10:02:00")) {
                Instant now = at("2031-05-07T" + time);
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> a = pool.submit(() -> {
                    start.await();
                    return nodeA.dispatch(now);
                });
                Future<Integer> b = pool.submit(() -> {
                    start.await();
                    return nodeB.dispatch(now);
                });
                start.countDown();
                assertThat(a.get() + b.get()).as("one rate for the cluster at %s", time).isEqualTo(time.equals("10:02:00") ? 20 : 50);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(handedOver).doesNotHaveDuplicates().hasSize(120).containsAll(sms);
        assertThat(undelivered(sms)).isZero();
    }

    @Test
    void aDispatcherWaitsOnlyAWhileForAnotherNodeThatKeepsTheChannelThenLeavesItTheRound() throws Exception {
        List<Long> sms = announceToEnterprises(200, 2, "T-LOCK", at("2031-05-09T10:00:00"));
        OutboundDispatcher dispatcher = new OutboundDispatcher(rows, transaction, channels,
                limits(new ChannelLimits(100, 10_000, Optional.empty())), Duration.ofMillis(300), io.zhida.platform.BusinessClock.current());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        try {
            Future<?> keeping = otherNode.submit(() -> transaction.executeWithoutResult(status -> {
                assertThat(rows.lockChannel(Channel.SMS, Duration.ofSeconds(1))).isTrue();
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            held.await();
            assertThat(dispatcher.dispatch(at("2031-05-09T10:00:00"))).isZero();
            assertThat(undelivered(sms)).isEqualTo(2);
            release.countDown();
            keeping.get();
        } finally {
            otherNode.shutdown();
        }
        assertThat(dispatcher.dispatch(at("2031-05-09T10:00:00"))).isEqualTo(2);
        assertThat(undelivered(sms)).isZero();
    }

    @Test
    void theOutboxPageShowsEachChannelsLimitsAndHowManyWaitForWhat() throws Exception {
        mvc.perform(get("/notify/outbox").cookie(Sessions.login(mvc, "admin"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("待发送"), Matchers.containsString("静默时段"),
                        Matchers.containsString("超出当日配额"), Matchers.containsString("id=\"count-SMS-OVER_QUOTA\""),
                        Matchers.containsString("每日配额 <span>100000000</span> 条"))));
        mvc.perform(get("/notify/outbox/export.xlsx").cookie(Sessions.login(mvc, "admin"))).andExpect(status().isOk());
    }

    private OutboundDispatcher dispatcher(ChannelLimits sms, List<MessageChannel> channels) {
        return new OutboundDispatcher(rows, transaction, channels, limits(sms), io.zhida.platform.BusinessClock.current());
    }

    private static SendingLimits limits(ChannelLimits sms) {
        return new SendingLimits(Map.of(Channel.SMS, sms, Channel.EMAIL, UNLIMITED));
    }

    /** The real channels, the SMS one noting every message it is handed. */
    private List<MessageChannel> counting(Queue<Long> handedOver) {
        List<MessageChannel> counted = new ArrayList<>();
        for (MessageChannel channel : channels) {
            counted.add(channel.channel() != Channel.SMS ? channel : new MessageChannel() {
                @Override
                public Channel channel() {
                    return Channel.SMS;
                }

                @Override
                public void send(Outgoing message) throws Exception {
                    handedOver.add(message.id());
                    channel.send(message);
                }
            });
        }
        return counted;
    }

    /** Announces one made-up item to each of {@code count} enterprises; returns their SMS. */
    private List<Long> announceToEnterprises(int offset, int count, String item, Instant at) {
        List<Notice> notices = enterprises(offset, count).stream().map(u -> new Notice(u, List.of(item))).toList();
        return smsOf(inbox.announce(notices, at));
    }

    /** Demo enterprises with a phone, not muted, that no test user is bound to, counted from the start of the code order. */
    private List<String> enterprises(int offset, int count) {
        return jdbc.sql("""
                SELECT e.uscc FROM enterprise e WHERE e.contact_phone IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.enterprise_uscc = e.uscc)
                AND NOT EXISTS (SELECT 1 FROM channel_mute m WHERE m.uscc = e.uscc)
                ORDER BY e.uscc OFFSET ? LIMIT ?""").params(offset, count).query(String.class).list();
    }

    private List<Long> smsOf(List<Long> messages) {
        return jdbc.sql("SELECT id FROM outbound_message WHERE channel = 'SMS' AND message_id = ANY(?) ORDER BY id")
                .param(messages.toArray(Long[]::new)).query(Long.class).list();
    }

    private long undelivered(List<Long> ids) {
        return jdbc.sql("SELECT count(*) FROM outbound_message WHERE id = ANY(?) AND delivered_at IS NULL").param(ids.toArray(Long[]::new))
                .query(Long.class).single();
    }

    private List<Instant> deliveredAt(List<Long> ids) {
        return jdbc.sql("SELECT delivered_at FROM outbound_message WHERE id = ANY(?)").param(ids.toArray(Long[]::new))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    private long sentInMinute(Instant minute) {
        return jdbc.sql("SELECT count(*) FROM outbound_message WHERE channel = 'SMS' AND delivered_at >= ? AND delivered_at < ?")
                .params(Timestamp.from(minute), Timestamp.from(minute.plus(Duration.ofMinutes(1)))).query(Long.class).single();
    }

    private static OutboxOverview.ChannelView channel(OutboxOverview.View page, Channel channel) {
        return page.channels().stream().filter(c -> c.channel() == channel).findFirst().orElseThrow();
    }
}
