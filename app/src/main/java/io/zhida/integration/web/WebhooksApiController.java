package io.zhida.integration.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.CurrentUser;
import io.zhida.identity.DataScope;
import io.zhida.identity.Scope;
import io.zhida.identity.SystemClient;
import io.zhida.integration.Webhook;
import io.zhida.integration.Webhooks;
import io.zhida.platform.Page;
import io.zhida.platform.PageQuery;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A system manages its own webhook subscriptions and reads and replays its delivery log (scope webhooks:manage). */
@AccessRule(audience = Audience.SYSTEMS, scope = DataScope.OWN_ACCOUNT, scopes = Scope.WEBHOOKS_MANAGE)
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhooksApiController {

    record SubscriptionForm(String url, List<String> events) {
    }

    private final Webhooks webhooks;

    WebhooksApiController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> subscribe(@RequestBody SubscriptionForm form) {
        Webhook.Created created = webhooks.subscribe(client(), form.url(), form.events());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", created.subscription().id());
        body.put("url", created.subscription().url());
        body.put("events", created.subscription().events());
        body.put("secret", created.secret());
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.subscription().id())).body(body);
    }

    @GetMapping
    List<Webhook.Subscription> subscriptions() {
        return webhooks.subscriptions(client());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> unsubscribe(@PathVariable long id) {
        webhooks.unsubscribe(client(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/deliveries")
    Page<Webhook.Delivery> deliveries(PageQuery page) {
        return webhooks.deliveries(client(), page);
    }

    @PostMapping("/deliveries/{id}/replay")
    Webhook.Delivery replay(@PathVariable long id) {
        return webhooks.replay(client(), id);
    }

    private static SystemClient client() {
        return CurrentUser.client().orElseThrow(() -> new AccessDeniedException("webhooks are a system client's"));
    }
}
