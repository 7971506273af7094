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
