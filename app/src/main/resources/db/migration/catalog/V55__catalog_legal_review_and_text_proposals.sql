-- 合法性审查: a document's items are published only once the justice department has passed the document.
-- Documents already in the library were issued before the platform checked this; they count as passed.
ALTER TABLE policy_document
    ADD COLUMN legal_review      VARCHAR(10) NOT NULL DEFAULT 'PASSED' CHECK (legal_review IN ('PENDING', 'PASSED', 'REJECTED')),
    ADD COLUMN legal_reviewer    VARCHAR(100),
    ADD COLUMN legal_reviewed_at TIMESTAMPTZ,
    ADD COLUMN legal_opinion     TEXT;
UPDATE policy_document SET legal_opinion = '平台上线前已印发的文件，视为已经合法性审查' WHERE legal_opinion IS NULL;
ALTER TABLE policy_document ALTER COLUMN legal_review SET DEFAULT 'PENDING';

-- 政策智能拆解: what the extractor proposed from a document's text, and what the author made of each proposal.
CREATE TABLE policy_text_proposal (
    id          BIGSERIAL PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES policy_document (id),
    seq         INT NOT NULL,
    name        VARCHAR(200) NOT NULL,
    condition   TEXT NOT NULL,
    formula     TEXT,
    cap         NUMERIC(18, 2),
    source      TEXT NOT NULL,
    status      VARCHAR(10) NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'ADOPTED', 'REJECTED')),
    item_code   VARCHAR(40),
    decided_by  VARCHAR(100),
    decided_at  TIMESTAMPTZ,
    note        VARCHAR(500),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (document_id, seq)
);
