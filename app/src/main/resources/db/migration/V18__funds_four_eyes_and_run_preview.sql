-- 四眼 on money: a lead reviewer's amount that differs from the platform's estimate is a proposal until the
-- department head (another person) confirms it; only then is the review decided and the grant made.
ALTER TABLE application_review
    ADD COLUMN proposed_amount NUMERIC(18, 2),
    ADD COLUMN proposed_opinion TEXT,
    ADD COLUMN amount_reason TEXT,
    ADD COLUMN proposed_by VARCHAR(50),
    ADD COLUMN proposed_at TIMESTAMPTZ,
    ADD COLUMN confirmed_by VARCHAR(50),
    ADD COLUMN confirmed_at TIMESTAMPTZ;

-- Who confirmed a grant's amount when it differs from the rule's estimate (created_by made the decision).
ALTER TABLE fund_grant ADD COLUMN confirmed_by VARCHAR(50);

-- 免申即享 runs: previewed (who would be granted, in which order, what the pool covers) and confirmed by a named
-- finance officer, or started by the schedule; at most one queued or running per item; the node that runs it.
ALTER TABLE no_application_run
    ADD COLUMN status         VARCHAR(10) NOT NULL DEFAULT 'DONE'
        CHECK (status IN ('PLANNING', 'PREVIEW', 'QUEUED', 'RUNNING', 'DONE', 'FAILED', 'DISCARDED')),
    ADD COLUMN node_id        INT,
    ADD COLUMN failure        TEXT,
    ADD COLUMN confirmed_by   VARCHAR(50),
    ADD COLUMN confirmed_at   TIMESTAMPTZ,
    ADD COLUMN planned        INT NOT NULL DEFAULT 0,
    ADD COLUMN planned_amount NUMERIC(18, 2) NOT NULL DEFAULT 0,
    ADD COLUMN pool_available NUMERIC(18, 2),
    ADD COLUMN left_out       INT NOT NULL DEFAULT 0,
    ADD COLUMN shortfall      NUMERIC(18, 2) NOT NULL DEFAULT 0;
UPDATE no_application_run SET status = 'FAILED', finished_at = now(), failure = '升级前未完成的运行' WHERE finished_at IS NULL;
CREATE UNIQUE INDEX no_application_run_one_active ON no_application_run (item_code) WHERE status IN ('QUEUED', 'RUNNING');
CREATE UNIQUE INDEX no_application_run_one_preview ON no_application_run (item_code) WHERE status IN ('PLANNING', 'PREVIEW');

-- The plan of a run: the enterprises that would be granted, in the order the run grants them.
CREATE TABLE no_application_plan_line (
    run_id          BIGINT NOT NULL REFERENCES no_application_run (id),
    seq             INT NOT NULL,
    uscc            VARCHAR(18) NOT NULL,
    enterprise_name VARCHAR(200) NOT NULL,
    amount          NUMERIC(18, 2) NOT NULL,
    covered         BOOLEAN NOT NULL,
    PRIMARY KEY (run_id, seq)
);

-- Enterprise imports record the node that runs them, so an import left behind by a dead node is failed with a reason.
ALTER TABLE enterprise_import ADD COLUMN node_id INT;
