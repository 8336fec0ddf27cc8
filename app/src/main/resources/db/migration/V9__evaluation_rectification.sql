-- 三评: indicator schemes (a tree of weighted indicators per half-year), campaigns, self-evaluation,
-- surveys, third-party checks. 背靠背: sample library, rounds, draws, answers, real-time unit ratings.
-- 整改: the problem ledger and enterprise appeals.

CREATE TABLE eval_scheme (
    id         BIGSERIAL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    half       SMALLINT NOT NULL CHECK (half IN (1, 2)),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- weight: share of the parent in percent; siblings sum to 100. Leaves say where their score comes from.
CREATE TABLE eval_indicator (
    id         BIGSERIAL PRIMARY KEY,
    scheme_id  BIGINT NOT NULL REFERENCES eval_scheme (id) ON DELETE CASCADE,
    parent_id  BIGINT REFERENCES eval_indicator (id) ON DELETE CASCADE,
    code       VARCHAR(20) NOT NULL,
    name       VARCHAR(200) NOT NULL,
    weight     NUMERIC(6, 2) NOT NULL CHECK (weight >= 0 AND weight <= 100),
    source     VARCHAR(12) CHECK (source IN ('PLATFORM', 'SELF', 'SURVEY', 'THIRD_PARTY')),
    source_ref VARCHAR(40),
    position   INT NOT NULL DEFAULT 0,
    UNIQUE (scheme_id, code)
);

CREATE TABLE eval_campaign (
    id                 BIGSERIAL PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    scheme_id          BIGINT NOT NULL REFERENCES eval_scheme (id),
    period_from        DATE NOT NULL,
    period_to          DATE NOT NULL,
    self_deadline      DATE NOT NULL,
    status             VARCHAR(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'SCORED')),
    problem_threshold  NUMERIC(5, 2) NOT NULL DEFAULT 60,
    created_by         VARCHAR(50) NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    scored_at          TIMESTAMPTZ,
    CHECK (period_from <= period_to)
);

CREATE TABLE eval_campaign_target (
    campaign_id BIGINT NOT NULL REFERENCES eval_campaign (id) ON DELETE CASCADE,
    kind        VARCHAR(10) NOT NULL CHECK (kind IN ('DEPARTMENT', 'COUNTY')),
    code        VARCHAR(40) NOT NULL,
    PRIMARY KEY (campaign_id, kind, code)
);

CREATE TABLE eval_campaign_item (
    campaign_id BIGINT NOT NULL REFERENCES eval_campaign (id) ON DELETE CASCADE,
    item_code   VARCHAR(40) NOT NULL,
    PRIMARY KEY (campaign_id, item_code)
);

-- 部门自评: one answer per department, campaign and self-evaluation indicator.
CREATE TABLE eval_self_answer (
    campaign_id     BIGINT NOT NULL REFERENCES eval_campaign (id) ON DELETE CASCADE,
    department_code VARCHAR(40) NOT NULL,
    indicator_id    BIGINT NOT NULL REFERENCES eval_indicator (id),
    score           NUMERIC(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    note            TEXT,
    updated_by      VARCHAR(50) NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, department_code, indicator_id)
);

CREATE TABLE eval_self_submission (
    campaign_id     BIGINT NOT NULL REFERENCES eval_campaign (id) ON DELETE CASCADE,
    department_code VARCHAR(40) NOT NULL,
    submitted_by    VARCHAR(50) NOT NULL,
    submitted_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, department_code)
);

CREATE TABLE eval_reminder (
    id              BIGSERIAL PRIMARY KEY,
    campaign_id     BIGINT NOT NULL REFERENCES eval_campaign (id) ON DELETE CASCADE,
    department_code VARCHAR(40) NOT NULL,
    kind            VARCHAR(10) NOT NULL CHECK (kind IN ('BEFORE', 'OVERDUE')),
    sent_on         DATE NOT NULL,
    UNIQUE (campaign_id, department_code, kind, sent_on)
);

