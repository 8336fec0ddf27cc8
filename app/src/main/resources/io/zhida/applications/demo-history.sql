-- The demo city's year of applications at every stage, with their timelines, time-limit tasks and reviews, and the
-- ratings of finished ones. Reads the working tables demo_match (uscc, item_code), demo_enterprise (uscc, name,
-- region), demo_item (code, version, name, mode, departments, cap, budget) and demo_reviewing_department (code);
-- writes only the applications module's tables, and leaves demo_application for the modules that follow.
-- applications: about 3% of eligible pairs of items that take applications
CREATE TEMP TABLE demo_app ON COMMIT DROP AS
SELECT r.uscc, e.name, e.region, d.code, d.version, d.name AS item_name, d.mode, d.departments,
       round((d.cap * (0.2 + random() * 0.8))::numeric, -2) AS estimate,
       now() - interval '3 days' - random() * interval '357 days' AS submitted_at, random() AS fate, 0.3 + random() AS speed,
       random() AS late
FROM demo_match r JOIN demo_enterprise e ON e.uscc = r.uscc JOIN demo_item d ON d.code = r.item_code
WHERE d.mode <> 'NO_APPLICATION' AND random() < 0.03
--;
ALTER TABLE demo_app ADD COLUMN status TEXT, ADD COLUMN accepted_at TIMESTAMPTZ, ADD COLUMN dispatched_at TIMESTAMPTZ,
    ADD COLUMN decided_at TIMESTAMPTZ, ADD COLUMN paid_at TIMESTAMPTZ
--;
UPDATE demo_app SET status = CASE
    WHEN submitted_at > now() - interval '25 days' THEN CASE WHEN fate < 0.15 THEN 'SUBMITTED' WHEN fate < 0.22 THEN 'RETURNED'
        WHEN fate < 0.35 THEN 'ACCEPTED'
        -- open reviews only where the demo has a reviewer to sign for them; other departments' recent ones are decided
        WHEN fate < 0.70 THEN CASE WHEN EXISTS (SELECT 1 FROM demo_reviewing_department r WHERE r.code = ANY(departments))
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
UPDATE application SET number = 'SQ' || to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(id::text, greatest(6, length(id::text)), '0')
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
-- what the funds, rectification and evaluation histories build on
CREATE TEMP TABLE demo_application ON COMMIT DROP AS
SELECT id, uscc, enterprise_name, region, item_code, item_name, departments, period, status, estimate, approved_amount,
       accepted_at, decided_at, paid_at
FROM application
