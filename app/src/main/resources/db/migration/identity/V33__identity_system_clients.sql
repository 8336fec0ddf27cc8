-- identity: other government systems that call the API with their own credentials (OAuth2 client credentials)
CREATE TABLE system_client (
    id          BIGSERIAL PRIMARY KEY,
    client_id   VARCHAR(64)  NOT NULL UNIQUE,
    name        VARCHAR(100) NOT NULL,
    secret_hash CHAR(64)     NOT NULL,
    scopes      TEXT[]       NOT NULL,
    enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
COMMENT ON TABLE system_client IS 'identity: a system registered by an administrator; only a SHA-256 of its secret is kept';

CREATE TABLE client_token (
    token_hash CHAR(64)    PRIMARY KEY,
    client     BIGINT      NOT NULL REFERENCES system_client (id) ON DELETE CASCADE,
    scopes     TEXT[]      NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX client_token_expiry ON client_token (expires_at);
