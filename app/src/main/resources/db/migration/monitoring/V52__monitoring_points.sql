-- monitoring (监测点、监督员): registered monitoring points — chambers of commerce, associations, enterprises, offices outside
-- the city — each with its supervisor, who submits observations and complaints; the evaluation office puts them on the
-- ledger with a responsible unit or dismisses them with a reason; each point's activity is visible.
CREATE TABLE monitoring_point (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(12)  NOT NULL CHECK (kind IN ('CHAMBER', 'ASSOCIATION', 'ENTERPRISE', 'OUTSIDE')),
    region      VARCHAR(6),
    supervisor  VARCHAR(50)  NOT NULL,
    contact     VARCHAR(100),
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_by  VARCHAR(50)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX monitoring_point_supervisor ON monitoring_point (supervisor) WHERE active;

CREATE TABLE monitoring_observation (
    id              BIGSERIAL PRIMARY KEY,
    point_id        BIGINT       NOT NULL REFERENCES monitoring_point (id),
    author          VARCHAR(50)  NOT NULL,
    kind            VARCHAR(12)  NOT NULL CHECK (kind IN ('OBSERVATION', 'COMPLAINT')),
    content         TEXT         NOT NULL,
    department_code VARCHAR(40),
    status          VARCHAR(10)  NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'DISMISSED')),
    reply           TEXT,
    problem_id      BIGINT,
    handled_by      VARCHAR(50),
    handled_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_observation_point ON monitoring_observation (point_id, created_at);
CREATE INDEX monitoring_observation_status ON monitoring_observation (status, created_at);
