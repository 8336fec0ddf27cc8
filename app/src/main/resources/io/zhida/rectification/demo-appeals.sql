-- The demo city's enterprise appeals, drawn from its applications (working table demo_application): most answered
-- in time and closed; some open, some late, some unresolved. Writes only the rectification module's tables.
-- enterprise appeals: most answered in time and closed; some open, some late, some unresolved
INSERT INTO appeal (number, uscc, enterprise_name, region, kind, item_code, department_code, content, status, due_at, answer, answered_by,
                    answered_at, stars, resolved, submitted_at)
WITH x AS MATERIALIZED (SELECT a.uscc, a.enterprise_name AS name, a.region, a.item_code AS code, a.departments,
                               now() - random() * interval '355 days' AS at, random() AS r, random() AS pick
                        FROM demo_application a ORDER BY md5(a.uscc || a.item_code) LIMIT 140)
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

