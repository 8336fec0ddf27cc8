-- 知晓率's counts as they happen (evaluation.internal.AwarenessCells): matches announced and announcements read,
-- per day, item and county. The rates page sums a few thousand rows instead of reading every announced pair.
CREATE TABLE awareness_cell (
    day       DATE NOT NULL,
    item_code VARCHAR(40) NOT NULL,
    region    VARCHAR(6) NOT NULL DEFAULT '',
    announced INT NOT NULL DEFAULT 0,
    knew      INT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, item_code, region)
);
