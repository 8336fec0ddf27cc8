-- The same cells summed by month: long periods read whole months here and only their ragged edges by day.
CREATE TABLE cockpit_month (LIKE cockpit_fact INCLUDING DEFAULTS);
ALTER TABLE cockpit_month RENAME COLUMN day TO month;
ALTER TABLE cockpit_month ADD PRIMARY KEY (month, item_code, region, industry, size);

-- The same again by one dimension at a time (county, industry, size, item), by day (D) and by month (M):
-- the unfiltered city view — the one leaders open first — reads a few thousand rows instead of the cube.
CREATE TABLE cockpit_slice (
    grain          CHAR(1) NOT NULL CHECK (grain IN ('D', 'M')),
    period         DATE NOT NULL,
    dim            VARCHAR(10) NOT NULL,
    key            VARCHAR(40) NOT NULL,
    matched        BIGINT NOT NULL DEFAULT 0,
    read           BIGINT NOT NULL DEFAULT 0,
    submitted      BIGINT NOT NULL DEFAULT 0,
    approved       BIGINT NOT NULL DEFAULT 0,
    declined       BIGINT NOT NULL DEFAULT 0,
    decided_days   BIGINT NOT NULL DEFAULT 0,
    granted        BIGINT NOT NULL DEFAULT 0,
    granted_amount NUMERIC(18, 2) NOT NULL DEFAULT 0,
    no_app_granted BIGINT NOT NULL DEFAULT 0,
    no_app_amount  NUMERIC(18, 2) NOT NULL DEFAULT 0,
    paid           BIGINT NOT NULL DEFAULT 0,
    paid_on_time   BIGINT NOT NULL DEFAULT 0,
    paid_amount    NUMERIC(18, 2) NOT NULL DEFAULT 0,
    ratings        BIGINT NOT NULL DEFAULT 0,
    satisfied      BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, period, dim, key)
);
