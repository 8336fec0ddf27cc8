-- The cockpit's read model: kept up to date by domain events (applications, grants, matches, reads,
-- ratings) and rebuilt from the records when empty or on demand. The cockpit never scans the records.

-- Who an enterprise is for the cockpit's filters: county, industry section (GB/T 4754 letter), size class.
CREATE TABLE cockpit_enterprise (
    uscc     CHAR(18) PRIMARY KEY,
    region   CHAR(6) NOT NULL,
    industry CHAR(1) NOT NULL,
    size     VARCHAR(4) NOT NULL
);

CREATE TABLE cockpit_item (
    item_code   VARCHAR(40) PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    departments TEXT[] NOT NULL,
    themes      TEXT[] NOT NULL,
    mode        VARCHAR(20) NOT NULL,
    online      BOOLEAN NOT NULL
);

-- What happened on a day, per item and kind of enterprise. Flows only: a thing is counted on the day it happened.
CREATE TABLE cockpit_fact (
    day             DATE NOT NULL,
    item_code       VARCHAR(40) NOT NULL,
    region          CHAR(6) NOT NULL,
    industry        CHAR(1) NOT NULL,
    size            VARCHAR(4) NOT NULL,
    matched         BIGINT NOT NULL DEFAULT 0,
    read            BIGINT NOT NULL DEFAULT 0,
    submitted       BIGINT NOT NULL DEFAULT 0,
    approved        BIGINT NOT NULL DEFAULT 0,
    declined        BIGINT NOT NULL DEFAULT 0,
    decided_days    BIGINT NOT NULL DEFAULT 0,
    granted         BIGINT NOT NULL DEFAULT 0,
    granted_amount  NUMERIC(18, 2) NOT NULL DEFAULT 0,
    no_app_granted  BIGINT NOT NULL DEFAULT 0,
    no_app_amount   NUMERIC(18, 2) NOT NULL DEFAULT 0,
    paid            BIGINT NOT NULL DEFAULT 0,
    paid_on_time    BIGINT NOT NULL DEFAULT 0,
    paid_amount     NUMERIC(18, 2) NOT NULL DEFAULT 0,
    ratings         BIGINT NOT NULL DEFAULT 0,
    satisfied       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, item_code, region, industry, size)
);

-- Applications by current stage, per item and kind of enterprise.
CREATE TABLE cockpit_stage (
    item_code VARCHAR(40) NOT NULL,
    region    CHAR(6) NOT NULL,
    industry  CHAR(1) NOT NULL,
    size      VARCHAR(4) NOT NULL,
    status    VARCHAR(12) NOT NULL,
    n         BIGINT NOT NULL,
    PRIMARY KEY (item_code, region, industry, size, status)
);
