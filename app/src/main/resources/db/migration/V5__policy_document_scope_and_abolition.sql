-- A document has its own industries and regions, and can be abolished (废止) with a reason.
ALTER TABLE policy_document
    ADD COLUMN industries     TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN regions        TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN abolished_at   TIMESTAMPTZ,
    ADD COLUMN abolish_reason TEXT;
