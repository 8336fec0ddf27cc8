-- Where enterprise data comes from: one row per source system and as-of date, so re-importing the
-- same extract points at the same row and changes nothing.
CREATE TABLE data_source (
    id     SERIAL PRIMARY KEY,
    system VARCHAR(100) NOT NULL,
    as_of  DATE NOT NULL,
    UNIQUE (system, as_of)
);

-- Attributes an administrator declares beyond the data standard; their values live in enterprise.extra.
CREATE TABLE enterprise_attribute (
    name             VARCHAR(40) PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]{1,39}$'),
    label            VARCHAR(60) NOT NULL,
    cel_type         VARCHAR(12) NOT NULL CHECK (cel_type IN ('string', 'date', 'int', 'double', 'bool', 'list(string)')),
    unit             VARCHAR(20) NOT NULL DEFAULT '',
    source_system    VARCHAR(100) NOT NULL,
    owner_department VARCHAR(20) NOT NULL,
    declared_by      VARCHAR(60) NOT NULL,
    declared_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- tags = manual_tags ∪ the tags whose rule holds; provenance maps an attribute name to data_source.id.
ALTER TABLE enterprise
    ADD COLUMN extra         JSONB NOT NULL DEFAULT '{}',
    ADD COLUMN manual_tags   TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN provenance    JSONB NOT NULL DEFAULT '{}',
    ADD COLUMN contact_email VARCHAR(100);
UPDATE enterprise SET manual_tags = tags;

-- Every change of a held value: what it was, what it became, and which source said so.
CREATE TABLE enterprise_value_history (
    id          BIGSERIAL PRIMARY KEY,
    uscc        CHAR(18) NOT NULL REFERENCES enterprise (uscc) ON DELETE CASCADE,
    attribute   VARCHAR(40) NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    source_id   INT NOT NULL REFERENCES data_source (id),
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX enterprise_value_history_uscc ON enterprise_value_history (uscc, changed_at DESC);

CREATE TABLE tag_rule (
    tag         VARCHAR(40) PRIMARY KEY,
    condition   TEXT NOT NULL,
    description VARCHAR(200) NOT NULL DEFAULT '',
    updated_by  VARCHAR(60) NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- An enterprise asks the department that owns a value to correct it (数据纠错).
CREATE TABLE correction_request (
    id               BIGSERIAL PRIMARY KEY,
    uscc             CHAR(18) NOT NULL REFERENCES enterprise (uscc) ON DELETE CASCADE,
    attribute        VARCHAR(40) NOT NULL,
    current_value    TEXT,
    proposed_value   TEXT NOT NULL,
    reason           VARCHAR(500) NOT NULL,
    owner_department VARCHAR(20) NOT NULL,
    status           VARCHAR(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACCEPTED', 'REJECTED')),
    requested_by     VARCHAR(60) NOT NULL,
    requested_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    handled_by       VARCHAR(60),
    handled_at       TIMESTAMPTZ,
    answer           VARCHAR(500)
);
CREATE INDEX correction_request_owner ON correction_request (owner_department, status);
CREATE INDEX correction_request_uscc ON correction_request (uscc);

-- Bulk imports from the data-sharing exchange, with progress for the UI and the rows refused.
CREATE TABLE enterprise_import (
    id           BIGSERIAL PRIMARY KEY,
    file_name    VARCHAR(200) NOT NULL,
    source_id    INT NOT NULL REFERENCES data_source (id),
    status       VARCHAR(10) NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    total_bytes  BIGINT NOT NULL,
    read_bytes   BIGINT NOT NULL DEFAULT 0,
    rows_read    INT NOT NULL DEFAULT 0,
    created      INT NOT NULL DEFAULT 0,
    updated      INT NOT NULL DEFAULT 0,
    unchanged    INT NOT NULL DEFAULT 0,
    rejected     INT NOT NULL DEFAULT 0,
    message      VARCHAR(500),
    started_by   VARCHAR(60) NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ
);
CREATE TABLE enterprise_import_error (
    import_id BIGINT NOT NULL REFERENCES enterprise_import (id) ON DELETE CASCADE,
    row_no    INT NOT NULL,
    field     VARCHAR(40) NOT NULL,
    reason    VARCHAR(300) NOT NULL,
    PRIMARY KEY (import_id, row_no, field)
);

-- Outgoing SMS and e-mail, written in the same transaction as the inbox message (transactional
-- outbox); a channel delivers pending rows and marks them, keyed by id so a retry never sends twice.
CREATE TABLE outbound_message (
    id           BIGSERIAL PRIMARY KEY,
    message_id   BIGINT NOT NULL REFERENCES inbox_message (id) ON DELETE CASCADE,
    channel      VARCHAR(10) NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    address      VARCHAR(100) NOT NULL,
    text         VARCHAR(1000) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts     INT NOT NULL DEFAULT 0,
    delivered_at TIMESTAMPTZ,
    last_error   VARCHAR(300),
    UNIQUE (message_id, channel)
);
CREATE INDEX outbound_message_pending ON outbound_message (id) WHERE delivered_at IS NULL;

-- What the recording SMS/e-mail channel "sent": the default provider, shown on the outbox page.
CREATE TABLE channel_record (
    outbound_id BIGINT PRIMARY KEY REFERENCES outbound_message (id) ON DELETE CASCADE,
    channel     VARCHAR(10) NOT NULL,
    address     VARCHAR(100) NOT NULL,
    text        VARCHAR(1000) NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE channel_mute (
    uscc    CHAR(18) NOT NULL REFERENCES enterprise (uscc) ON DELETE CASCADE,
    channel VARCHAR(10) NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    PRIMARY KEY (uscc, channel)
);
