-- The mention that caused an alert change, when one did (a re-complaint reopening the case). Routing reads it to know
-- a mention is already handled when its page is handed over again (hand-over recovery), so a repeated hand-over does
-- not raise a second alert next to the reopened one. SQLite dialect.
ALTER TABLE alert_audit ADD COLUMN mention_id INTEGER NULL;

CREATE INDEX ix_alert_audit_mention ON alert_audit (mention_id) WHERE mention_id IS NOT NULL;
