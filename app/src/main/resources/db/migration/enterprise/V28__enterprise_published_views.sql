-- enterprise publishes, for the other modules' lists and reports: who an enterprise is (name and county).
-- Other modules read enterprises only through this view or the Java API (TableOwnershipTest).
CREATE VIEW enterprise_facts AS SELECT uscc, name, region FROM enterprise;
COMMENT ON VIEW enterprise_facts IS 'enterprise: each enterprise''s name and county, for other modules to read';
