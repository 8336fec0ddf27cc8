-- The demo city's grants: for approved applications (working table demo_application) with 公示 and payment times,
-- 免申即享 grants from monthly runs (demo_match, demo_enterprise, demo_item), and pools that add up. Writes only the
-- funds module's tables, and leaves demo_grant (application_id, grant_id, waiting_for_account) for the applications module.
-- grants for approvals, with 公示 and payment times; unpaid old ones are overdue
INSERT INTO fund_grant (uscc, enterprise_name, region, item_code, item_name, period, year, amount, formula_amount, basis, route,
                        application_id, status, disclosure_from, disclosure_until, payable_at, pay_due_at, paid_at, created_by, created_at)
SELECT uscc, enterprise_name, region, item_code, item_name, period, period::int, approved_amount, estimate, '按政策公式核定', 'APPLICATION', id,
       CASE WHEN status = 'PAID' THEN 'PAID' WHEN decided_at > now() - interval '7 days' THEN 'DISCLOSING' ELSE 'PAYABLE' END,
       (decided_at AT TIME ZONE 'Asia/Shanghai')::date, (decided_at AT TIME ZONE 'Asia/Shanghai')::date + 7,
       CASE WHEN decided_at <= now() - interval '7 days' THEN decided_at + interval '7 days' END,
       CASE WHEN decided_at <= now() - interval '7 days' THEN decided_at + interval '8 days' END,
       paid_at, 'reviewer', decided_at
FROM demo_application WHERE status IN ('APPROVED', 'PAID') AND approved_amount IS NOT NULL
--;
-- 免申即享: about one in seven of the eligible enterprises of each such item, granted by monthly runs and paid a week later
INSERT INTO fund_grant (uscc, enterprise_name, region, item_code, item_name, period, year, amount, formula_amount, basis, route,
                        status, disclosure_from, disclosure_until, payable_at, pay_due_at, paid_at, created_by, created_at)
WITH x AS MATERIALIZED (
      SELECT r.uscc, e.name, e.region, d.code, d.name AS item_name, round((least(d.cap, 30000) * (0.1 + random() * 0.5))::numeric, -2) AS amount,
             (date_trunc('month', (now() - random() * interval '355 days') AT TIME ZONE 'Asia/Shanghai') + interval '1 day 2 hours 1 minute')
                 AT TIME ZONE 'Asia/Shanghai' AS at
      FROM demo_match r JOIN demo_enterprise e ON e.uscc = r.uscc JOIN demo_item d ON d.code = r.item_code
      WHERE d.mode = 'NO_APPLICATION' AND random() < 0.15)
SELECT uscc, name, region, code, item_name, extract(year FROM at)::text, extract(year FROM at)::int, amount, amount, '免申即享自动核定',
       'NO_APPLICATION', CASE WHEN at > now() - interval '7 days' THEN 'DISCLOSING' ELSE 'PAID' END,
       (at AT TIME ZONE 'Asia/Shanghai')::date, (at AT TIME ZONE 'Asia/Shanghai')::date + 7,
       CASE WHEN at <= now() - interval '7 days' THEN at + interval '7 days' END,
       CASE WHEN at <= now() - interval '7 days' THEN at + interval '8 days' END,
       CASE WHEN at <= now() - interval '7 days' THEN at + interval '7 days 4 hours' END, 'system', at
FROM x
ON CONFLICT (uscc, item_code, period) DO NOTHING
--;
-- the monthly 免申即享 runs that made those grants, with their reports
INSERT INTO no_application_run (item_code, item_name, trigger, actor, started_at, finished_at, granted, total_amount)
SELECT item_code, max(item_name), 'SCHEDULED', 'system', run, run + interval '3 minutes', count(*), sum(amount)
FROM (SELECT item_code, item_name, amount,
             (date_trunc('day', created_at AT TIME ZONE 'Asia/Shanghai') + interval '2 hours') AT TIME ZONE 'Asia/Shanghai' AS run
      FROM fund_grant WHERE route = 'NO_APPLICATION') g GROUP BY item_code, run
--;
UPDATE fund_grant g SET run_id = r.id FROM no_application_run r
WHERE g.route = 'NO_APPLICATION' AND r.item_code = g.item_code
  AND r.started_at = (date_trunc('day', g.created_at AT TIME ZONE 'Asia/Shanghai') + interval '2 hours') AT TIME ZONE 'Asia/Shanghai'
--;
INSERT INTO no_application_run_line (run_id, uscc, enterprise_name, outcome, amount, reason)
SELECT run_id, uscc, enterprise_name, 'GRANTED', amount, '符合条件，按数据自动核定' FROM fund_grant WHERE run_id IS NOT NULL
--;
-- pools that add up: budget at least the item's annual budget and a fifth above what was committed
INSERT INTO fund_pool (item_code, year, budget, reserved, paid)
SELECT g.item_code, g.year,
       greatest(coalesce(max(d.budget), 0), round(sum(g.amount) * 1.25, -4)),
       coalesce(sum(g.amount) FILTER (WHERE g.status IN ('DISCLOSING', 'PAYABLE', 'IN_BATCH', 'FAILED')), 0),
       coalesce(sum(g.amount) FILTER (WHERE g.status = 'PAID'), 0)
FROM fund_grant g LEFT JOIN demo_item d ON d.code = g.item_code WHERE g.status <> 'CANCELLED' GROUP BY g.item_code, g.year
ON CONFLICT (item_code, year) DO UPDATE SET budget = greatest(fund_pool.budget, excluded.budget), reserved = excluded.reserved, paid = excluded.paid
--;
-- receiving accounts: every enterprise that has been paid, and about four in five of those whose money is payable (by their
-- code, not by chance, and never all of them); the rest have not confirmed one yet and wait on 待企业确认收款账户
WITH e AS MATERIALIZED (SELECT uscc, max(enterprise_name) AS name, min(created_at) AS first, bool_or(status = 'PAID') AS paid
                        FROM fund_grant WHERE status <> 'CANCELLED' GROUP BY uscc),
     waits AS (SELECT uscc FROM e WHERE NOT paid AND (abs(hashtext(uscc)) % 5 = 0
                                                   OR uscc = (SELECT min(uscc) FROM e WHERE NOT paid)))
INSERT INTO bank_account (uscc, account_name, bank_name, account_no, confirmed_by, confirmed_at)
SELECT uscc, name, '中国工商银行示范市分行', '6222' || lpad(floor(random() * 1e15)::bigint::text, 15, '0'), 'system', first + interval '1 day'
FROM e WHERE uscc NOT IN (SELECT uscc FROM waits)
ON CONFLICT (uscc) DO NOTHING
--;
CREATE TEMP TABLE demo_grant ON COMMIT DROP AS
SELECT g.application_id, g.id AS grant_id,
       g.status IN ('PAYABLE', 'FAILED') AND NOT EXISTS (SELECT 1 FROM bank_account a WHERE a.uscc = g.uscc) AS waiting_for_account
FROM fund_grant g WHERE g.application_id IS NOT NULL
