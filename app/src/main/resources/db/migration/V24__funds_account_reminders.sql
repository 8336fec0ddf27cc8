-- Enterprises reminded to confirm their receiving account (at most once a day), so finance can chase them.
CREATE TABLE account_reminder (
    uscc             CHAR(18) PRIMARY KEY,
    last_reminded_at TIMESTAMPTZ NOT NULL,
    times            INT NOT NULL DEFAULT 1,
    reminded_by      VARCHAR(50) NOT NULL
);
