-- rectification: 诉求 that other systems hand over (the 12345 hotline), with the system and its own reference number
ALTER TABLE appeal ADD COLUMN source_client VARCHAR(64);  -- the system client's id; null for an enterprise's own appeal
ALTER TABLE appeal ADD COLUMN source_name VARCHAR(100);
ALTER TABLE appeal ADD COLUMN source_ref VARCHAR(60);
CREATE UNIQUE INDEX appeal_source_ref ON appeal (source_client, source_ref) WHERE source_ref IS NOT NULL;
