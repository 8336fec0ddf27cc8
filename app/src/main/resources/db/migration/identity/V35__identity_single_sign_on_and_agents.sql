-- identity: accounts signed in through the province's unified identity service, and the 经办人 an enterprise's
-- 法定代表人 authorizes
ALTER TABLE app_user ADD COLUMN person_key CHAR(64) UNIQUE; -- SHA-256 of the provider's issuer and subject

CREATE TABLE enterprise_agent (
    id              BIGSERIAL PRIMARY KEY,
    uscc            CHAR(18)     NOT NULL,
    kind            VARCHAR(10)  NOT NULL CHECK (kind IN ('LEGAL_REP', 'AGENT')),
    person_name     VARCHAR(50)  NOT NULL,
    id_number_hash  CHAR(64),                 -- SHA-256 of the 经办人's 身份证号: matched at sign-in, never shown
    id_number_shown VARCHAR(20),              -- masked, e.g. 5101**********1234
    user_id         BIGINT REFERENCES app_user (id),
    authorized_by   BIGINT REFERENCES app_user (id),
    authorized_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    withdrawn_at    TIMESTAMPTZ
);
CREATE INDEX enterprise_agent_uscc ON enterprise_agent (uscc);
CREATE UNIQUE INDEX enterprise_agent_active_person ON enterprise_agent (uscc, id_number_hash) WHERE withdrawn_at IS NULL;
