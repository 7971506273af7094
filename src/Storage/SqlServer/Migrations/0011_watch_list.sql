-- The watch list, and one alert per mention. SQL Server dialect.
-- watch_entries: every stored complaint or negative mention, alerted or not, whose engagement the refresh job re-reads
-- until watch_until. next_due_at follows the cadence (tight while young, backing off with the age counted from
-- cadence_from, which moves to the refresh that last saw growth); claimed_until is a lease, so two hosts never refresh
-- the same mention at once and a host that dies mid-refresh leaves its entries to be claimed again when it expires.
CREATE TABLE dbo.watch_entries (
    mention_id        bigint            NOT NULL CONSTRAINT pk_watch_entries PRIMARY KEY
                                        CONSTRAINT fk_watch_entries_mention REFERENCES dbo.mentions (id) ON DELETE CASCADE,
    source            nvarchar(32)      COLLATE Latin1_General_100_BIN2 NOT NULL,
    brand             nvarchar(200)     NOT NULL,
    enrolled_at       datetimeoffset(7) NOT NULL,
    watch_until       datetimeoffset(7) NOT NULL,
    cadence_from      datetimeoffset(7) NOT NULL,
    next_due_at       datetimeoffset(7) NOT NULL,
    claimed_until     datetimeoffset(7) NULL,
    last_refreshed_at datetimeoffset(7) NULL,
    refreshes         int               NOT NULL CONSTRAINT df_watch_entries_refreshes DEFAULT 0
);
GO

CREATE INDEX ix_watch_entries_due ON dbo.watch_entries (source, next_due_at);
CREATE INDEX ix_watch_entries_brand ON dbo.watch_entries (brand, source);
GO

-- The SLA policy the routing rule chose, so that re-planning and the SLA sweep use it rather than the default.
ALTER TABLE dbo.alerts ADD sla_policy nvarchar(200) NULL;

-- One alert per mention across hosts: mention_key is the mention id for mention alerts and NULL for the others. It is
-- filled for the oldest alert of each mention only, so a database holding duplicates raised before this migration (the
-- check-then-insert of routing was racy) still migrates; from now on the unique index refuses a second one.
ALTER TABLE dbo.alerts ADD mention_key bigint NULL;
GO

UPDATE a SET mention_key = a.mention_id
FROM dbo.alerts a
WHERE a.kind = N'Mention' AND a.mention_id IS NOT NULL
  AND a.id = (SELECT MIN(b.id) FROM dbo.alerts b WHERE b.kind = N'Mention' AND b.mention_id = a.mention_id);
GO

CREATE UNIQUE INDEX ux_alerts_mention_key ON dbo.alerts (mention_key) WHERE mention_key IS NOT NULL;
GO
