-- Reports as published: the monthly 兑现 report and the quarterly funds report, generated on schedule or on demand.
CREATE TABLE cockpit_report (
    id           BIGSERIAL PRIMARY KEY,
    kind         VARCHAR(10) NOT NULL CHECK (kind IN ('MONTHLY', 'QUARTERLY')),
    period       VARCHAR(7) NOT NULL,
    title        VARCHAR(200) NOT NULL,
    xlsx         BYTEA NOT NULL,
    pdf          BYTEA NOT NULL,
    generated_by VARCHAR(50) NOT NULL,
    generated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (kind, period)
);
