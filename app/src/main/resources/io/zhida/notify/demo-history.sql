-- The demo city's pushes spread over the year, read within three days by about 70% in the districts and 50% in the
-- counties. Reads the working table demo_enterprise (uscc, name, region); writes only notify's own tables.
UPDATE inbox_message SET created_at = now() - interval '1 day' - random() * interval '360 days'
--;
-- a 政策包 belongs to the day it was created on
UPDATE inbox_message SET bundle_day = (created_at AT TIME ZONE 'Asia/Shanghai')::date WHERE bundle_day IS NOT NULL
--;
UPDATE inbox_message m SET delivered_at = m.created_at + interval '2 minutes',
       read_at = CASE WHEN random() < CASE WHEN e.region IN ('519902', '519903', '519904') THEN 0.72 ELSE 0.50 END
                      THEN least(now(), m.created_at + random() * interval '72 hours') END
FROM demo_enterprise e WHERE e.uscc = m.uscc
