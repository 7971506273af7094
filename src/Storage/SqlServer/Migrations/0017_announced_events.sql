-- Every alert event that must reach webhooks and e-mail exactly once is recorded here under a key, in the same
-- transaction as its outbox rows: "raised" (a new alert, spike or broken promise), "reopened:<mention id>" (a
-- re-complaint brought the case back) and "sla:<deadline>:<level>:<due, unix ms>" (an SLA warning or breach; a
-- deadline that moves has a new due time and is announced again). A host that dies between an alert's commit and its
-- outbox rows leaves no key, and the recovery on any host (or the next SLA sweep) announces it; a second try finds
-- the key and writes nothing. Replaces alert_announcements and sla_notices, whose rows carry over. No foreign key:
-- alerts are never deleted (and the outbox is tested with events of alerts it never stored). SQL Server dialect.
CREATE TABLE dbo.announced_events (
    alert_id     bigint            NOT NULL,
    event_key    nvarchar(200)     COLLATE Latin1_General_100_BIN2 NOT NULL,
    announced_at datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_announced_events PRIMARY KEY (alert_id, event_key)
);
GO

INSERT INTO dbo.announced_events (alert_id, event_key, announced_at)
SELECT n.alert_id, N'raised', n.announced_at FROM dbo.alert_announcements n JOIN dbo.alerts a ON a.id = n.alert_id;
GO

INSERT INTO dbo.announced_events (alert_id, event_key, announced_at)
SELECT alert_id,
    CONCAT(N'sla:', deadline, N':', level, N':', DATEDIFF_BIG(millisecond, CAST('1970-01-01T00:00:00+00:00' AS datetimeoffset(7)), due_at)),
    MIN(at)
FROM dbo.sla_notices
GROUP BY alert_id, deadline, level, due_at;
GO

-- Reopenings before this migration were announced through the in-memory queue: they count as announced.
INSERT INTO dbo.announced_events (alert_id, event_key, announced_at)
SELECT alert_id, CONCAT(N'reopened:', mention_id), MIN(at) FROM dbo.alert_audit
WHERE mention_id IS NOT NULL AND from_state IS NOT NULL
GROUP BY alert_id, mention_id;
GO

DROP TABLE dbo.alert_announcements;
GO

DROP TABLE dbo.sla_notices;
GO
