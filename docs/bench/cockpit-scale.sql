-- Fills the cockpit's read model as a province-sized city would have it after a year: 1,000,000 enterprises,
-- about 8 million policy matches and 200,000 applications spread over 365 days, 45 items, 7 counties,
-- 20 industry sections and 4 size classes (about 2.8 million day cells). Run against a throw-away database
-- (psql -f), then time GET /cockpit and GET /api/v1/cockpit/summary; docs/cockpit.md has the figures.
SELECT setseed(0.7);
TRUNCATE cockpit_enterprise, cockpit_fact, cockpit_stage;
INSERT INTO cockpit_enterprise (uscc, region, industry, size)
SELECT 'S' || lpad(g::text, 17, '0'), (ARRAY['519902', '519903', '519904', '519921', '519922', '519923', '519981'])[1 + g % 7],
       chr(65 + (g % 20)), (ARRAY['大型', '中型', '小型', '微型'])[1 + (g / 7) % 4]
FROM generate_series(1, 1000000) g;
INSERT INTO cockpit_fact (day, item_code, region, industry, size, matched, read, submitted, approved, declined, decided_days,
                          granted, granted_amount, no_app_granted, no_app_amount, paid, paid_on_time, paid_amount, ratings, satisfied)
SELECT d, item_code, r, ind, sz, m, (m * 0.6)::int, s, (s * 0.8)::int, (s * 0.1)::int, s * 6, s, s * 48000, 0, 0, (s * 0.8)::int,
       (s * 0.75)::int, s * 40000, (s * 0.7)::int, (s * 0.6)::int
FROM (SELECT d, i.item_code, r, ind, sz, (random() * 6)::int AS m, (random() < 0.072)::int AS s
      FROM (SELECT day::date AS d FROM generate_series(current_date - 364, current_date, interval '1 day') day) days,
           (SELECT item_code FROM cockpit_item ORDER BY item_code LIMIT 45) i,
           unnest(ARRAY['519902', '519903', '519904', '519921', '519922', '519923', '519981']) r,
           (SELECT chr(65 + n) AS ind FROM generate_series(0, 19) n) inds,
           unnest(ARRAY['大型', '中型', '小型', '微型']) sz
      WHERE random() < 0.3) x;
INSERT INTO cockpit_stage (item_code, region, industry, size, status, n)
SELECT item_code, region, industry, size, 'PAID', sum(paid) FROM cockpit_fact GROUP BY 1, 2, 3, 4;
ANALYZE cockpit_enterprise;
ANALYZE cockpit_fact;
ANALYZE cockpit_stage;
SELECT (SELECT count(*) FROM cockpit_enterprise) AS enterprises, (SELECT count(*) FROM cockpit_fact) AS cells,
       (SELECT sum(matched) FROM cockpit_fact) AS matched, (SELECT sum(submitted) FROM cockpit_fact) AS applications;
TRUNCATE cockpit_month;
INSERT INTO cockpit_month (month, item_code, region, industry, size, matched, read, submitted, approved, declined, decided_days, granted,
                           granted_amount, no_app_granted, no_app_amount, paid, paid_on_time, paid_amount, ratings, satisfied)
SELECT date_trunc('month', day)::date, item_code, region, industry, size, sum(matched), sum(read), sum(submitted), sum(approved), sum(declined),
       sum(decided_days), sum(granted), sum(granted_amount), sum(no_app_granted), sum(no_app_amount), sum(paid), sum(paid_on_time),
       sum(paid_amount), sum(ratings), sum(satisfied)
FROM cockpit_fact GROUP BY 1, 2, 3, 4, 5;
ANALYZE cockpit_month;
SELECT count(*) AS monthly_cells FROM cockpit_month;

