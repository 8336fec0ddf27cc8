-- applications publishes, for supervision (纪检监察): the estimate and rule version of each application, and who decided
-- (and, under four eyes, who confirmed) each department's part.
CREATE OR REPLACE VIEW application_facts AS
SELECT id, number, uscc, enterprise_name, region, item_code, status, submitted_at, accepted_at, decided_at, paid_at, approved_amount,
       estimate, item_version, item_name
FROM application;

CREATE VIEW application_decision_facts AS
SELECT r.application_id, r.department_code, r.decision, r.amount, r.decided_by, r.confirmed_by, r.decided_at
FROM application_review r WHERE r.decision IS NOT NULL;
COMMENT ON VIEW application_decision_facts IS 'applications: each department''s decision on an application, by whom';
