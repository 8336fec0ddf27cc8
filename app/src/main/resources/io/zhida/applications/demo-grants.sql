-- Each approved demo application points at the grant the funds history made for it (working table demo_grant).
UPDATE application a SET grant_id = g.grant_id FROM demo_grant g WHERE g.application_id = a.id AND a.grant_id IS NULL
--;
-- the payment time limit waits while the enterprise has not confirmed a receiving account, as it does for a live grant
UPDATE application_task t SET paused_at = t.started_at
FROM demo_grant g WHERE g.application_id = t.application_id AND g.waiting_for_account AND t.kind = 'PAY' AND t.done_at IS NULL
