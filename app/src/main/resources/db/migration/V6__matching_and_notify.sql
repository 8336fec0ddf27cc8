-- 政策找企业: the current result of every online item for every enterprise that is eligible or
-- undetermined, with the rule version it came from. Ineligible pairs are not stored.
CREATE TABLE match_result (
    uscc         CHAR(18) NOT NULL REFERENCES enterprise (uscc) ON DELETE CASCADE,
    item_code    VARCHAR(40) NOT NULL,
    item_version INT NOT NULL,
    outcome      VARCHAR(12) NOT NULL CHECK (outcome IN ('ELIGIBLE', 'UNDETERMINED')),
    matched_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (uscc, item_code)
);
CREATE INDEX match_result_item ON match_result (item_code, outcome);

-- The in-site inbox (站内信). A message may announce several items at once (政策包).
CREATE TABLE inbox_message (
    id           BIGSERIAL PRIMARY KEY,
    uscc         CHAR(18) NOT NULL REFERENCES enterprise (uscc) ON DELETE CASCADE,
    title        VARCHAR(200) NOT NULL,
    body         TEXT NOT NULL,
    item_codes   TEXT[] NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at TIMESTAMPTZ,
    read_at      TIMESTAMPTZ
);
CREATE INDEX inbox_message_uscc ON inbox_message (uscc, created_at DESC);

-- One row per (enterprise, item) ever announced: the same match is never pushed twice, whatever
-- retries or crashes happen between matching and sending.
CREATE TABLE match_notice (
    uscc       CHAR(18) NOT NULL,
    item_code  VARCHAR(40) NOT NULL,
    message_id BIGINT NOT NULL REFERENCES inbox_message (id) ON DELETE CASCADE,
    PRIMARY KEY (uscc, item_code)
);
