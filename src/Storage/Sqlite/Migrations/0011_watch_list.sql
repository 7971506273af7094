-- The watch list, and one alert per mention. SQLite dialect.
-- watch_entries: every stored complaint or negative mention, alerted or not, whose engagement the refresh job re-reads
-- until watch_until. next_due_at follows the cadence (tight while young, backing off with the age counted from
-- cadence_from, which moves to the refresh that last saw growth); claimed_until is a lease, so two hosts never refresh
-- the same mention at once and a host that dies mid-refresh leaves its entries to be claimed again when it expires.
CREATE TABLE watch_entries (
    mention_id        INTEGER NOT NULL PRIMARY KEY REFERENCES mentions (id) ON DELETE CASCADE,
    source            TEXT    NOT NULL,
    brand             TEXT    NOT NULL,
    enrolled_at       INTEGER NOT NULL,
    watch_until       INTEGER NOT NULL,
    cadence_from      INTEGER NOT NULL,
    next_due_at       INTEGER NOT NULL,
    claimed_until     INTEGER NULL,
    last_refreshed_at INTEGER NULL,
    refreshes         INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX ix_watch_entries_due ON watch_entries (source, next_due_at);
CREATE INDEX ix_watch_entries_brand ON watch_entries (brand, source);

-- The SLA policy the routing rule chose, so that re-planning and the SLA sweep use it rather than the default.
ALTER TABLE alerts ADD COLUMN sla_policy TEXT NULL;

-- One alert per mention across hosts: mention_key is the mention id for mention alerts and NULL for the others. It is
-- filled for the oldest alert of each mention only, so a database holding duplicates raised before this migration (the
-- check-then-insert of routing was racy) still migrates; from now on the unique index refuses a second one.
ALTER TABLE alerts ADD COLUMN mention_key INTEGER NULL;
UPDATE alerts SET mention_key = mention_id
WHERE kind = 'Mention' AND mention_id IS NOT NULL
  AND id = (SELECT MIN(a.id) FROM alerts a WHERE a.kind = 'Mention' AND a.mention_id = alerts.mention_id);
CREATE UNIQUE INDEX ux_alerts_mention_key ON alerts (mention_key);