-- 第三方评: a check record with the score it gives a target on an indicator.
CREATE TABLE eval_third_party (
    id           BIGSERIAL PRIMARY KEY,
    campaign_id  BIGINT NOT NULL REFERENCES eval_campaign (id) ON DELETE CASCADE,
    target_kind  VARCHAR(10) NOT NULL,
    target_code  VARCHAR(40) NOT NULL,
    indicator_id BIGINT NOT NULL REFERENCES eval_indicator (id),
    score        NUMERIC(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    finding      TEXT NOT NULL,
    checker      VARCHAR(100) NOT NULL,
    checked_on   DATE NOT NULL
);

CREATE TABLE eval_score (
    campaign_id  BIGINT NOT NULL REFERENCES eval_campaign (id) ON DELETE CASCADE,
    target_kind  VARCHAR(10) NOT NULL,
    target_code  VARCHAR(40) NOT NULL,
    indicator_id BIGINT NOT NULL REFERENCES eval_indicator (id),
    score        NUMERIC(6, 2),
    PRIMARY KEY (campaign_id, target_kind, target_code, indicator_id)
);

CREATE TABLE eval_result (
    campaign_id BIGINT NOT NULL REFERENCES eval_campaign (id) ON DELETE CASCADE,
    target_kind VARCHAR(10) NOT NULL,
    target_code VARCHAR(40) NOT NULL,
    total       NUMERIC(6, 2) NOT NULL,
    rank        INT NOT NULL,
    missing     INT NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, target_kind, target_code)
);

-- Surveys. A question may measure awareness (first option = "knew") or satisfaction (rating 4–5).
CREATE TABLE survey (
    id           BIGSERIAL PRIMARY KEY,
    title        VARCHAR(200) NOT NULL,
    campaign_id  BIGINT REFERENCES eval_campaign (id) ON DELETE SET NULL,
    item_code    VARCHAR(40),
    quota        INT NOT NULL DEFAULT 0 CHECK (quota >= 0),
    status       VARCHAR(8) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    created_by   VARCHAR(50) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE survey_question (
    id        BIGSERIAL PRIMARY KEY,
    survey_id BIGINT NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    position  INT NOT NULL,
    kind      VARCHAR(8) NOT NULL CHECK (kind IN ('SINGLE', 'MULTIPLE', 'RATING', 'TEXT')),
    text      VARCHAR(500) NOT NULL,
    options   TEXT[] NOT NULL DEFAULT '{}',
    measure   VARCHAR(12) CHECK (measure IN ('AWARENESS', 'SATISFACTION')),
    required  BOOLEAN NOT NULL DEFAULT TRUE
);

-- An invitation: a personal link sent by SMS or in-site message; the token is the respondent's key.
CREATE TABLE survey_invitation (
    token      VARCHAR(40) PRIMARY KEY,
    survey_id  BIGINT NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    uscc       VARCHAR(18),
    region     VARCHAR(6),
    channel    VARCHAR(8) NOT NULL CHECK (channel IN ('SMS', 'INBOX')),
    sent_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (survey_id, uscc)
);

-- One answer per respondent per survey: respondent = enterprise USCC, or the phone for a phone interview.
CREATE TABLE survey_answer (
    id          BIGSERIAL PRIMARY KEY,
    survey_id   BIGINT NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    respondent  VARCHAR(40) NOT NULL,
    uscc        VARCHAR(18),
    region      VARCHAR(6),
    channel     VARCHAR(8) NOT NULL CHECK (channel IN ('SMS', 'INBOX', 'PHONE')),
    entered_by  VARCHAR(50),
    answered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (survey_id, respondent)
);
CREATE INDEX survey_answer_time ON survey_answer (answered_at);

CREATE TABLE survey_answer_value (
    answer_id   BIGINT NOT NULL REFERENCES survey_answer (id) ON DELETE CASCADE,
    question_id BIGINT NOT NULL REFERENCES survey_question (id) ON DELETE CASCADE,
    value       TEXT NOT NULL,
    PRIMARY KEY (answer_id, question_id, value)
);

-- 背靠背 sample library.
CREATE TABLE b2b_category (
    code           VARCHAR(20) PRIMARY KEY,
    name           VARCHAR(60) NOT NULL,
    quota          INT NOT NULL CHECK (quota >= 0),
    refresh_months INT NOT NULL CHECK (refresh_months > 0),
    refreshed_on   DATE NOT NULL,
    position       INT NOT NULL
);

CREATE TABLE b2b_sample (
    id        BIGSERIAL PRIMARY KEY,
    category  VARCHAR(20) NOT NULL REFERENCES b2b_category (code),
    name      VARCHAR(100) NOT NULL,
    unit      VARCHAR(200),
    phone     VARCHAR(20) NOT NULL,
    region    VARCHAR(6),
    active    BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX b2b_sample_category ON b2b_sample (category) WHERE active;

CREATE TABLE b2b_round (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    seed        BIGINT NOT NULL,
    size        INT NOT NULL CHECK (size > 0),
    period_from DATE NOT NULL,
    period_to   DATE NOT NULL,
    allocation  TEXT NOT NULL,
    status      VARCHAR(8) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'SCORED')),
    created_by  VARCHAR(50) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    scored_at   TIMESTAMPTZ
);

