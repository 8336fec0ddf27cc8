-- catalog publishes, for supervision (纪检监察): who wrote and who reviewed each version of an item.
CREATE VIEW item_author_facts AS
SELECT i.code AS item_code, v.version, v.name, v.author, v.reviewed_by, v.published_at
FROM policy_item_version v JOIN policy_item i ON i.id = v.item_id;
COMMENT ON VIEW item_author_facts IS 'catalog: the author and reviewer of each version of a policy item';
