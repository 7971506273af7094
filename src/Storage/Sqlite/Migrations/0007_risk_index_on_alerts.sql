-- Top risks read open alerts by their mention's escalation, but ix_mentions_escalation indexed every mention: scores are
-- spread over 0..1, so each stored mention dirtied its own random leaf of that index, and every ingest page commit wrote
-- about a hundred extra pages to the WAL. A mention's score never changes once it is stored, so it is copied onto the
-- alert when the alert is created, and top risks walk a small index over open alerts only.
ALTER TABLE alerts ADD COLUMN escalation_score REAL NULL;

UPDATE alerts SET escalation_score = (SELECT m.escalation_score FROM mentions m WHERE m.id = alerts.mention_id)
WHERE mention_id IS NOT NULL;

-- "escalation_score IS NOT NULL" keeps the planner from taking this index for other scans of open alerts (the triage
-- queue), whose WHERE does not imply it: read in score order, those would probe their mentions in random order.
CREATE INDEX ix_alerts_open_escalation ON alerts (escalation_score DESC) WHERE is_open = 1 AND escalation_score IS NOT NULL;

DROP INDEX ix_mentions_escalation;
