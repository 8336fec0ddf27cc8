-- Twelve months of activity for the demo city, written once after the first matching run so that a
-- newcomer sees a living city: pushes read or not, applications at every stage with their timelines and
-- time-limit tasks, approvals, refusals, 公示, payouts (some late), 免申即享 grants, fund pools that add up,
-- transaction ratings, 码上评 ratings and enterprise appeals. Deterministic: the same seed gives the same city.
-- Statements are separated by a line holding only "--;" (see DemoActivity).
SELECT setseed(0.2026)
--;
CREATE TEMP TABLE demo_item ON COMMIT DROP AS
SELECT i.code, v.version, v.name, v.mode, v.departments, coalesce(v.cap, 80000) AS cap, coalesce(v.annual_budget, 0) AS budget
FROM policy_item i JOIN policy_item_version v ON v.item_id = i.id AND v.version = i.published_version
WHERE i.abolished_at IS NULL
--;
-- pushes spread over the year; read within three days by about 70% in the districts, 50% in the counties
UPDATE inbox_message SET created_at = now() - interval '1 day' - random() * interval '360 days'
--;
-- a 政策包 belongs to the day it was created on
UPDATE inbox_message SET bundle_day = (created_at AT TIME ZONE 'Asia/Shanghai')::date WHERE bundle_day IS NOT NULL
--;
UPDATE inbox_message m SET delivered_at = m.created_at + interval '2 minutes',
       read_at = CASE WHEN random() < CASE WHEN e.region IN ('519902', '519903', '519904') THEN 0.72 ELSE 0.50 END
                      THEN least(now(), m.created_at + random() * interval '72 hours') END
FROM enterprise e WHERE e.uscc = m.uscc
--;
-- applications: about 3% of eligible pairs of items that take applications
CREATE TEMP TABLE demo_app ON COMMIT DROP AS
SELECT r.uscc, e.name, e.region, d.code, d.version, d.name AS item_name, d.mode, d.departments,
       round((d.cap * (0.2 + random() * 0.8))::numeric, -2) AS estimate,
       now() - interval '3 days' - random() * interval '357 days' AS submitted_at, random() AS fate, 0.3 + random() AS speed,
       random() AS late
FROM demo_match r JOIN enterprise e ON e.uscc = r.uscc JOIN demo_item d ON d.code = r.item_code
WHERE d.mode <> 'NO_APPLICATION' AND random() < 0.03
--;
ALTER TABLE demo_app ADD COLUMN status TEXT, ADD COLUMN accepted_at TIMESTAMPTZ, ADD COLUMN dispatched_at TIMESTAMPTZ,
    ADD COLUMN decided_at TIMESTAMPTZ, ADD COLUMN paid_at TIMESTAMPTZ
--;
UPDATE demo_app SET status = CASE
    WHEN submitted_at > now() - interval '25 days' THEN CASE WHEN fate < 0.15 THEN 'SUBMITTED' WHEN fate < 0.22 THEN 'RETURNED'
        WHEN fate < 0.35 THEN 'ACCEPTED'
        -- open reviews only where the demo has a reviewer to sign for them; other departments' recent ones are decided
        WHEN fate < 0.70 THEN CASE WHEN EXISTS (SELECT 1 FROM app_user u JOIN user_role ur ON ur.user_id = u.id AND ur.role = 'REVIEWER'
                                                JOIN department dp ON dp.id = u.department_id WHERE dp.code = ANY(departments))
                                   THEN 'DISPATCHED' ELSE 'APPROVED' END
        WHEN fate < 0.80 THEN 'REJECTED' ELSE 'APPROVED' END
    ELSE CASE WHEN fate < 0.06 THEN 'REFUSED' WHEN fate < 0.16 THEN 'REJECTED' WHEN fate < 0.21 THEN 'APPROVED' ELSE 'PAID' END END
