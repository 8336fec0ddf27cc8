package io.zhida.integration;

import io.zhida.identity.Scope;
import java.util.Arrays;
import java.util.Optional;

/** The events another system can subscribe to, and the scope it needs to see each (none for what is public). */
public enum WebhookEvent {
    APPLICATION_STATUS_CHANGED("application.status_changed", Scope.APPLICATIONS_READ),
    GRANT_MADE("grant.made", Scope.GRANTS_READ),
    GRANT_PAID("grant.paid", Scope.GRANTS_READ),
    ITEM_PUBLISHED("item.published", null),
    ITEM_ABOLISHED("item.abolished", null),
    MATCHES_FOUND("matches.found", Scope.MATCHES_READ),
    /** Only to the system that handed the appeal over. */
    APPEAL_ANSWERED("appeal.answered", Scope.APPEALS_WRITE);

    private final String type;
    private final Scope needs;

    WebhookEvent(String type, Scope needs) {
        this.type = type;
        this.needs = needs;
    }

    public String type() {
        return type;
    }

    /** The scope a subscriber must hold, if any. */
    public Optional<Scope> needs() {
        return Optional.ofNullable(needs);
    }

    public static Optional<WebhookEvent> of(String type) {
        return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
    }
}
