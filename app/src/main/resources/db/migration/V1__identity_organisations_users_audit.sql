-- Regions (GB/T 2260) and departments: the organisations people belong to.
CREATE TABLE region (
    code        CHAR(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
    name        VARCHAR(50) NOT NULL,
    parent_code CHAR(6) REFERENCES region (code),
    level       VARCHAR(10) NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY'))
);

CREATE TABLE department (
    id          BIGSERIAL PRIMARY KEY,
    code        VARCHAR(40) NOT NULL UNIQUE,
    name        VARCHAR(100) NOT NULL,
    region_code CHAR(6) NOT NULL REFERENCES region (code),
    kind        VARCHAR(20) NOT NULL CHECK (kind IN ('GOVERNMENT', 'SERVICE_CENTER', 'UTILITY')),
    active      BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX department_region ON department (region_code);

-- People. enterprise_uscc binds an enterprise user to one enterprise (no foreign key: another module's table).
CREATE TABLE app_user (
    id              BIGSERIAL PRIMARY KEY,
    username        VARCHAR(50) NOT NULL UNIQUE,
    display_name    VARCHAR(100) NOT NULL,
    password_hash   VARCHAR(200) NOT NULL,
    region_code     CHAR(6) REFERENCES region (code),
    department_id   BIGINT REFERENCES department (id),
    enterprise_uscc CHAR(18),
    phone           VARCHAR(20),
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    failed_logins   INT NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE user_role (
    user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    VARCHAR(30) NOT NULL CHECK (role IN ('ENTERPRISE', 'CLERK', 'REVIEWER', 'DEPT_HEAD', 'FINANCE',
                                                 'AUTHOR', 'EVALUATOR', 'LEADER', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);

-- Bearer tokens for API clients; only a SHA-256 of the token is kept.
CREATE TABLE api_token (
    token_hash CHAR(64) PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    issued_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX api_token_expiry ON api_token (expires_at);

-- Append-only audit log: who, when, what, before and after.
CREATE TABLE audit_log (
    id           BIGSERIAL PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor        VARCHAR(50) NOT NULL,
    action       VARCHAR(60) NOT NULL,
    subject_type VARCHAR(40) NOT NULL,
    subject_id   VARCHAR(80),
    summary      TEXT,
    before_state JSONB,
    after_state  JSONB
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_subject ON audit_log (subject_type, subject_id);
CREATE INDEX audit_log_actor ON audit_log (actor);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_change
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