--;
UPDATE demo_app SET accepted_at = submitted_at + speed * interval '50 minutes' WHERE status NOT IN ('SUBMITTED', 'RETURNED')
--;
UPDATE demo_app SET dispatched_at = accepted_at + speed * interval '20 minutes' WHERE status NOT IN ('SUBMITTED', 'RETURNED', 'ACCEPTED', 'REFUSED')
--;
UPDATE demo_app SET decided_at = least(now() - interval '1 hour', dispatched_at + speed * interval '9 days' + CASE WHEN late > 0.9 THEN interval '8 days' ELSE interval '0' END)
WHERE status IN ('APPROVED', 'REJECTED', 'PAID')
--;
UPDATE demo_app SET paid_at = least(now() - interval '1 hour', decided_at + interval '8 days' - interval '20 hours' * (1 - late) + CASE WHEN late > 0.88 THEN interval '3 days' ELSE interval '0' END)
WHERE status = 'PAID'
--;
INSERT INTO application (number, uscc, enterprise_name, region, item_code, item_version, item_name, mode, departments, period, status,
                         outcome, estimate, approved_amount, decision_reason, commitment_signed_at, correction_note,
                         submitted_at, accepted_at, dispatched_at, decided_at, paid_at)
SELECT 'DEMO-' || substr(md5(uscc || code), 1, 20), uscc, name, region, code, version, item_name, mode, departments,
       extract(year FROM submitted_at)::text, status, 'ELIGIBLE', estimate,
       CASE WHEN status IN ('APPROVED', 'PAID') THEN estimate END,
       CASE status WHEN 'APPROVED' THEN '经审核，符合政策条件。' WHEN 'PAID' THEN '经审核，符合政策条件。'
                   WHEN 'REJECTED' THEN '经核查，上年度研发费用归集不符合要求。' WHEN 'REFUSED' THEN '不属于本事项支持范围。' END,
       CASE WHEN mode = 'COMMITMENT' THEN submitted_at END,
       CASE WHEN status = 'RETURNED' THEN '请补充加盖公章的项目申报书。' END,
       submitted_at, accepted_at, dispatched_at, decided_at, paid_at
FROM demo_app
--;
UPDATE application SET number = 'SQ' || to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(id::text, 6, '0')
WHERE number LIKE 'DEMO-%'
--;
INSERT INTO application_event (application_id, at, actor, step, title, note)
SELECT id, submitted_at, 'enterprise', 'SUBMITTED', '提交申报', NULL FROM application WHERE submitted_at IS NOT NULL AND accepted_at IS NULL AND status IN ('SUBMITTED', 'RETURNED')
UNION ALL SELECT id, submitted_at, 'enterprise', 'SUBMITTED', '提交申报', NULL FROM application WHERE accepted_at IS NOT NULL
UNION ALL SELECT id, submitted_at + interval '30 minutes', 'clerk', 'RETURNED', '退回补正', correction_note FROM application WHERE status = 'RETURNED'
UNION ALL SELECT id, accepted_at, 'clerk', CASE WHEN status = 'REFUSED' THEN 'REFUSED' ELSE 'ACCEPTED' END,
                 CASE WHEN status = 'REFUSED' THEN '不予受理' ELSE '专窗受理' END, decision_reason FROM application WHERE accepted_at IS NOT NULL
UNION ALL SELECT id, dispatched_at, 'clerk', 'DISPATCHED', '交办责任部门', NULL FROM application WHERE dispatched_at IS NOT NULL
UNION ALL SELECT id, decided_at, 'reviewer', CASE WHEN status = 'REJECTED' THEN 'REJECTED' ELSE 'APPROVED' END,
                 CASE WHEN status = 'REJECTED' THEN '审核未通过' ELSE '审核通过' END, decision_reason FROM application WHERE decided_at IS NOT NULL
