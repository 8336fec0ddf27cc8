-- platform: Bucket4j token buckets (rate limits of logins and public forms), shared by every app node.
-- The library reads and writes these columns itself: id = "<limit name>:<key>", state = its serialised
-- bucket, expires_at = epoch milliseconds after which a full bucket may be dropped.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(255) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expiry ON rate_limit_bucket (expires_at);

-- identity: failed logins per username (as typed, existing or not) and client address. The delay
-- grows with consecutive failures of the pair; it replaces the account lock any stranger could set.
CREATE TABLE login_failure (
    username        VARCHAR(100) NOT NULL,
    client_address  VARCHAR(64) NOT NULL,
    failures        INT NOT NULL,
    last_failure_at TIMESTAMPTZ NOT NULL,
    delayed_until   TIMESTAMPTZ,
    PRIMARY KEY (username, client_address)
);
CREATE INDEX login_failure_last ON login_failure (last_failure_at);

ALTER TABLE app_user DROP COLUMN failed_logins, DROP COLUMN locked_until;

-- funds: an objection is RECEIVED first and holds nothing; staff accept it for review (ACCEPTED: the
-- payout waits) or turn it down as UNFOUNDED with a reason; an accepted one ends UPHELD or DISMISSED.
-- Objections open before this migration held their payout, so they count as accepted.
ALTER TABLE disclosure_objection DROP CONSTRAINT disclosure_objection_status_check;
UPDATE disclosure_objection SET status = 'ACCEPTED' WHERE status = 'OPEN';
ALTER TABLE disclosure_objection
    ALTER COLUMN status SET DEFAULT 'RECEIVED',
    ADD CONSTRAINT disclosure_objection_status_check
        CHECK (status IN ('RECEIVED', 'ACCEPTED', 'UNFOUNDED', 'UPHELD', 'DISMISSED')),
    ADD COLUMN contact_key    VARCHAR(100),
    ADD COLUMN client_address VARCHAR(64),
    ADD COLUMN accepted_by    VARCHAR(50),
    ADD COLUMN accepted_at    TIMESTAMPTZ,
    ADD COLUMN accept_note    TEXT;
UPDATE disclosure_objection SET contact_key = lower(left(contact, 100));
ALTER TABLE disclosure_objection ALTER COLUMN contact_key SET NOT NULL;
CREATE INDEX disclosure_objection_grant_contact ON disclosure_objection (grant_id, contact_key);
CREATE INDEX disclosure_objection_grant_status ON disclosure_objection (grant_id, status);
