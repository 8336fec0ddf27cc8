-- identity: an enterprise's 法定代表人 authorizes another system (a 帮办 service, the provincial platform) to apply for it
CREATE TABLE enterprise_system_grant (
    id            BIGSERIAL PRIMARY KEY,
    uscc          CHAR(18)    NOT NULL,
    client        BIGINT      NOT NULL REFERENCES system_client (id),
    authorized_by BIGINT      NOT NULL REFERENCES app_user (id),
    authorized_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    withdrawn_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX enterprise_system_grant_active ON enterprise_system_grant (uscc, client) WHERE withdrawn_at IS NULL;
