-- Working-day calendar: a year "has a schedule" once an administrator entered it; its listed days override Mon–Fri.
CREATE TABLE calendar_year (
    year       INT PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    source     TEXT NOT NULL,
    entered_by VARCHAR(50) NOT NULL,
    entered_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE calendar_day (
    day     DATE PRIMARY KEY,
    working BOOLEAN NOT NULL,
    name    VARCHAR(40) NOT NULL
);
INSERT INTO calendar_year (year, source, entered_by) VALUES
    (2025, '国务院办公厅关于2025年部分节假日安排的通知', 'system'),
    (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04 发布）', 'system');
INSERT INTO calendar_day (day, working, name)
SELECT d::date, false, n FROM (VALUES
    ('2025-01-01', '2025-01-01', '元旦'), ('2025-01-28', '2025-02-04', '春节'), ('2025-04-04', '2025-04-06', '清明节'),
    ('2025-05-01', '2025-05-05', '劳动节'), ('2025-05-31', '2025-06-02', '端午节'), ('2025-10-01', '2025-10-08', '国庆节、中秋节'),
    ('2026-01-01', '2026-01-03', '元旦'), ('2026-02-15', '2026-02-23', '春节'), ('2026-04-04', '2026-04-06', '清明节'),
    ('2026-05-01', '2026-05-05', '劳动节'), ('2026-06-19', '2026-06-21', '端午节'), ('2026-09-25', '2026-09-27', '中秋节'),
    ('2026-10-01', '2026-10-07', '国庆节')) AS h (f, t, n),
    generate_series(f::date, t::date, interval '1 day') AS d;
INSERT INTO calendar_day (day, working, name) VALUES
    ('2025-01-26', true, '春节调休上班'), ('2025-02-08', true, '春节调休上班'), ('2025-04-27', true, '劳动节调休上班'),
    ('2025-09-28', true, '国庆节调休上班'), ('2025-10-11', true, '国庆节调休上班'),
    ('2026-01-04', true, '元旦调休上班'), ('2026-02-14', true, '春节调休上班'), ('2026-02-28', true, '春节调休上班'),
    ('2026-05-09', true, '劳动节调休上班'), ('2026-09-20', true, '中秋节调休上班'), ('2026-10-10', true, '国庆节调休上班');

-- ShedLock: a scheduled job runs on one node at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64) PRIMARY KEY,
    lock_until TIMESTAMP NOT NULL,
    locked_at  TIMESTAMP NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- Fund pools: per item per year; never below zero, checked by the database as well as by the guarded update.
CREATE TABLE fund_pool (
    item_code VARCHAR(40) NOT NULL,
    year      INT NOT NULL,
    budget    NUMERIC(18, 2) NOT NULL CHECK (budget >= 0),
    reserved  NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    paid      NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (paid >= 0),
    PRIMARY KEY (item_code, year),
    CHECK (reserved + paid <= budget)
);

CREATE TABLE bank_account (
    uscc         VARCHAR(18) PRIMARY KEY,
    account_name VARCHAR(200) NOT NULL,
    bank_name    VARCHAR(200) NOT NULL,
    account_no   VARCHAR(40) NOT NULL CHECK (account_no ~ '^[0-9]{8,30}$'),
    confirmed_by VARCHAR(50) NOT NULL,
    confirmed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A grant: one enterprise, one item, one period, at most once, whatever the route (application, 免申即享, 秒批).
CREATE TABLE fund_grant (
    id               BIGSERIAL PRIMARY KEY,
    uscc             VARCHAR(18) NOT NULL,
    enterprise_name  VARCHAR(200) NOT NULL,
    region           VARCHAR(6),
    item_code        VARCHAR(40) NOT NULL,
    item_name        VARCHAR(200) NOT NULL,
    period           VARCHAR(20) NOT NULL,
    year             INT NOT NULL,
    amount           NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    formula_amount   NUMERIC(18, 2),
    basis            TEXT,
    exclusion_group  VARCHAR(60),
    route            VARCHAR(16) NOT NULL CHECK (route IN ('APPLICATION', 'NO_APPLICATION', 'INSTANT')),
    application_id   BIGINT,
    run_id           BIGINT,
    status           VARCHAR(12) NOT NULL CHECK (status IN ('DISCLOSING', 'PAYABLE', 'IN_BATCH', 'PAID', 'FAILED', 'CANCELLED')),
    disclosure_from  DATE NOT NULL,
    disclosure_until DATE NOT NULL,
    payable_at       TIMESTAMPTZ,
    pay_due_at       TIMESTAMPTZ,
    paid_at          TIMESTAMPTZ,
    created_by       VARCHAR(50) NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (uscc, item_code, period)
);
CREATE INDEX fund_grant_item ON fund_grant (item_code, status);
CREATE INDEX fund_grant_enterprise_year ON fund_grant (uscc, year);

CREATE TABLE disclosure_objection (
    id          BIGSERIAL PRIMARY KEY,
    grant_id    BIGINT NOT NULL REFERENCES fund_grant (id),
    name        VARCHAR(100) NOT NULL,
    contact     VARCHAR(100) NOT NULL,
    reason      TEXT NOT NULL,
    status      VARCHAR(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'UPHELD', 'DISMISSED')),
    answer      TEXT,
    answered_by VARCHAR(50),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    answered_at TIMESTAMPTZ
);

CREATE TABLE payout_batch (
    id         BIGSERIAL PRIMARY KEY,
    number     VARCHAR(30) NOT NULL UNIQUE,
    created_by VARCHAR(50) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    settled_at TIMESTAMPTZ
);
CREATE TABLE payout_line (
    id             BIGSERIAL PRIMARY KEY,
    batch_id       BIGINT NOT NULL REFERENCES payout_batch (id),
    grant_id       BIGINT NOT NULL REFERENCES fund_grant (id),
    amount         NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    account_name   VARCHAR(200) NOT NULL,
    bank_name      VARCHAR(200) NOT NULL,
    account_no     VARCHAR(40) NOT NULL,
    status         VARCHAR(8) NOT NULL DEFAULT 'SENT' CHECK (status IN ('SENT', 'PAID', 'FAILED')),
    failure_reason TEXT,
    settled_at     TIMESTAMPTZ
);
-- A grant is in at most one live payment instruction, and paid at most once.
CREATE UNIQUE INDEX payout_line_live ON payout_line (grant_id) WHERE status IN ('SENT', 'PAID');

CREATE TABLE no_application_run (
    id           BIGSERIAL PRIMARY KEY,
    item_code    VARCHAR(40) NOT NULL,
    item_name    VARCHAR(200) NOT NULL,
    trigger      VARCHAR(10) NOT NULL CHECK (trigger IN ('SCHEDULED', 'MANUAL')),
    actor        VARCHAR(50) NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ,
    granted      INT NOT NULL DEFAULT 0,
    skipped      INT NOT NULL DEFAULT 0,
    undetermined INT NOT NULL DEFAULT 0,
    total_amount NUMERIC(18, 2) NOT NULL DEFAULT 0
);
CREATE TABLE no_application_run_line (
    run_id          BIGINT NOT NULL REFERENCES no_application_run (id),
    uscc            VARCHAR(18) NOT NULL,
    enterprise_name VARCHAR(200) NOT NULL,
    outcome         VARCHAR(12) NOT NULL CHECK (outcome IN ('GRANTED', 'SKIPPED', 'UNDETERMINED')),
    amount          NUMERIC(18, 2),
    reason          TEXT,
    PRIMARY KEY (run_id, uscc)
);

-- Applications with the rule version and estimate frozen at submission.
CREATE TABLE application (
    id                   BIGSERIAL PRIMARY KEY,
    number               VARCHAR(30) NOT NULL UNIQUE,
    uscc                 VARCHAR(18) NOT NULL,
    enterprise_name      VARCHAR(200) NOT NULL,
    region               VARCHAR(6),
    item_code            VARCHAR(40) NOT NULL,
    item_version         INT NOT NULL,
    item_name            VARCHAR(200) NOT NULL,
    mode                 VARCHAR(20) NOT NULL,
    departments          TEXT[] NOT NULL,
    period               VARCHAR(20) NOT NULL,
    status               VARCHAR(12) NOT NULL CHECK (status IN ('SUBMITTED', 'RETURNED', 'ACCEPTED', 'DISPATCHED',
                             'APPROVED', 'REJECTED', 'REFUSED', 'PAID')),
    outcome              VARCHAR(14),
    estimate             NUMERIC(18, 2),
    approved_amount      NUMERIC(18, 2),
    amount_reason        TEXT,
    figures              JSONB NOT NULL DEFAULT '{}',
    commitment_signed_at TIMESTAMPTZ,
    correction_note      TEXT,
    decision_reason      TEXT,
    grant_id             BIGINT,
    submitted_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    accepted_at          TIMESTAMPTZ,
    dispatched_at        TIMESTAMPTZ,
    decided_at           TIMESTAMPTZ,
    paid_at              TIMESTAMPTZ
);
-- One live application per enterprise, item and period; a refused or rejected one may be followed by a new one.
CREATE UNIQUE INDEX application_live_once ON application (uscc, item_code, period) WHERE status NOT IN ('REFUSED', 'REJECTED');
CREATE INDEX application_status ON application (status);
CREATE INDEX application_uscc ON application (uscc);

CREATE TABLE application_file (
    id             BIGSERIAL PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES application (id),
    material       VARCHAR(200) NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    size_bytes     BIGINT NOT NULL,
    sha256         CHAR(64) NOT NULL,
    content        BYTEA NOT NULL,
    uploaded_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE application_event (
    id             BIGSERIAL PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES application (id),
    at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor          VARCHAR(50) NOT NULL,
    step           VARCHAR(20) NOT NULL,
    title          VARCHAR(200) NOT NULL,
    note           TEXT
);
CREATE INDEX application_event_app ON application_event (application_id, at);

-- Each responsible department's part of the review (one row for a single department, several for a joint review).
CREATE TABLE application_review (
    application_id  BIGINT NOT NULL REFERENCES application (id),
    department_code VARCHAR(40) NOT NULL,
    responded_at    TIMESTAMPTZ,
    responded_by    VARCHAR(50),
    decision        VARCHAR(8) CHECK (decision IN ('APPROVE', 'REJECT')),
    amount          NUMERIC(18, 2),
    reason          TEXT,
    decided_by      VARCHAR(50),
    decided_at      TIMESTAMPTZ,
    PRIMARY KEY (application_id, department_code)
);

-- 综合评审: one score sheet per expert per application.
CREATE TABLE expert_score (
    application_id BIGINT NOT NULL REFERENCES application (id),
    expert         VARCHAR(50) NOT NULL,
    scores         JSONB NOT NULL,
    total          NUMERIC(5, 1) NOT NULL CHECK (total BETWEEN 0 AND 100),
    comment        TEXT,
    scored_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (application_id, expert)
);

-- Time-limited tasks: window dispatch, department response and decision, payment.
CREATE TABLE application_task (
    id              BIGSERIAL PRIMARY KEY,
    application_id  BIGINT NOT NULL REFERENCES application (id),
    kind            VARCHAR(8) NOT NULL CHECK (kind IN ('WINDOW', 'RESPOND', 'DECIDE', 'PAY')),
    department_code VARCHAR(40) NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    due_at          TIMESTAMPTZ NOT NULL,
    paused_at       TIMESTAMPTZ,
    done_at         TIMESTAMPTZ,
    escalated_at    TIMESTAMPTZ,
    reminders       INT NOT NULL DEFAULT 0,
    UNIQUE (application_id, kind, department_code)
);
CREATE INDEX application_task_open ON application_task (due_at) WHERE done_at IS NULL;

CREATE TABLE task_reminder (
    id      BIGSERIAL PRIMARY KEY,
    task_id BIGINT NOT NULL REFERENCES application_task (id),
    actor   VARCHAR(50) NOT NULL,
    at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    note    TEXT NOT NULL
);

-- 好差评: one rating per transaction.
CREATE TABLE service_rating (
    application_id BIGINT PRIMARY KEY REFERENCES application (id),
    uscc           VARCHAR(18) NOT NULL,
    stars          SMALLINT NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment        TEXT,
    rated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
