package io.zhida.integration;

import io.zhida.identity.AuditLog;
import io.zhida.identity.SystemClient;
import io.zhida.integration.internal.WebhookRows;
import io.zhida.platform.Inputs;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Page;
import io.zhida.platform.PageQuery;
import io.zhida.platform.Validation;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A system's webhook subscriptions and their delivery log; each system sees and changes only its own. */
@Service
public class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRows rows;
    private final AuditLog audit;
    private final Clock clock;

    Webhooks(WebhookRows rows, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Webhook.Created subscribe(SystemClient client, String url, List<String> events) {
        Validation v = new Validation();
        v.require(validUrl(url), "url", "回调地址应为 http:// 或 https:// 开头、不超过 500 个字符的完整地址");
        v.require(events != null && !events.isEmpty(), "events", "请至少订阅一种事件");
        List<String> types = new ArrayList<>(new LinkedHashSet<>(events == null ? List.of() : events));
        for (String type : types) {
            Optional<WebhookEvent> event = WebhookEvent.of(type);
            v.require(event.isPresent(), "events", "未知事件：" + type);
            event.flatMap(WebhookEvent::needs).ifPresent(scope -> v.require(client.has(scope), "events",
                    "订阅 " + type + " 需要 " + scope.value() + " 权限"));
        }
        v.throwIfInvalid();
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        long id = rows.subscribe(client.id(), url.trim(), types, secret);
        audit.recordBy(client.actor(), "webhook.subscribe", "webhook_subscription", String.valueOf(id),
                client.name() + " 订阅事件 " + String.join("、", types) + " → " + url.trim(), null, types);
        return new Webhook.Created(rows.subscription(client.id(), id).orElseThrow(), secret);
    }

    public List<Webhook.Subscription> subscriptions(SystemClient client) {
        return rows.subscriptions(client.id());
    }

    @Transactional
    public void unsubscribe(SystemClient client, long id) {
        if (!rows.deactivate(client.id(), id)) {
            throw new NotFoundException("订阅不存在");
        }
        audit.recordBy(client.actor(), "webhook.unsubscribe", "webhook_subscription", String.valueOf(id), client.name() + " 取消订阅", null, null);
    }

    public Page<Webhook.Delivery> deliveries(SystemClient client, PageQuery page) {
        return rows.deliveries(client.id()).page(page);
    }

    /** Sends one of the system's deliveries again (after its receiver was fixed), with the same delivery id. */
    @Transactional
    public Webhook.Delivery replay(SystemClient client, long deliveryId) {
        if (!rows.replay(client.id(), deliveryId, clock.instant())) {
            throw new NotFoundException("推送记录不存在");
        }
        audit.recordBy(client.actor(), "webhook.replay", "webhook_delivery", String.valueOf(deliveryId), client.name() + " 重新推送", null, null);
        return rows.delivery(deliveryId).orElseThrow();
    }

    private static boolean validUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 500 || Inputs.hasControlCharacters(url)) {
            return false;
        }
        try {
            URI uri = URI.create(url.trim());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