CREATE TABLE b2b_draw (
    round_id    BIGINT NOT NULL REFERENCES b2b_round (id) ON DELETE CASCADE,
    sample_id   BIGINT NOT NULL REFERENCES b2b_sample (id),
    category    VARCHAR(20) NOT NULL,
    token       VARCHAR(40) NOT NULL UNIQUE,
    answered_at TIMESTAMPTZ,
    PRIMARY KEY (round_id, sample_id)
);

CREATE TABLE b2b_answer (
    round_id    BIGINT NOT NULL REFERENCES b2b_round (id) ON DELETE CASCADE,
    token       VARCHAR(40) NOT NULL,
    target_kind VARCHAR(10) NOT NULL CHECK (target_kind IN ('DEPARTMENT', 'COUNTY')),
    target_code VARCHAR(40) NOT NULL,
    score       SMALLINT NOT NULL CHECK (score BETWEEN 1 AND 5),
    PRIMARY KEY (round_id, token, target_kind, target_code)
);

-- 码上评: one rating per transaction, or per signed-in person per unit per day.
CREATE TABLE unit_rating (
    id          BIGSERIAL PRIMARY KEY,
    unit_kind   VARCHAR(10) NOT NULL CHECK (unit_kind IN ('DEPARTMENT', 'COUNTY')),
    unit_code   VARCHAR(40) NOT NULL,
    stars       SMALLINT NOT NULL CHECK (stars BETWEEN 1 AND 5),
    aspects     TEXT[] NOT NULL DEFAULT '{}',
    comment     TEXT,
    transaction VARCHAR(40),
    person      VARCHAR(50),
    rated_on    DATE NOT NULL,
    rated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (transaction IS NOT NULL OR person IS NOT NULL)
);
CREATE UNIQUE INDEX unit_rating_transaction ON unit_rating (unit_kind, unit_code, transaction) WHERE transaction IS NOT NULL;
CREATE UNIQUE INDEX unit_rating_person_day ON unit_rating (unit_kind, unit_code, person, rated_on) WHERE transaction IS NULL;

