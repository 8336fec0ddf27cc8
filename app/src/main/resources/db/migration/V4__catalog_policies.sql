-- Policy documents (政策文件) and policy items (政策事项) with versions and standardization review.
CREATE TABLE policy_document (
    id           BIGSERIAL PRIMARY KEY,
    doc_number   VARCHAR(100) NOT NULL UNIQUE,
    title        VARCHAR(300) NOT NULL,
    level        VARCHAR(10) NOT NULL CHECK (level IN ('国家', '省', '市', '县')),
    issuer       VARCHAR(200) NOT NULL,
    published_on DATE,
    valid_from   DATE,
    valid_to     DATE,
    full_text    TEXT NOT NULL DEFAULT '',
    themes       TEXT[] NOT NULL DEFAULT '{}',
    status       VARCHAR(12) NOT NULL DEFAULT 'EFFECTIVE' CHECK (status IN ('EFFECTIVE', 'ABOLISHED')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The item: its stable code and which version is online and which is being worked on.
CREATE TABLE policy_item (
    id                BIGSERIAL PRIMARY KEY,
    code              VARCHAR(40) NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9-]{3,40}$'),
    published_version INT,
    working_version   INT,
    abolished_at      TIMESTAMPTZ,
    abolish_reason    TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every version of an item's content. Applications keep the version they were made under.
CREATE TABLE policy_item_version (
    item_id         BIGINT NOT NULL REFERENCES policy_item (id),
    version         INT NOT NULL CHECK (version >= 1),
    state           VARCHAR(12) NOT NULL CHECK (state IN ('DRAFT', 'IN_REVIEW', 'RETURNED', 'PUBLISHED', 'SUPERSEDED')),
    name            VARCHAR(200) NOT NULL,
    document_id     BIGINT REFERENCES policy_document (id),
    clause          VARCHAR(200),
    departments     TEXT[] NOT NULL DEFAULT '{}',
    mode            VARCHAR(20) NOT NULL CHECK (mode IN ('NO_APPLICATION', 'INSTANT', 'COMMITMENT', 'FULL_REVIEW')),
    target          TEXT,
    conditions_text TEXT,
    condition_rule  TEXT NOT NULL,
    materials       JSONB NOT NULL DEFAULT '[]',
    benefit_type    VARCHAR(20) NOT NULL,
    amount_formula  TEXT,
    cap             NUMERIC(18, 2) CHECK (cap >= 0),
    time_limit_days INT CHECK (time_limit_days > 0),
    apply_from      DATE,
    apply_to        DATE,
    valid_from      DATE,
    valid_to        DATE,
    themes          TEXT[] NOT NULL DEFAULT '{}',
    industries      TEXT[] NOT NULL DEFAULT '{}',
    regions         TEXT[] NOT NULL DEFAULT '{}',
    contact         TEXT,
    legal_basis     TEXT,
    interpretation  TEXT,
    faq             JSONB NOT NULL DEFAULT '[]',
    fund_source     VARCHAR(200),
    annual_budget   NUMERIC(18, 2) CHECK (annual_budget >= 0),
    exclusion_group VARCHAR(60),
    annual_cap      NUMERIC(18, 2) CHECK (annual_cap >= 0),
    author          VARCHAR(50) NOT NULL,
    review_note     TEXT,
    reviewed_by     VARCHAR(50),
    reviewed_at     TIMESTAMPTZ,
    published_at    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (item_id, version),
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
    CHECK (apply_to IS NULL OR apply_from IS NULL OR apply_to >= apply_from)
);
CREATE INDEX policy_item_version_state ON policy_item_version (state);
