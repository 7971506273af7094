-- Sign-in and API-key failure records, shared by every host and kept over restarts: a guesser who spreads tries over
-- hosts, or waits for a redeploy, meets the same lock. SQL Server dialect.
-- lockout_key is a lower-cased user name, or "apikey:" and the client address. failures counts the failures in a row
-- since the last lock ended; locks counts the locks in a row without a good sign-in between (each doubles the next
-- lock); locked_until is when the lock in force ends. A good sign-in deletes the row; rows that hold no lock and saw
-- no failure for a day are pruned.
CREATE TABLE dbo.sign_in_lockouts (
    lockout_key     nvarchar(200)     NOT NULL CONSTRAINT pk_sign_in_lockouts PRIMARY KEY,
    failures        int               NOT NULL,
    locks           int               NOT NULL,
    locked_until    datetimeoffset(7) NULL,
    last_failure_at datetimeoffset(7) NOT NULL
);
GO

CREATE INDEX ix_sign_in_lockouts_last_failure ON dbo.sign_in_lockouts (last_failure_at);
GO

-- One row per alert whose raising event (new alert, spike, broken promise) became outbox rows, written in the same
-- transaction as those rows. The in-memory queue between an alert's commit and its outbox rows is lost with the host;
-- the recovery on every host finds recent alerts without a row here and announces them, and the key makes that
-- exactly once whichever host, or the queue itself, gets there first. Alerts raised before this migration count as
-- announced. No foreign key: alerts are never deleted.
CREATE TABLE dbo.alert_announcements (
    alert_id     bigint            NOT NULL CONSTRAINT pk_alert_announcements PRIMARY KEY,
    announced_at datetimeoffset(7) NOT NULL
);
GO

INSERT INTO dbo.alert_announcements (alert_id, announced_at) SELECT id, created_at FROM dbo.alerts;
GO

CREATE INDEX ix_alerts_created ON dbo.alerts (created_at);
GO
