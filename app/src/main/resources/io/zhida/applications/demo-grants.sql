-- Each approved demo application points at the grant the funds history made for it (working table demo_grant).
UPDATE application a SET grant_id = g.grant_id FROM demo_grant g WHERE g.application_id = a.id AND a.grant_id IS NULL