CREATE TABLE b2b_result (
    round_id     BIGINT NOT NULL REFERENCES b2b_round (id) ON DELETE CASCADE,
    target_kind  VARCHAR(10) NOT NULL,
    target_code  VARCHAR(40) NOT NULL,
    concentrated NUMERIC(6, 2) NOT NULL,
    realtime     NUMERIC(6, 2),
    total        NUMERIC(6, 2) NOT NULL,
    rank         INT NOT NULL,
    answers      INT NOT NULL,
    ratings      INT NOT NULL,
    consequence  VARCHAR(12),
    points       NUMERIC(4, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (round_id, target_kind, target_code)
);

CREATE TABLE b2b_rule (
    key   VARCHAR(40) PRIMARY KEY,
    value VARCHAR(100) NOT NULL
);
INSERT INTO b2b_rule (key, value) VALUES
    ('concentratedWeight', '80'), ('lastCounties', '1'), ('lastDepartments', '5'),
    ('topCounties', '2'), ('topDepartments', '5'), ('bonusPoints', '0.2,0.5,0.8'), ('penaltyPoints', '0.2,0.5,0.8');

-- 整改台账.
CREATE TABLE problem (
    id           BIGSERIAL PRIMARY KEY,
    number       VARCHAR(30) NOT NULL UNIQUE,
    category     VARCHAR(12) NOT NULL CHECK (category IN ('EVALUATION', 'BACK_TO_BACK', 'APPEAL', 'OVERDUE', 'MANUAL')),
    source_ref   VARCHAR(60),
    title        VARCHAR(300) NOT NULL,
    description  TEXT NOT NULL,
    unit_kind    VARCHAR(10) NOT NULL CHECK (unit_kind IN ('DEPARTMENT', 'COUNTY')),
    unit_code    VARCHAR(40) NOT NULL,
    co_units     TEXT[] NOT NULL DEFAULT '{}',
    person       VARCHAR(60),
    target       TEXT,
    measures     TEXT,
    deadline     DATE NOT NULL,
    status       VARCHAR(12) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CHECKED')),
    evidence     TEXT,
    reopened     INT NOT NULL DEFAULT 0,
    escalated_at TIMESTAMPTZ,
    created_by   VARCHAR(50) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    done_at      TIMESTAMPTZ,
    checked_at   TIMESTAMPTZ
);
CREATE INDEX problem_unit ON problem (unit_kind, unit_code, status);
-- a source produces its problem once (a round's last place, an appeal, an overdue task)
CREATE UNIQUE INDEX problem_source_once ON problem (category, source_ref) WHERE source_ref IS NOT NULL;

CREATE TABLE problem_event (
    id         BIGSERIAL PRIMARY KEY,
    problem_id BIGINT NOT NULL REFERENCES problem (id) ON DELETE CASCADE,
    step       VARCHAR(12) NOT NULL,
    note       TEXT,
    actor      VARCHAR(50) NOT NULL,
    at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE problem_counter (
    prefix VARCHAR(20) PRIMARY KEY,
    last   INT NOT NULL
);

-- 企业诉求.
CREATE TABLE appeal (
    id              BIGSERIAL PRIMARY KEY,
    number          VARCHAR(30) NOT NULL UNIQUE,
    uscc            VARCHAR(18) NOT NULL,
    enterprise_name VARCHAR(200) NOT NULL,
    region          VARCHAR(6),
    kind            VARCHAR(10) NOT NULL CHECK (kind IN ('COMPLAINT', 'REQUEST')),
    item_code       VARCHAR(40),
    department_code VARCHAR(40),
    content         TEXT NOT NULL,
    status          VARCHAR(10) NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED', 'DISPATCHED', 'ANSWERED', 'CLOSED')),
    due_at          TIMESTAMPTZ,
    answer          TEXT,
    answered_by     VARCHAR(50),
    answered_at     TIMESTAMPTZ,
    stars           SMALLINT CHECK (stars BETWEEN 1 AND 5),
    resolved        BOOLEAN,
    problem_id      BIGINT REFERENCES problem (id),
    submitted_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX appeal_uscc ON appeal (uscc, submitted_at DESC);

-- SMS to people who are not enterprises (back-to-back evaluators): an outbound message without an inbox message.
ALTER TABLE outbound_message ALTER COLUMN message_id DROP NOT NULL;

-- Guangyuan's sample library: six categories, 2,000 in all; citizens refreshed every 4 months, the rest yearly.
INSERT INTO b2b_category (code, name, quota, refresh_months, refreshed_on, position) VALUES
    ('ENTERPRISE', '“四上”企业代表', 1000, 12, DATE '2026-01-05', 1),
    ('SMALL', '中小微市场主体代表', 300, 12, DATE '2026-01-05', 2),
    ('CITIZEN', '办事群众代表', 300, 4, DATE '2026-09-01', 3),
    ('SUPERVISOR', '营商环境监督员代表', 50, 12, DATE '2026-01-05', 4),
    ('DEPUTY', '“两代表一委员”代表', 330, 12, DATE '2026-01-05', 5),
    ('MEDIA', '新闻媒体（记者）代表', 20, 12, DATE '2026-01-05', 6);
