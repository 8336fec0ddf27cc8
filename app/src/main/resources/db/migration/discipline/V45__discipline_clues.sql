-- discipline (纪检监察 link): clues the inspector hands to a responsible unit (线索移送) with evidence, the unit's answer,
-- the inspector's conclusion, and joint supervision (联合督办) with other units, whose result is recorded.
CREATE TABLE discipline_clue (
    id              BIGSERIAL PRIMARY KEY,
    number          VARCHAR(20)  NOT NULL UNIQUE,
    source          VARCHAR(20)  NOT NULL CHECK (source IN ('OVERDUE', 'LATE_UNIT', 'DISHONEST_GRANT', 'AMOUNT_CHANGED', 'SELF_APPROVAL',
                                                          'OBJECTION', 'OTHER')),
    source_ref      VARCHAR(80),
    title           VARCHAR(300) NOT NULL,
    evidence        TEXT         NOT NULL,
    department_code VARCHAR(40)  NOT NULL,
    due_date        DATE         NOT NULL,
    status          VARCHAR(10)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANSWERED', 'JOINT', 'CLOSED')),
    answer          TEXT,
    answered_by     VARCHAR(50),
    answered_at     TIMESTAMPTZ,
    joint_units     TEXT[]       NOT NULL DEFAULT '{}',
    joint_plan      TEXT,
    conclusion      VARCHAR(12) CHECK (conclusion IN ('TRUE', 'PARTLY', 'UNFOUNDED')),
    result          TEXT,
    closed_by       VARCHAR(50),
    closed_at       TIMESTAMPTZ,
    created_by      VARCHAR(50)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX discipline_clue_unit ON discipline_clue (department_code, status);
-- one open clue per source record: the same finding is not handed over twice
CREATE UNIQUE INDEX discipline_clue_source ON discipline_clue (source, source_ref) WHERE source_ref IS NOT NULL AND status <> 'CLOSED';

CREATE TABLE discipline_clue_event (
    id       BIGSERIAL PRIMARY KEY,
    clue_id  BIGINT      NOT NULL REFERENCES discipline_clue (id),
    at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor    VARCHAR(50) NOT NULL,
    step     VARCHAR(20) NOT NULL,
    note     TEXT
);
CREATE INDEX discipline_clue_event_clue ON discipline_clue_event (clue_id, at);
