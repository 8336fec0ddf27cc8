package io.zhida.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.engine.standard.Uscc;
import io.zhida.notify.internal.OutboundDispatcher;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/** A profile change is matched, pushed to the inbox and by SMS through the outbox, once, unless muted. */
@ZhidaIntegrationTest
class PushChannelsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.zhida.matching.MatchingService matching;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    OutboundDispatcher dispatcher;
    @Autowired
    Inbox inbox;

    @Test
    void aNewEnterpriseThatQualifiesIsMatchedAndToldInTheInboxAndBySmsOnce() throws Exception {
        String first17 = "91519922" + "8800000" + "11";
        String code = first17 + Uscc.checkCharacter(first17);
        exchange.importYaml("""
                documents: []
                items:
                  - code: T-PUSH-1
                    name: 新办企业推送测试补贴
                    departments: [C-JXJ]
                    mode: FULL_REVIEW
                    condition: e.uscc == "%s" && e.employees >= 10 // 本测试企业且从业人员不少于 10 人
                    benefit_type: 资金补贴
                    amount: "5000"
                """.formatted(code), true);
        String admin = "Bearer " + Sessions.token(mvc, "admin");
        mvc.perform(post("/api/v1/enterprises").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uscc\":\"" + code + "\",\"name\":\"白水推送测试有限公司\",\"region\":\"519922\","
                                + "\"industry\":\"C3911\",\"employees\":5,\"contact_phone\":\"13800000001\"}"))
                .andExpect(status().isCreated());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outcome(code, "T-PUSH-1").equals("INELIGIBLE"));

        mvc.perform(post("/api/v1/enterprises").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uscc\":\"" + code + "\",\"employees\":12}"))
                .andExpect(status().isOk());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outcome(code, "T-PUSH-1").equals("ELIGIBLE"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM inbox_message WHERE uscc = ? AND 'T-PUSH-1' = ANY(item_codes)", code) == 1);
        dispatcher.dispatch();
        // the item joins the enterprise's 政策包 of the day, whose one SMS names it or counts it with the day's other items
        assertThat(count("SELECT count(*) FROM channel_record r JOIN outbound_message o ON o.id = r.outbound_id "
                + "JOIN inbox_message m ON m.id = o.message_id WHERE m.uscc = ? AND r.channel = 'SMS' AND r.address = '13800000001'"
                + " AND 'T-PUSH-1' = ANY(m.item_codes) AND (r.text LIKE '%新办企业推送测试补贴%' OR r.text LIKE '%项惠企政策%')", code))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbound_message o JOIN inbox_message m ON m.id = o.message_id "
                + "WHERE m.uscc = ? AND o.delivered_at IS NULL", code)).isZero();

        mvc.perform(post("/api/v1/enterprises").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uscc\":\"" + code + "\",\"employees\":13}"))
                .andExpect(status().isOk());
        dispatcher.dispatch();
        assertThat(count("SELECT count(*) FROM inbox_message WHERE uscc = ? AND 'T-PUSH-1' = ANY(item_codes)", code))
                .as("still eligible: the same match is not pushed again").isEqualTo(1);
    }

    @Test
    void aMutedChannelGetsNothingWhileTheInboxStillDoes() throws Exception {
        String uscc = jdbc.sql("SELECT enterprise_uscc FROM app_user WHERE username = 'enterprise'").query(String.class).single();
        Cookie session = Sessions.login(mvc, "enterprise");
        mvc.perform(post("/my/messages/settings").cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("wanted", "EMAIL"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/my/messages/settings").cookie(session)).andExpect(status().isOk());
        assertThat(inbox.mutedChannels(uscc)).containsExactly(Channel.SMS);
        long id = inbox.send(uscc, "静音测试消息", "正文");
        assertThat(count("SELECT count(*) FROM outbound_message WHERE message_id = ? AND channel = 'SMS'", id)).isZero();
        assertThat(count("SELECT count(*) FROM inbox_message WHERE id = ?", id)).isEqualTo(1);
        inbox.setMuted(uscc, Channel.SMS, false);
        long second = inbox.send(uscc, "取消静音后的消息", "正文");
        assertThat(count("SELECT count(*) FROM outbound_message WHERE message_id = ? AND channel = 'SMS'", second)).isEqualTo(1);

        mvc.perform(get("/notify/outbox").cookie(Sessions.login(mvc, "admin"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("短信与邮件发件箱")));
        mvc.perform(get("/notify/outbox").cookie(session)).andExpect(status().isForbidden());
    }

    private String outcome(String uscc, String item) {
        return matching.forEnterprise(uscc).stream().filter(m -> m.itemCode().equals(item)).map(m -> m.outcome().name())
                .findFirst().orElse("INELIGIBLE");
    }

    private long count(String sql, Object arg) {
        return jdbc.sql(sql).param(arg).query(Long.class).single();
    }
}
