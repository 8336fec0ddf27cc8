-- liaison (三级帮包): tiers of enterprises defined by rules over the enterprise data (city, county, township or park),
-- each enterprise's responsible official, the official's visits and contacts, and the enterprise's demands handled as a
-- closed loop in working days (快速响应 → 限时办结 → 跟踪督办 → 办结反馈), escalated to the ledger when late.
CREATE TABLE liaison_tier (
    code       VARCHAR(8)   PRIMARY KEY CHECK (code IN ('CITY', 'COUNTY', 'TOWN')),
    name       VARCHAR(50)  NOT NULL,
    condition  TEXT         NOT NULL,
    rank_by    VARCHAR(60),
    top_n      INT CHECK (top_n BETWEEN 1 AND 100000),
    priority   INT          NOT NULL,
    updated_by VARCHAR(50)  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
INSERT INTO liaison_tier (code, name, condition, rank_by, top_n, priority, updated_by) VALUES
    ('CITY', '市级领导帮包', 'e.industry.startsWith("C") && e.revenue >= 20000000.0', 'revenue', 100, 1, 'system'),
    ('COUNTY', '县级部门帮包', 'e.revenue >= 20000000.0 || e.employees >= 50', NULL, NULL, 2, 'system'),
    ('TOWN', '乡镇（园区）帮包', 'e.employees >= 0', NULL, NULL, 3, 'system');

CREATE TABLE liaison_member (
    uscc        VARCHAR(18) PRIMARY KEY,
    tier        VARCHAR(8)  NOT NULL REFERENCES liaison_tier (code),
    official    VARCHAR(50),
    assigned_by VARCHAR(50),
    assigned_at TIMESTAMPTZ,
    computed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX liaison_member_tier ON liaison_member (tier, official);
CREATE INDEX liaison_member_official ON liaison_member (official);

CREATE TABLE liaison_contact (
    id       BIGSERIAL PRIMARY KEY,
    uscc     VARCHAR(18) NOT NULL,
    official VARCHAR(50) NOT NULL,
    kind     VARCHAR(8)  NOT NULL CHECK (kind IN ('VISIT', 'PHONE', 'ONLINE')),
    note     TEXT        NOT NULL,
    at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX liaison_contact_uscc ON liaison_contact (uscc, at);

CREATE TABLE liaison_demand (
    id           BIGSERIAL PRIMARY KEY,
    number       VARCHAR(20)  NOT NULL UNIQUE,
    uscc         VARCHAR(18)  NOT NULL,
    official     VARCHAR(50)  NOT NULL,
    content      TEXT         NOT NULL,
    status       VARCHAR(10)  NOT NULL DEFAULT 'RAISED' CHECK (status IN ('RAISED', 'RESPONDED', 'DONE', 'CLOSED')),
    respond_due  TIMESTAMPTZ  NOT NULL,
    responded_at TIMESTAMPTZ,
    plan         TEXT,
    done_due     DATE,
    done_at      TIMESTAMPTZ,
    result       TEXT,
    escalated_at TIMESTAMPTZ,
    problem_id   BIGINT,
    stars        INT CHECK (stars BETWEEN 1 AND 5),
    comment      TEXT,
    rated_at     TIMESTAMPTZ,
    created_by   VARCHAR(50)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX liaison_demand_official ON liaison_demand (official, status);
CREATE INDEX liaison_demand_uscc ON liaison_demand (uscc, created_at);

-- for the rates and the call-back centre: each demand with its times and rating
CREATE VIEW liaison_demand_facts AS
SELECT id, number, uscc, official, status, created_at, responded_at, done_at, respond_due, done_due, escalated_at, stars, rated_at
FROM liaison_demand;
COMMENT ON VIEW liaison_demand_facts IS 'liaison: each 帮包 demand with its time limits, closing and rating';
CREATE VIEW liaison_contact_facts AS SELECT id, uscc, official, kind, at FROM liaison_contact;
COMMENT ON VIEW liaison_contact_facts IS 'liaison: each visit or contact of a 帮包 official';
