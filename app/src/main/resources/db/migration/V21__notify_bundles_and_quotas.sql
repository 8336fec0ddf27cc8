-- Push at scale: one 政策包 per enterprise and business day, and SMS/e-mail sent within per-channel limits
-- (a rate per minute, a daily quota, quiet hours) that hold for the whole cluster.

-- The business day (Asia/Shanghai) of a 政策包; null for messages that announce no policy. Earlier messages
-- stay null: they are not bundles, and the next match starts one.
ALTER TABLE inbox_message ADD COLUMN bundle_day DATE;
-- At most one open (unread) 政策包 per enterprise and day: later matches of the day join it, and two
-- deliveries at once meet on this key instead of starting two. Once read, the next match starts a new one.
CREATE UNIQUE INDEX inbox_message_open_bundle ON inbox_message (uscc, bundle_day)
    WHERE read_at IS NULL AND bundle_day IS NOT NULL;

-- due_at: not before this instant (the time it was queued, or the next try after a failure).
-- bulk: a 政策包 push, sent after one-off notices (a decision, a survey link) so a flood never holds those up.
ALTER TABLE outbound_message ADD COLUMN due_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                             ADD COLUMN bulk BOOLEAN NOT NULL DEFAULT false;
-- The queue each channel's dispatcher reads, in sending order; five failed attempts leave it.
CREATE INDEX outbound_message_queue ON outbound_message (channel, bulk, id) WHERE delivered_at IS NULL AND attempts < 5;
DROP INDEX outbound_message_pending;

-- What each channel handed to its provider per minute and per business day: the counts every node's
-- dispatcher checks (under a per-channel lock) before it sends, so the limits hold for the cluster.
CREATE TABLE outbound_usage (
    channel   VARCHAR(10) NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    span      VARCHAR(6) NOT NULL CHECK (span IN ('MINUTE', 'DAY')),
    starts_at TIMESTAMPTZ NOT NULL,
    sent      INT NOT NULL CHECK (sent >= 0),
    PRIMARY KEY (channel, span, starts_at)
);