UNION ALL SELECT id, paid_at, 'finance', 'PAID', '资金已拨付', approved_amount || ' 元' FROM application WHERE paid_at IS NOT NULL
--;
-- time-limit tasks: the window's hour, the department's ten working days (about two weeks), payment within a working day
INSERT INTO application_task (application_id, kind, department_code, started_at, due_at, done_at)
SELECT id, 'WINDOW', 'C-ZWFW', submitted_at, submitted_at + interval '1 hour', accepted_at FROM application WHERE status <> 'RETURNED'
UNION ALL
SELECT id, 'DECIDE', departments[1], dispatched_at, dispatched_at + interval '14 days', decided_at FROM application WHERE dispatched_at IS NOT NULL
UNION ALL
SELECT id, 'PAY', 'C-CZJ', decided_at + interval '7 days', decided_at + interval '8 days', paid_at
FROM application WHERE status = 'PAID' OR (status = 'APPROVED' AND decided_at < now() - interval '7 days')
--;
-- each responsible department's review of a dispatched application: decided ones as decided, the open ones
-- waiting for the department to sign for them (签收) and decide, as the reviewer's queue shows them
INSERT INTO application_review (application_id, department_code, responded_at, responded_by, decision, amount, reason, decided_by, decided_at)
SELECT a.id, d.code,
       CASE WHEN a.decided_at IS NOT NULL THEN a.dispatched_at + interval '2 hours' END,
       CASE WHEN a.decided_at IS NOT NULL THEN 'reviewer' END,
       CASE WHEN a.status = 'REJECTED' THEN 'REJECT' WHEN a.status IN ('APPROVED', 'PAID') THEN 'APPROVE' END,
       CASE WHEN a.status IN ('APPROVED', 'PAID') THEN a.approved_amount END,
       CASE WHEN a.decided_at IS NOT NULL THEN a.decision_reason END,
       CASE WHEN a.decided_at IS NOT NULL THEN 'reviewer' END, a.decided_at
FROM application a CROSS JOIN LATERAL unnest(a.departments) AS d(code) WHERE a.dispatched_at IS NOT NULL
ON CONFLICT DO NOTHING
--;
-- grants for approvals, with 公示 and payment times; unpaid old ones are overdue
INSERT INTO fund_grant (uscc, enterprise_name, region, item_code, item_name, period, year, amount, formula_amount, basis, route,
                        application_id, status, disclosure_from, disclosure_until, payable_at, pay_due_at, paid_at, created_by, created_at)
SELECT uscc, enterprise_name, region, item_code, item_name, period, period::int, approved_amount, estimate, '按政策公式核定', 'APPLICATION', id,
       CASE WHEN status = 'PAID' THEN 'PAID' WHEN decided_at > now() - interval '7 days' THEN 'DISCLOSING' ELSE 'PAYABLE' END,
       (decided_at AT TIME ZONE 'Asia/Shanghai')::date, (decided_at AT TIME ZONE 'Asia/Shanghai')::date + 7,
       CASE WHEN decided_at <= now() - interval '7 days' THEN decided_at + interval '7 days' END,
       CASE WHEN decided_at <= now() - interval '7 days' THEN decided_at + interval '8 days' END,
       paid_at, 'reviewer', decided_at
FROM application WHERE status IN ('APPROVED', 'PAID') AND approved_amount IS NOT NULL
--;
UPDATE application a SET grant_id = g.id FROM fund_grant g WHERE g.application_id = a.id AND a.grant_id IS NULL
--;
-- 免申即享: about one in seven of the eligible enterprises of each such item, granted by monthly runs and paid a week later
INSERT INTO fund_grant (uscc, enterprise_name, region, item_code, item_name, period, year, amount, formula_amount, basis, route,
                        status, disclosure_from, disclosure_until, payable_at, pay_due_at, paid_at, created_by, created_at)
