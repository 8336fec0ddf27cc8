-- The demo city's 帮办代办 over the past year, drawn from its applications (working table demo_application): about one
-- application in twelve went in through a 政策专员 of the centre, most rated; a few requests of the last days wait to be
-- dispatched or prepared. Writes only the assistance module's tables.
INSERT INTO assistance_request (number, uscc, enterprise_name, region, item_code, item_name, origin, note, contact_phone, status, agent,
                                dispatched_by, dispatched_at, accepted_at, prepared_at, application_id, application_number, submitted_at,
                                closed_at, stars, rating_comment, rated_at, created_by, created_at)
WITH x AS MATERIALIZED (
    SELECT a.*, p.number, p.submitted_at AS sub, random() AS r, random() AS q
    FROM demo_application a JOIN application_facts p ON p.id = a.id
    WHERE p.submitted_at < now() - interval '2 days' ORDER BY md5(a.uscc || a.item_code) LIMIT (SELECT count(*) / 12 FROM demo_application))
SELECT 'BB' || to_char(sub - interval '1 day', 'YYYYMMDD') || '-' || lpad((row_number() OVER (ORDER BY sub))::text, 5, '0'),
       uscc, enterprise_name, region, item_code, item_name, CASE WHEN r < 0.3 THEN 'OFFERED' ELSE 'ENTERPRISE' END,
       CASE WHEN r < 0.3 THEN '符合条件，专员主动上门服务' ELSE '第一次申报，材料不熟悉，请专员指导' END, NULL,
       CASE WHEN status IN ('PAID', 'REJECTED', 'REFUSED', 'WITHDRAWN') THEN 'DONE' ELSE 'SUBMITTED' END,
       CASE WHEN q < 0.55 THEN 'agent' ELSE 'agent2' END, 'clerk',
       sub - interval '26 hours', sub - interval '25 hours', sub - interval '2 hours', id, number, sub,
       CASE WHEN status IN ('PAID', 'REJECTED', 'REFUSED', 'WITHDRAWN') THEN coalesce(paid_at, decided_at, sub + interval '5 days') END,
       CASE WHEN r < 0.85 THEN CASE WHEN q > 0.92 THEN 3 WHEN q > 0.5 THEN 4 ELSE 5 END END,
       CASE WHEN r < 0.85 THEN (ARRAY['专员很专业，一次就把材料备齐了', '上门服务，省了很多事', '回复及时，讲解清楚', '整体满意'])[1 + floor(q * 4)::int] END,
       CASE WHEN r < 0.85 THEN sub + interval '1 day' END,
       CASE WHEN r < 0.3 THEN CASE WHEN q < 0.55 THEN 'agent' ELSE 'agent2' END ELSE '企业经办人' END, sub - interval '2 days'
FROM x
--;
-- the last days: waiting for the centre, or with a 专员
INSERT INTO assistance_request (number, uscc, enterprise_name, region, item_code, item_name, origin, note, contact_phone, status, agent,
                                dispatched_by, dispatched_at, accepted_at, created_by, created_at)
SELECT 'BB' || to_char(now(), 'YYYYMMDD') || '-9' || lpad(n::text, 4, '0'), e.uscc, e.name, e.region, i.code, i.name, 'ENTERPRISE',
       (ARRAY['想申请，但不清楚要准备哪些材料', '企业财务人手少，请帮忙准备', '去年申报被退回，这次想请专员把关'])[1 + n % 3],
       '1' || (3800000000 + n * 7919)::text,
       CASE WHEN n <= 4 THEN 'REQUESTED' WHEN n <= 6 THEN 'DISPATCHED' ELSE 'PREPARING' END,
       CASE WHEN n > 4 THEN 'agent' END, CASE WHEN n > 4 THEN 'clerk' END,
       CASE WHEN n > 4 THEN now() - interval '5 hours' END, CASE WHEN n > 6 THEN now() - interval '4 hours' END,
       '企业经办人', now() - n * interval '3 hours'
FROM generate_series(1, 8) n
JOIN LATERAL (SELECT m.uscc, m.item_code FROM demo_match m JOIN demo_item di ON di.code = m.item_code
              WHERE di.mode <> 'NO_APPLICATION' AND NOT EXISTS (SELECT 1 FROM demo_application a WHERE a.uscc = m.uscc AND a.item_code = m.item_code)
              ORDER BY md5(m.uscc || m.item_code || n) LIMIT 1) pick ON true
JOIN demo_enterprise e ON e.uscc = pick.uscc
JOIN demo_item i ON i.code = pick.item_code
ON CONFLICT DO NOTHING
--;
INSERT INTO assistance_event (request_id, at, actor, step, note)
SELECT id, created_at, created_by, CASE WHEN origin = 'OFFERED' THEN 'OFFERED' ELSE 'REQUESTED' END,
       CASE WHEN origin = 'OFFERED' THEN '政策专员主动提供帮办服务' ELSE '企业申请帮办：' || note END FROM assistance_request
UNION ALL SELECT id, dispatched_at, 'clerk', 'DISPATCHED', '派单给政策专员' FROM assistance_request WHERE dispatched_at IS NOT NULL AND origin = 'ENTERPRISE'
UNION ALL SELECT id, accepted_at, agent, 'ACCEPTED', '专员接单，开始准备申报材料' FROM assistance_request WHERE accepted_at IS NOT NULL
UNION ALL SELECT id, prepared_at, agent, 'PREPARED', '材料已备齐，请企业确认提交' FROM assistance_request WHERE prepared_at IS NOT NULL
UNION ALL SELECT id, submitted_at, '企业经办人', 'SUBMITTED', '企业确认并提交申报，申报编号 ' || application_number FROM assistance_request WHERE submitted_at IS NOT NULL
UNION ALL SELECT id, rated_at, '企业经办人', 'RATED', '企业评价 ' || stars || ' 星：' || rating_comment FROM assistance_request WHERE rated_at IS NOT NULL
