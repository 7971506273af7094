-- Three things a host needs to be honest about its data and its promises. SQLite dialect.
--
-- storage_identity: one row, written by the first migration of a database, whose stamp names that database. A host
-- remembers the stamp it read at start; readiness rewrites checked_at where the stamp matches, which proves in one
-- statement that the database takes writes and is still the one the host started with (a deleted and recreated
-- file, or a restored other database, has no row with that stamp). The host also keeps the stamp in a file outside
-- the database, so that it refuses to start on an empty database where it has run before.
CREATE TABLE storage_identity (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    stamp      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    checked_at INTEGER NULL,
    checked_by TEXT    NULL
);

INSERT INTO storage_identity (id, stamp, created_at)
VALUES (1, lower(hex(randomblob(16))), CAST(strftime('%s', 'now') AS INTEGER) * 1000);

-- Outbox of webhooks and e-mails raised by alert changes: written right after the change, delivered by whichever host
-- claims the row first (claim takes a fresh token and pushes due_at past the lease, so a host that dies mid-send
-- leaves the row due again), deleted once delivered. A failed try moves due_at by an exponential back-off; a row that
-- used every try keeps gave_up_at and its last error for an operator to read.
-- AUTOINCREMENT: an id is never handed out twice, so the delivery id a receiver deduplicates on stays unique.
CREATE TABLE notification_outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    channel    TEXT    NOT NULL,
    target     TEXT    NOT NULL,
    alert_id   INTEGER NOT NULL,
    payload    TEXT    NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    due_at     INTEGER NOT NULL,
    claim      TEXT    NULL,
    created_at INTEGER NOT NULL,
    gave_up_at INTEGER NULL,
    last_error TEXT    NULL
);

CREATE INDEX ix_notification_outbox_due ON notification_outbox (due_at) WHERE gave_up_at IS NULL;

CREATE INDEX ix_notification_outbox_claim ON notification_outbox (claim) WHERE claim IS NOT NULL;

-- ASP.NET Core data-protection key ring shared by every host, so that cookies and anti-forgery tokens issued by one
-- host are read by the others and survive a redeploy.
CREATE TABLE data_protection_keys (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT    NOT NULL,
    xml           TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);
