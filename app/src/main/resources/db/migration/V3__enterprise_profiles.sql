-- Enterprise profiles (一企一档) in the names of the enterprise data standard v1. NULL = not held.
CREATE TABLE enterprise (
    uscc                        CHAR(18) PRIMARY KEY,
    name                        VARCHAR(200) NOT NULL,
    entity_type                 VARCHAR(40),
    status                      VARCHAR(10),
    founded                     DATE,
    registered_capital          NUMERIC(18, 2),
    region                      CHAR(6) NOT NULL,
    industry                    VARCHAR(5) NOT NULL CHECK (industry ~ '^[A-T][0-9]{0,4}$'),
    employees                   INT CHECK (employees >= 0),
    revenue                     NUMERIC(18, 2),
    revenue_prev                NUMERIC(18, 2),
    total_assets                NUMERIC(18, 2),
    tax_paid                    NUMERIC(18, 2),
    rd_expense                  NUMERIC(18, 2),
    export_value                NUMERIC(18, 2),
    insured_employees           INT CHECK (insured_employees >= 0),
    unemployment_insurance_paid NUMERIC(18, 2),
    layoffs                     INT CHECK (layoffs >= 0),
    youth_hires                 INT CHECK (youth_hires >= 0),
    qualifications              TEXT[] NOT NULL DEFAULT '{}',
    hitech_certified            DATE,
    tax_credit_rating           VARCHAR(1) CHECK (tax_credit_rating IN ('A', 'B', 'M', 'C', 'D')),
    dishonest                   BOOLEAN,
    tags                        TEXT[] NOT NULL DEFAULT '{}',
    contact_phone               VARCHAR(20),
    updated_at                  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX enterprise_region ON enterprise (region);
CREATE INDEX enterprise_industry ON enterprise (industry);
CREATE INDEX enterprise_name ON enterprise (name);
