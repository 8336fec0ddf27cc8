-- 码上评 at the county halls and city departments (working table demo_unit: kind, code), spread over the year.
-- Writes only the evaluation module's tables.
-- 码上评 at the county halls and city departments, spread over the year
INSERT INTO unit_rating (unit_kind, unit_code, stars, aspects, comment, person, rated_on, rated_at)
WITH u AS MATERIALIZED (SELECT kind, code, (random() - 0.5) AS bias FROM demo_unit),
     x AS MATERIALIZED (SELECT u.kind, u.code, n, (now() - random() * interval '360 days')::date AS day,
                               least(5, greatest(1, round(3.6 + u.bias + random() * 1.6)::int)) AS stars
                        FROM u, generate_series(1, 60) n)
SELECT kind, code, stars, CASE WHEN stars <= 3 THEN ARRAY['办事效率'] ELSE '{}' END, NULL, 'demo-visitor-' || n, day, day + interval '10 hours'
FROM x
ON CONFLICT DO NOTHING
