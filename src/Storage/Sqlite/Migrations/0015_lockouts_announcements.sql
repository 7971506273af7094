-- Sign-in and API-key failure records, shared by every host and kept over restarts: a guesser who spreads tries over
-- hosts, or waits for a redeploy, meets the same lock. SQLite dialect.
-- lockout_key is a lower-cased user name, or "apikey:" and the client address. failures counts the failures in a row
-- since the last lock ended; locks counts the locks in a row without a good sign-in between (each doubles the next
-- lock); locked_until is when the lock in force ends. A good sign-in deletes the row; rows that hold no lock and saw
-- no failure for a day are pruned.
CREATE TABLE sign_in_lockouts (
    lockout_key     TEXT    NOT NULL PRIMARY KEY,
    failures        INTEGER NOT NULL,
    locks           INTEGER NOT NULL,
    locked_until    INTEGER NULL,
    last_failure_at INTEGER NOT NULL
);

CREATE INDEX ix_sign_in_lockouts_last_failure ON sign_in_lockouts (last_failure_at);

-- One row per alert whose raising event (new alert, spike, broken promise) became outbox rows, written in the same
-- transaction as those rows. The in-memory queue between an alert's commit and its outbox rows is lost with the host;
-- the recovery on every host finds recent alerts without a row here and announces them, and the key makes that
-- exactly once whichever host, or the queue itself, gets there first. Alerts raised before this migration count as
-- announced. No foreign key: alerts are never deleted.
CREATE TABLE alert_announcements (
    alert_id     INTEGER NOT NULL PRIMARY KEY,
    announced_at INTEGER NOT NULL
);

INSERT INTO alert_announcements (alert_id, announced_at) SELECT id, created_at FROM alerts;

CREATE INDEX ix_alerts_created ON alerts (created_at);
