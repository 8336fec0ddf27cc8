-- 保留清单: a cleanup round over the documents in force; each issuing department proposes, the justice department
-- gives its legal opinion, and the published round is the retention list (abolished and expired documents are abolished).
CREATE TABLE retention_round (
    id           BIGSERIAL PRIMARY KEY,
    title        VARCHAR(200) NOT NULL,
    due_on       DATE         NOT NULL,
    status       VARCHAR(10)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'PUBLISHED')),
    opened_by    VARCHAR(100) NOT NULL,
    opened_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_by VARCHAR(100),
    published_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX retention_one_open_round ON retention_round (status) WHERE status = 'OPEN';

CREATE TABLE retention_entry (
    round_id        BIGINT       NOT NULL REFERENCES retention_round (id),
    document_id     BIGINT       NOT NULL,
    doc_number      VARCHAR(100) NOT NULL,
    title           VARCHAR(300) NOT NULL,
    issuer          VARCHAR(200) NOT NULL,
    proposal        VARCHAR(8) CHECK (proposal IN ('CONTINUE', 'MODIFY', 'ABOLISH', 'EXPIRED')),
    proposal_reason VARCHAR(1000),
    proposed_by     VARCHAR(100),
    legal_agrees    BOOLEAN,
    legal_opinion   VARCHAR(1000),
    legal_by        VARCHAR(100),
    outcome         VARCHAR(8) CHECK (outcome IN ('CONTINUE', 'MODIFY', 'ABOLISH', 'EXPIRED')),
    PRIMARY KEY (round_id, document_id)
);
