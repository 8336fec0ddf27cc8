-- The drill-down behind 知晓率 lists one item's announced pairs: find them without reading every announcement.
CREATE INDEX IF NOT EXISTS match_notice_item ON match_notice (item_code);
