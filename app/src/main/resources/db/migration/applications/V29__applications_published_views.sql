-- applications publishes, for the cockpit and the evaluation: what happened to each application, its ratings and its
-- time-limit tasks. Other modules read these views, never the tables behind them (TableOwnershipTest).
CREATE VIEW application_facts AS
SELECT id, number, uscc, enterprise_name, region, item_code, status, submitted_at, accepted_at, decided_at, paid_at, approved_amount
FROM application;
COMMENT ON VIEW application_facts IS 'applications: each application''s state and dates, for other modules to read';

CREATE VIEW service_rating_facts AS
SELECT r.application_id, r.stars, r.rated_at, a.number, a.uscc, a.enterprise_name, a.region, a.item_code
FROM service_rating r JOIN application a ON a.id = r.application_id;
COMMENT ON VIEW service_rating_facts IS 'applications: each 好差评 of a finished application, with its item and county';

CREATE VIEW application_task_facts AS
SELECT t.application_id, t.kind, t.department_code, a.region, t.started_at, t.due_at, t.done_at
FROM application_task t JOIN application a ON a.id = t.application_id;
COMMENT ON VIEW application_task_facts IS 'applications: each time-limit task (window, decision, payment) with its due and done times';