WITH x AS MATERIALIZED (
      SELECT r.uscc, e.name, e.region, d.code, d.name AS item_name, round((least(d.cap, 30000) * (0.1 + random() * 0.5))::numeric, -2) AS amount,
             (date_trunc('month', (now() - random() * interval '355 days') AT TIME ZONE 'Asia/Shanghai') + interval '1 day 2 hours 1 minute')
                 AT TIME ZONE 'Asia/Shanghai' AS at
      FROM demo_match r JOIN enterprise e ON e.uscc = r.uscc JOIN demo_item d ON d.code = r.item_code
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
-- 好差评: most finished transactions rated, mostly satisfied
INSERT INTO service_rating (application_id, uscc, stars, comment, rated_at)
WITH x AS MATERIALIZED (SELECT a.*, random() AS r, random() AS keep FROM application a WHERE status IN ('PAID', 'REJECTED', 'REFUSED')
                        AND coalesce(paid_at, decided_at, accepted_at) < now() - interval '1 day')
SELECT id, uscc,
       CASE WHEN status = 'PAID' THEN CASE WHEN r < 0.58 THEN 5 WHEN r < 0.88 THEN 4 WHEN r < 0.96 THEN 3 WHEN r < 0.99 THEN 2 ELSE 1 END
            ELSE CASE WHEN r < 0.25 THEN 5 WHEN r < 0.5 THEN 4 WHEN r < 0.75 THEN 3 WHEN r < 0.9 THEN 2 ELSE 1 END END,
       CASE WHEN r < 0.3 THEN '办理很快，工作人员主动告知材料' WHEN r > 0.95 THEN '等待时间长，希望进度更透明' END,
       coalesce(paid_at, decided_at, accepted_at) + interval '1 day'
FROM x WHERE keep < 0.82
--;
-- 码上评 at the county halls and city departments, spread over the year
INSERT INTO unit_rating (unit_kind, unit_code, stars, aspects, comment, person, rated_on, rated_at)
WITH u AS MATERIALIZED (SELECT 'COUNTY' AS kind, code, (random() - 0.5) AS bias FROM region WHERE level = 'COUNTY'
                        UNION ALL SELECT 'DEPARTMENT', d.code, (random() - 0.5) FROM department d JOIN region r ON r.code = d.region_code
                        WHERE r.level = 'CITY' AND d.active),
     x AS MATERIALIZED (SELECT u.kind, u.code, n, (now() - random() * interval '360 days')::date AS day,
                               least(5, greatest(1, round(3.6 + u.bias + random() * 1.6)::int)) AS stars
                        FROM u, generate_series(1, 60) n)
SELECT kind, code, stars, CASE WHEN stars <= 3 THEN ARRAY['办事效率'] ELSE '{}' END, NULL, 'demo-visitor-' || n, day, day + interval '10 hours'
FROM x
ON CONFLICT DO NOTHING
--;
-- enterprise appeals: most answered in time and closed; some open, some late, some unresolved
INSERT INTO appeal (number, uscc, enterprise_name, region, kind, item_code, department_code, content, status, due_at, answer, answered_by,
                    answered_at, stars, resolved, submitted_at)
WITH x AS MATERIALIZED (SELECT a.uscc, a.enterprise_name AS name, a.region, a.item_code AS code, a.departments,
                               now() - random() * interval '355 days' AS at, random() AS r, random() AS pick
                        FROM application a ORDER BY md5(a.uscc || a.item_code) LIMIT 140)
SELECT 'SU-' || extract(year FROM at) || '-' || lpad((row_number() OVER (PARTITION BY extract(year FROM at) ORDER BY at))::text, 4, '0'),
       uscc, name, region, CASE WHEN r < 0.4 THEN 'COMPLAINT' ELSE 'REQUEST' END, code, departments[1],
       (ARRAY['申报后迟迟未收到审核结果，希望加快办理', '政策条件中的“研发投入”口径不清楚，请给出解释', '希望增加线上提交材料的渠道',
              '资金拨付账户变更后如何处理？', '窗口要求重复提交营业执照，能否通过数据共享免交'])[1 + floor(pick * 5)::int],
       CASE WHEN at > now() - interval '3 days' AND r < 0.5 THEN 'SUBMITTED' WHEN at > now() - interval '10 days' THEN 'DISPATCHED'
            WHEN r < 0.1 THEN 'ANSWERED' ELSE 'CLOSED' END,
       CASE WHEN at > now() - interval '3 days' AND r < 0.5 THEN NULL ELSE at + interval '7 days' END,
       CASE WHEN at <= now() - interval '10 days' THEN '已核实并答复：相关材料已通过数据共享获取，办理进度可在“我的申报”查看。' END,
       CASE WHEN at <= now() - interval '10 days' THEN 'reviewer' END,
       CASE WHEN at <= now() - interval '10 days' THEN at + CASE WHEN r > 0.85 THEN interval '9 days' ELSE interval '3 days' END END,
       CASE WHEN at <= now() - interval '10 days' AND r >= 0.1 THEN CASE WHEN r > 0.9 THEN 2 WHEN r > 0.6 THEN 4 ELSE 5 END END,
       CASE WHEN at <= now() - interval '10 days' AND r >= 0.1 THEN r <= 0.9 END,
       at
FROM x
--;
INSERT INTO problem_counter (prefix, last)
SELECT 'SU-' || extract(year FROM submitted_at), count(*) FROM appeal GROUP BY 1
ON CONFLICT (prefix) DO UPDATE SET last = greatest(problem_counter.last, excluded.last)
