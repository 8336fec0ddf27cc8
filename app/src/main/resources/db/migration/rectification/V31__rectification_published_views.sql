-- rectification publishes, for the evaluation: when appeals and ledger problems were due and when they were answered or
-- closed. Other modules read these views, never the tables behind them (TableOwnershipTest).
CREATE VIEW appeal_facts AS SELECT id, department_code, region, due_at, answered_at FROM appeal;
COMMENT ON VIEW appeal_facts IS 'rectification: each appeal''s time limit and answer time';

CREATE VIEW problem_facts AS SELECT id, unit_kind, unit_code, deadline, done_at FROM problem;
COMMENT ON VIEW problem_facts IS 'rectification: each ledger problem''s unit, deadline and closing time';
