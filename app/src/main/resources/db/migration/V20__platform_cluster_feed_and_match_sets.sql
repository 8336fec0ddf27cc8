-- The cluster's change feed (platform.ClusterFeed): what each node must follow in memory, NOTIFY'd on commit.
CREATE TABLE cluster_change (
    id          BIGSERIAL PRIMARY KEY,
    type        VARCHAR(200) NOT NULL,
    payload     JSONB NOT NULL,
    origin_node INT NOT NULL,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX cluster_change_at ON cluster_change (at);

-- Stable numbering of enterprises for the stored match sets (matching module): an ordinal is never reused.
CREATE TABLE match_subject (
    ordinal SERIAL PRIMARY KEY,
    uscc    CHAR(18) NOT NULL UNIQUE
);

-- Each online item's eligible and undetermined enterprises as one Roaring bitmap (portable format) over
-- match_subject.ordinal, with the rule version it was matched under: a province's 10,000 items are a few
-- hundred megabytes instead of hundreds of millions of rows.
CREATE TABLE match_set (
    item_code    VARCHAR(40) NOT NULL,
    outcome      VARCHAR(12) NOT NULL CHECK (outcome IN ('ELIGIBLE', 'UNDETERMINED')),
    item_version INT NOT NULL,
    matched_at   TIMESTAMPTZ NOT NULL,
    members      INT NOT NULL,
    bitmap       BYTEA NOT NULL,
    PRIMARY KEY (item_code, outcome)
);
ALTER TABLE match_set ALTER COLUMN bitmap SET STORAGE EXTERNAL; -- already compressed: no TOAST compression

-- One enterprise's outcome for one item since its set was stored (a profile changed); NULL outcome: neither.
-- The next full match folds them into the sets.
CREATE TABLE match_delta (
    ordinal      INT NOT NULL,
    item_code    VARCHAR(40) NOT NULL,
    item_version INT NOT NULL,
    outcome      VARCHAR(12) CHECK (outcome IN ('ELIGIBLE', 'UNDETERMINED')),
    matched_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (ordinal, item_code)
);
CREATE INDEX match_delta_item ON match_delta (item_code);

-- Full matches of the cluster (start-up, nightly, after bulk changes, on demand): when, how long, how much.
CREATE TABLE match_run (
    id          BIGSERIAL PRIMARY KEY,
    kind        VARCHAR(10) NOT NULL CHECK (kind IN ('STARTUP', 'NIGHTLY', 'BULK', 'ON_DEMAND')),
    node_id     INT NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ,
    items       INT,
    enterprises INT,
    millis      BIGINT
);

DROP TABLE match_result;
