-- App nodes: each holds the advisory lock (7342001, id) for its lifetime (see platform.Nodes), so the
-- database itself knows which nodes are alive and work left behind by a dead one can be recovered.
CREATE TABLE app_node (
    id         INT PRIMARY KEY,
    host       VARCHAR(200) NOT NULL,
    pid        BIGINT NOT NULL,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    seen_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION zhida_node_alive(node INT) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT node IS NOT NULL AND EXISTS (SELECT 1 FROM pg_locks
        WHERE locktype = 'advisory' AND classid = 7342001 AND objid = node::oid AND objsubid = 2 AND granted)
$$;

-- Events a listener has already handled (platform.ProcessedEvents), so a redelivery after a crash changes nothing.
CREATE TABLE processed_event (
    listener     VARCHAR(80) NOT NULL,
    event_key    VARCHAR(120) NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (listener, event_key)
);
CREATE INDEX processed_event_age ON processed_event (processed_at);
