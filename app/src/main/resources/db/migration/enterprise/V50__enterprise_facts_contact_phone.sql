-- enterprise publishes the enterprise's contact phone, for the call-back centre (回访) to call it.
CREATE OR REPLACE VIEW enterprise_facts AS SELECT uscc, name, region, dishonest, contact_phone FROM enterprise;
