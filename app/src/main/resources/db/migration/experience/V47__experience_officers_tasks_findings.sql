-- experience (营商环境体验官): the pool of officers and experts (recruited from entrepreneurs, intermediaries and
-- scholars), the tasks that send them to test a service online, at a window or by call-back with a questionnaire drawn
-- from the service's own steps, what they found (with evidence), its verification into the ledger, and the re-checks.
CREATE TABLE experience_member (
    id          BIGSERIAL PRIMARY KEY,
    kind        VARCHAR(8)   NOT NULL CHECK (kind IN ('OFFICER', 'EXPERT')),
    name        VARCHAR(50)  NOT NULL,
    phone       VARCHAR(20)  NOT NULL,
    background  VARCHAR(12)  NOT NULL CHECK (background IN ('ENTREPRENEUR', 'INTERMEDIARY', 'SCHOLAR', 'DEPUTY', 'OTHER')),
    organisation VARCHAR(200),
    expertise   TEXT         NOT NULL,
    status      VARCHAR(10)  NOT NULL DEFAULT 'APPLIED' CHECK (status IN ('APPLIED', 'ACTIVE', 'DECLINED', 'ENDED')),
    username    VARCHAR(50),
    term_from   DATE,
    term_to     DATE,
    decided_by  VARCHAR(50),
    decided_at  TIMESTAMPTZ,
    applied_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (term_to IS NULL OR term_from IS NULL OR term_to >= term_from)
);
CREATE UNIQUE INDEX experience_member_account ON experience_member (username) WHERE status = 'ACTIVE';

CREATE TABLE experience_task (
    id              BIGSERIAL PRIMARY KEY,
    number          VARCHAR(20)  NOT NULL UNIQUE,
    item_code       VARCHAR(40)  NOT NULL,
    service_name    VARCHAR(200) NOT NULL,
    department_code VARCHAR(40)  NOT NULL,
    channel         VARCHAR(12)  NOT NULL CHECK (channel IN ('ONLINE', 'WINDOW_SELF', 'WINDOW_PROXY', 'WINDOW_WITH', 'CALLBACK')),
    officer         VARCHAR(50)  NOT NULL,
    due_date        DATE         NOT NULL,
    questions       JSONB        NOT NULL,
    answers         JSONB,
    summary         TEXT,
    status          VARCHAR(10)  NOT NULL DEFAULT 'ASSIGNED' CHECK (status IN ('ASSIGNED', 'SUBMITTED', 'VERIFIED')),
    submitted_at    TIMESTAMPTZ,
    verified_at     TIMESTAMPTZ,
    created_by      VARCHAR(50)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX experience_task_officer ON experience_task (officer, status);

CREATE TABLE experience_finding (
    id               BIGSERIAL PRIMARY KEY,
    task_id          BIGINT       NOT NULL REFERENCES experience_task (id),
    question         TEXT         NOT NULL,
    description      TEXT         NOT NULL,
    evidence_name    VARCHAR(255),
    evidence_type    VARCHAR(100),
    evidence         BYTEA,
    verdict          VARCHAR(10) CHECK (verdict IN ('CONFIRMED', 'DISMISSED')),
    verdict_note     TEXT,
    problem_id       BIGINT,
    problem_number   VARCHAR(30),
    verified_by      VARCHAR(50),
    verified_at      TIMESTAMPTZ
);
CREATE INDEX experience_finding_task ON experience_finding (task_id);
CREATE INDEX experience_finding_problem ON experience_finding (problem_id);

-- 常态复查: the officer tests the service again once the unit reports it fixed, and again every so often after
CREATE TABLE experience_recheck (
    id         BIGSERIAL PRIMARY KEY,
    finding_id BIGINT      NOT NULL REFERENCES experience_finding (id),
    officer    VARCHAR(50) NOT NULL,
    passed     BOOLEAN     NOT NULL,
    note       TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX experience_recheck_finding ON experience_recheck (finding_id, at);
