-- enterprise publishes whether an enterprise is on the dishonest list (失信), for supervision of grants.
CREATE OR REPLACE VIEW enterprise_facts AS SELECT uscc, name, region, dishonest FROM enterprise;
