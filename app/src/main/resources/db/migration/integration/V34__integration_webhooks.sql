-- integration: webhook subscriptions of system clients and the transactional outbox of their deliveries
CREATE TABLE webhook_subscription (
    id          BIGSERIAL PRIMARY KEY,
    client      BIGINT       NOT NULL, -- identity's system client (by id: another module's table is not referenced)
    url         VARCHAR(500) NOT NULL,
    event_types TEXT[]       NOT NULL,
    secret      VARCHAR(64)  NOT NULL, -- the HMAC key: kept to sign, shown to the subscriber once
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscription_client ON webhook_subscription (client);

CREATE TABLE webhook_delivery (
    id              BIGSERIAL PRIMARY KEY,
    delivery_id     UUID         NOT NULL UNIQUE,
    subscription_id BIGINT       NOT NULL REFERENCES webhook_subscription (id),
    event_type      VARCHAR(40)  NOT NULL,
    event_key       VARCHAR(200) NOT NULL,
    payload         JSONB        NOT NULL,
    status          VARCHAR(12)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    last_status     INT,
    last_error      VARCHAR(300),
    delivered_at    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (subscription_id, event_key)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
