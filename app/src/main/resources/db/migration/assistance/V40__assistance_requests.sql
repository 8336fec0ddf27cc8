-- assistance (帮办代办): 平台收单、中心派单、专员接单、企业评单. An enterprise asks for help with an item (or a 政策专员
-- offers it); the centre dispatches it to a 专员, who prepares the application with the enterprise's documents; the
-- enterprise confirms it and signs the 承诺书 itself, which submits it; then it rates the help.
CREATE TABLE assistance_request (
    id                 BIGSERIAL PRIMARY KEY,
    number             VARCHAR(24)  NOT NULL UNIQUE,
    uscc               VARCHAR(18)  NOT NULL,
    enterprise_name    VARCHAR(200) NOT NULL,
    region             VARCHAR(6),
    item_code          VARCHAR(40)  NOT NULL,
    item_name          VARCHAR(200) NOT NULL,
    origin             VARCHAR(10)  NOT NULL CHECK (origin IN ('ENTERPRISE', 'OFFERED')),
    note               TEXT,
    contact_phone      VARCHAR(20),
    status             VARCHAR(12)  NOT NULL CHECK (status IN ('OFFERED', 'REQUESTED', 'DISPATCHED', 'PREPARING', 'CONFIRMING',
                                                             'SUBMITTED', 'DONE', 'DECLINED', 'CANCELLED')),
    agent              VARCHAR(50),
    dispatched_by      VARCHAR(50),
    dispatched_at      TIMESTAMPTZ,
    accepted_at        TIMESTAMPTZ,
    prepared_at        TIMESTAMPTZ,
    application_id     BIGINT,
    application_number VARCHAR(30),
    submitted_at       TIMESTAMPTZ,
    closed_at          TIMESTAMPTZ,
    stars              INT CHECK (stars BETWEEN 1 AND 5),
    rating_comment     TEXT,
    rated_at           TIMESTAMPTZ,
    created_by         VARCHAR(50)  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- one live request per enterprise and item
CREATE UNIQUE INDEX assistance_request_live ON assistance_request (uscc, item_code)
    WHERE status IN ('OFFERED', 'REQUESTED', 'DISPATCHED', 'PREPARING', 'CONFIRMING');
CREATE INDEX assistance_request_agent ON assistance_request (agent, status);
CREATE INDEX assistance_request_status ON assistance_request (status, created_at);
CREATE INDEX assistance_request_application ON assistance_request (application_id);

CREATE TABLE assistance_file (
    id           BIGSERIAL PRIMARY KEY,
    request_id   BIGINT       NOT NULL REFERENCES assistance_request (id),
    material     VARCHAR(200) NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      BYTEA        NOT NULL,
    uploaded_by  VARCHAR(50)  NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (request_id, material)
);

CREATE TABLE assistance_event (
    id         BIGSERIAL PRIMARY KEY,
    request_id BIGINT      NOT NULL REFERENCES assistance_request (id),
    at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor      VARCHAR(50) NOT NULL,
    step       VARCHAR(20) NOT NULL,
    note       TEXT
);
CREATE INDEX assistance_event_request ON assistance_event (request_id, at);

-- for the rates and the cockpit: each finished help with its rating
CREATE VIEW assistance_facts AS
SELECT id, number, uscc, region, item_code, status, agent, created_at, dispatched_at, submitted_at, closed_at, stars, rated_at
FROM assistance_request;
COMMENT ON VIEW assistance_facts IS 'assistance: each 帮办 request with its dates and the enterprise''s rating';
