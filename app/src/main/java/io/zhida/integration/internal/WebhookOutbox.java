package io.zhida.integration.internal;

import io.zhida.applications.ApplicationChanged;
import io.zhida.catalog.PolicyItemAbolished;
import io.zhida.catalog.PolicyItemPublished;
import io.zhida.funds.GrantEvents;
import io.zhida.identity.SystemClients;
import io.zhida.integration.WebhookEvent;
import io.zhida.matching.MatchesFound;
import io.zhida.rectification.AppealAnswered;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox: each event a subscriber may want is written, one row per subscription, in the
 * transaction that made the change (these listeners run in the publisher's transaction). So a change that commits
 * is never lost for a subscriber, one that rolls back is never sent, and the row waits for the dispatcher whatever
 * happens to the node in between. Events arriving from other nodes are not queued again: only their origin queues.
 */
@Component
class WebhookOutbox {

    private final WebhookRows rows;
    private final JsonMapper json;
    private final Clock clock;
    private final SystemClients clients;

    WebhookOutbox(WebhookRows rows, JsonMapper json, Clock clock, SystemClients clients) {
        this.clients = clients;
        this.rows = rows;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(ApplicationChanged c) {
        queue(WebhookEvent.APPLICATION_STATUS_CHANGED, "application:" + c.applicationId() + ":" + c.to() + ":" + c.at().toEpochMilli(), c.at(),
                data("applicationId", c.applicationId(), "uscc", c.uscc(), "itemCode", c.itemCode(),
                        "from", c.from() == null ? null : c.from().name(), "to", c.to().name(), "approvedAmount", c.approvedAmount()));
    }

    @EventListener
    void on(GrantEvents.GrantMade g) {
        queue(WebhookEvent.GRANT_MADE, "grant:" + g.grantId() + ":made", g.at(), data("grantId", g.grantId(), "applicationId", g.applicationId(),
                "uscc", g.uscc(), "itemCode", g.itemCode(), "route", g.route().name(), "amount", g.amount()));
    }

    @EventListener
    void on(GrantEvents.GrantPaid g) {
        queue(WebhookEvent.GRANT_PAID, "grant:" + g.grantId() + ":paid", clock.instant(), data("grantId", g.grantId(),
                "applicationId", g.applicationId(), "uscc", g.uscc(), "itemCode", g.itemCode(), "amount", g.amount(), "onTime", g.onTime()));
    }

    @EventListener
    void on(PolicyItemPublished p) {
        queue(WebhookEvent.ITEM_PUBLISHED, "item:" + p.code() + ":v" + p.version(), clock.instant(), data("itemCode", p.code(), "version", p.version()));
    }

    @EventListener
    void on(PolicyItemAbolished a) {
        queue(WebhookEvent.ITEM_ABOLISHED, "item:" + a.code() + ":abolished", clock.instant(), data("itemCode", a.code()));
    }

    @EventListener
    void on(MatchesFound m) {
        queue(WebhookEvent.MATCHES_FOUND, "matches:" + m.news(), m.at(), data("news", m.news(), "enterprises", m.enterprises(), "pairs", m.pairs()));
    }

    @EventListener
    void on(AppealAnswered a) {
        if (a.sourceClient() == null) {
            return; // an enterprise's own appeal is no system's business
        }
        clients.idOf(a.sourceClient()).ifPresent(client -> rows.enqueue(client, WebhookEvent.APPEAL_ANSWERED.type(), "appeal:" + a.appealId(),
                body(WebhookEvent.APPEAL_ANSWERED, a.at(), data("number", a.number(), "reference", a.sourceRef(), "uscc", a.uscc(),
                        "answer", a.answer())), clock.instant()));
    }

    private void queue(WebhookEvent event, String key, Instant occurredAt, Map<String, Object> data) {
        rows.enqueue(event.type(), key, body(event, occurredAt, data), clock.instant());
    }

    private String body(WebhookEvent event, Instant occurredAt, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type());
        body.put("occurredAt", occurredAt.toString());
        body.put("data", data);
        return json.writeValueAsString(body);
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1] instanceof java.math.BigDecimal d ? d.toPlainString() : pairs[i + 1]);
        }
        return m;
    }
}
