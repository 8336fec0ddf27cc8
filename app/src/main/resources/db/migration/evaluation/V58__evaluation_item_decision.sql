-- 事中事后评估的结论: each item's mid-term or after-term evaluation ends in continue, adjust or stop, with its basis.
CREATE TABLE eval_item_decision (
    id         BIGSERIAL PRIMARY KEY,
    item_code  VARCHAR(40)   NOT NULL,
    stage      VARCHAR(5)    NOT NULL CHECK (stage IN ('MID', 'AFTER')),
    decision   VARCHAR(8)    NOT NULL CHECK (decision IN ('CONTINUE', 'ADJUST', 'STOP')),
    basis      TEXT          NOT NULL,
    reason     VARCHAR(2000) NOT NULL,
    decided_by VARCHAR(100)  NOT NULL,
    decided_at TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX eval_item_decision_item ON eval_item_decision (item_code, decided_at DESC);
