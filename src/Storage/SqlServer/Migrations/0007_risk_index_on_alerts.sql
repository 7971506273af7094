-- Top risks read open alerts by their mention's escalation. ix_mentions_escalation indexed every mention, and each
-- stored mention dirtied a random page of it (scores are spread over 0..1). A mention's score never changes once it is
-- stored, so it is copied onto the alert when the alert is created, and top risks walk a small index over open alerts.
ALTER TABLE dbo.alerts ADD escalation_score real NULL;
GO

UPDATE a SET escalation_score = m.escalation_score
FROM dbo.alerts a
JOIN dbo.mentions m ON m.id = a.mention_id;
GO

CREATE INDEX ix_alerts_open_escalation ON dbo.alerts (escalation_score DESC) WHERE is_open = 1 AND escalation_score IS NOT NULL;
GO

DROP INDEX ix_mentions_escalation ON dbo.mentions;
GO
