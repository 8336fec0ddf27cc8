-- callback (回访中心): each day a sample of the transactions finished lately — applications, 帮办, 帮包 demands and
-- visits — within each county's quota, for phone operators to call with a script; answers feed the satisfaction rate,
-- and an unresolved or dissatisfied answer opens a ledger problem.
CREATE TABLE callback_quota (
    region     VARCHAR(6)  PRIMARY KEY,
    daily      INT         NOT NULL CHECK (daily BETWEEN 0 AND 1000),
    updated_by VARCHAR(50) NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE callback_sample (
    id              BIGSERIAL PRIMARY KEY,
    day             DATE         NOT NULL,
    source          VARCHAR(12)  NOT NULL CHECK (source IN ('APPLICATION', 'ASSISTANCE', 'DEMAND', 'CONTACT')),
    ref_id          BIGINT       NOT NULL,
    ref_number      VARCHAR(30),
    uscc            VARCHAR(18)  NOT NULL,
    enterprise_name VARCHAR(200) NOT NULL,
    region          VARCHAR(6)   NOT NULL,
    item_code       VARCHAR(40),
    phone           VARCHAR(30),
    status          VARCHAR(10)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'REACHED', 'UNREACHED', 'REFUSED')),
    operator        VARCHAR(50),
    resolved        BOOLEAN,
    stars           INT CHECK (stars BETWEEN 1 AND 5),
    note            TEXT,
    problem_id      BIGINT,
    answered_at     TIMESTAMPTZ,
    UNIQUE (source, ref_id)
);
CREATE INDEX callback_sample_day ON callback_sample (day, region, status);

CREATE VIEW callback_answer_facts AS
SELECT id, source, ref_number, uscc, enterprise_name, region, item_code, stars, resolved, answered_at
FROM callback_sample WHERE status = 'REACHED';
COMMENT ON VIEW callback_answer_facts IS 'callback: each answered call-back with its satisfaction';
