-- Older problems on the demo city's ledger have moved on: measures, reports with evidence, re-checks.
UPDATE problem SET status = 'IN_PROGRESS', measures = '已制定整改方案，明确责任人和时间节点'
WHERE status = 'OPEN' AND id % 3 <> 0
--;
UPDATE problem SET status = 'DONE', evidence = '已完成整改：优化办理流程并回访企业，佐证材料已归档', done_at = created_at + interval '9 days'
WHERE status = 'IN_PROGRESS' AND id % 2 = 0 AND created_at + interval '9 days' < now()
--;
UPDATE problem SET status = 'CHECKED', checked_at = done_at + interval '5 days' WHERE status = 'DONE' AND id % 4 = 0 AND done_at + interval '5 days' < now()
--;
INSERT INTO problem_event (problem_id, step, note, actor, at)
SELECT id, 'STARTED', measures, 'demo', created_at + interval '2 days' FROM problem WHERE status IN ('IN_PROGRESS', 'DONE', 'CHECKED')
UNION ALL SELECT id, 'DONE', evidence, 'demo', done_at FROM problem WHERE done_at IS NOT NULL
UNION ALL SELECT id, 'CHECKED', '回头看：整改到位，销号', 'evaluator', checked_at FROM problem WHERE checked_at IS NOT NULL
