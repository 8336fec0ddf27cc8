-- New matches announced by reference: each chunk of new (enterprise, item) pairs is kept here, compressed,
-- and the MatchesFound event names its row. Events stay a few bytes whatever a province's first match brings,
-- and a restart replays references instead of gigabytes of event JSON. Kept for 14 days (redelivery window).
CREATE TABLE match_news (
    id          bigserial PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT now(),
    enterprises int         NOT NULL,
    pairs       int         NOT NULL,
    body        bytea       NOT NULL
);
CREATE INDEX match_news_created ON match_news (created_at);
