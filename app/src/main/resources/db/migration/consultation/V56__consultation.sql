-- 意见征询: a draft item opened for comments for a period, the invited, the comments and the author's answers.
CREATE TABLE consultation (
    id           BIGSERIAL PRIMARY KEY,
    item_code    VARCHAR(40)  NOT NULL,
    item_name    VARCHAR(200) NOT NULL,
    draft_text   TEXT         NOT NULL,
    closes_on    DATE         NOT NULL,
    status       VARCHAR(8)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    opened_by    VARCHAR(100) NOT NULL,
    opened_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    summary      TEXT,
    closed_at    TIMESTAMPTZ,
    invited_enterprises INT   NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX consultation_one_open_per_item ON consultation (item_code) WHERE status = 'OPEN';

CREATE TABLE consultation_invitee (
    consultation_id BIGINT       NOT NULL REFERENCES consultation (id),
    kind            VARCHAR(12)  NOT NULL CHECK (kind IN ('ENTERPRISE', 'DEPARTMENT', 'ASSOCIATION')),
    ref             VARCHAR(100) NOT NULL,
    name            VARCHAR(200) NOT NULL,
    PRIMARY KEY (consultation_id, kind, ref)
);

CREATE TABLE consultation_comment (
    id              BIGSERIAL PRIMARY KEY,
    consultation_id BIGINT        NOT NULL REFERENCES consultation (id),
    author_name     VARCHAR(100)  NOT NULL,
    organisation    VARCHAR(200),
    author_kind     VARCHAR(12)   NOT NULL CHECK (author_kind IN ('PUBLIC', 'ENTERPRISE', 'DEPARTMENT')),
    body            VARCHAR(2000) NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    verdict         VARCHAR(8) CHECK (verdict IN ('ADOPTED', 'PARTLY', 'NOT')),
    reason          VARCHAR(1000),
    answered_by     VARCHAR(100),
    answered_at     TIMESTAMPTZ
);
CREATE INDEX consultation_comment_of ON consultation_comment (consultation_id, id);
