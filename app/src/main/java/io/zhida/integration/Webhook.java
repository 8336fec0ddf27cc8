package io.zhida.integration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A system's subscription, and the deliveries made for it. */
public final class Webhook {

    private Webhook() {
    }

    public record Subscription(long id, String url, List<String> events, boolean active, Instant createdAt) {
    }

    /** A new subscription with the signing secret, shown this once. */
    public record Created(Subscription subscription, String secret) {
    }

    public record Delivery(long id, UUID deliveryId, long subscriptionId, String eventType, String eventKey, String status, int attempts,
                           Instant nextAttemptAt, Integer lastStatus, String lastError, Instant deliveredAt, Instant createdAt) {
    }
}
