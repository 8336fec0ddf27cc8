-- funds publishes, for the cockpit and the evaluation: each grant's amount, route and payment, and each pool's budget.
-- Other modules read these views, never the tables behind them (TableOwnershipTest).
CREATE VIEW grant_facts AS
SELECT id, uscc, enterprise_name, region, item_code, year, amount, route, status, created_at, pay_due_at, paid_at
FROM fund_grant;
COMMENT ON VIEW grant_facts IS 'funds: each grant''s amount, route, state and payment times';

CREATE VIEW pool_facts AS SELECT item_code, year, budget FROM fund_pool;
COMMENT ON VIEW pool_facts IS 'funds: each item''s budget for a year';
