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