TRUNCATE cockpit_slice;
INSERT INTO cockpit_slice (grain, period, dim, key, matched, read, submitted, approved, declined, decided_days, granted, granted_amount, no_app_granted, no_app_amount, paid, paid_on_time, paid_amount, ratings, satisfied) SELECT 'D', day, 'region', region, sum(matched), sum(read), sum(submitted), sum(approved), sum(declined), sum(decided_days), sum(granted), sum(granted_amount), sum(no_app_granted), sum(no_app_amount), sum(paid), sum(paid_on_time), sum(paid_amount), sum(ratings), sum(satisfied) FROM cockpit_fact GROUP BY day, region;
INSERT INTO cockpit_slice (grain, period, dim, key, matched, read, submitted, approved, declined, decided_days, granted, granted_amount, no_app_granted, no_app_amount, paid, paid_on_time, paid_amount, ratings, satisfied) SELECT 'M', month, 'region', region, sum(matched), sum(read), sum(submitted), sum(approved), sum(declined), sum(decided_days), sum(granted), sum(granted_amount), sum(no_app_granted), sum(no_app_amount), sum(paid), sum(paid_on_time), sum(paid_amount), sum(ratings), sum(satisfied) FROM cockpit_month GROUP BY month, region;
INSERT INTO cockpit_slice (grain, period, dim, key, matched, read, submitted, approved, declined, decided_days, granted, granted_amount, no_app_granted, no_app_amount, paid, paid_on_time, paid_amount, ratings, satisfied) SELECT 'D', day, 'industry', industry, sum(matched), sum(read), sum(submitted), sum(approved), sum(declined), sum(decided_days), sum(granted), sum(granted_amount), sum(no_app_granted), sum(no_app_amount), sum(paid), sum(paid_on_time), sum(paid_amount), sum(ratings), sum(satisfied) FROM cockpit_fact GROUP BY day, industry;
INSERT INTO cockpit_slice (grain, period, dim, key, matched, read, submitted, approved, declined, decided_days, granted, granted_amount, no_app_granted, no_app_amount, paid, paid_on_time, paid_amount, ratings, satisfied) SELECT 'M', month, 'industry', industry, sum(matched), sum(read), sum(submitted), sum(approved), sum(declined), sum(decided_days), sum(granted), sum(granted_amount), sum(no_app_granted), sum(no_app_amount), sum(paid), sum(paid_on_time), sum(paid_amount), sum(ratings), sum(satisfied) FROM cockpit_month GROUP BY month, industry;
INSERT INTO cockpit_slice (grain, period, dim, key, matched, read, submitted, approved, declined, decided_days, granted, granted_amount, no_app_granted, no_app_amount, paid, paid_on_time, paid_amount, ratings, satisfied) SELECT 'D', day, 'size', size, sum(matched), sum(read), sum(submitted), sum(approved), sum(declined), sum(decided_days), sum(granted), sum(granted_amount), sum(no_app_granted), sum(no_app_amount), sum(paid), sum(paid_on_time), sum(paid_amount), sum(ratings), sum(satisfied) FROM cockpit_fact GROUP BY day, size;
INSERT INTO cockpit_slice (grain, period, dim, key, matched, read, submitted, approved, declined, decided_days, granted, granted_amount, no_app_granted, no_app_amount, paid, paid_on_time, paid_amount, ratings, satisfied) SELECT 'M', month, 'size', size, sum(matched), sum(read), sum(submitted), sum(approved), sum(declined), sum(decided_days), sum(granted), sum(granted_amount), sum(no_app_granted), sum(no_app_amount), sum(paid), sum(paid_on_time), sum(paid_amount), sum(ratings), sum(satisfied) FROM cockpit_month GROUP BY month, size;
INSERT INTO cockpit_slice (grain, period, dim, key, matched, read, submitted, approved, declined, decided_days, granted, granted_amount, no_app_granted, no_app_amount, paid, paid_on_time, paid_amount, ratings, satisfied) SELECT 'D', day, 'item_code', item_code, sum(matched), sum(read), sum(submitted), sum(approved), sum(declined), sum(decided_days), sum(granted), sum(granted_amount), sum(no_app_granted), sum(no_app_amount), sum(paid), sum(paid_on_time), sum(paid_amount), sum(ratings), sum(satisfied) FROM cockpit_fact GROUP BY day, item_code;
INSERT INTO cockpit_slice (grain, period, dim, key, matched, read, submitted, approved, declined, decided_days, granted, granted_amount, no_app_granted, no_app_amount, paid, paid_on_time, paid_amount, ratings, satisfied) SELECT 'M', month, 'item_code', item_code, sum(matched), sum(read), sum(submitted), sum(approved), sum(declined), sum(decided_days), sum(granted), sum(granted_amount), sum(no_app_granted), sum(no_app_amount), sum(paid), sum(paid_on_time), sum(paid_amount), sum(ratings), sum(satisfied) FROM cockpit_month GROUP BY month, item_code;
ANALYZE cockpit_slice;
SELECT count(*) AS slices FROM cockpit_slice;
