-- Digest subscriptions and the record of every digest sent. Times are INTEGER unix milliseconds (UTC).
-- Lists (recipients, brands) are JSON arrays of strings.

CREATE TABLE digest_subscriptions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL,
    recipients  TEXT    NOT NULL,
    brands      TEXT    NOT NULL,
    cadence     TEXT    NOT NULL,
    send_at     TEXT    NOT NULL,
    weekly_on   TEXT    NOT NULL,
    cron        TEXT    NULL,
    time_zone   TEXT    NOT NULL,
    enabled     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

-- One row per (subscription, period end): the unique key is what stops a digest from being sent twice.
CREATE TABLE digest_runs (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    subscription_id   INTEGER NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
    period_start      INTEGER NOT NULL,
    period_end        INTEGER NOT NULL,
    state             TEXT    NOT NULL,
    attempts          INTEGER NOT NULL,
    recipients        TEXT    NOT NULL,
    brands            TEXT    NOT NULL,
    subject           TEXT    NOT NULL,
    message_id        TEXT    NOT NULL,
    mentions          INTEGER NOT NULL,
    negative_mentions INTEGER NOT NULL,
    alerts_opened     INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    sent_at           INTEGER NULL,
    last_error        TEXT    NULL,
    CONSTRAINT ux_digest_runs_subscription_period UNIQUE (subscription_id, period_end)
);
