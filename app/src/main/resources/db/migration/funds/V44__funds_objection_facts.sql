-- funds publishes, for supervision (纪检监察): each objection raised during 公示 and how it ended.
CREATE VIEW objection_facts AS
SELECT o.id, o.grant_id, o.reason, o.status, o.answer, o.answered_by, o.created_at, o.answered_at
FROM disclosure_objection o;
COMMENT ON VIEW objection_facts IS 'funds: each 公示 objection with its answer';
