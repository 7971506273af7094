-- The priority an alert change set (on the first row: the priority the alert was created with; NULL when a change kept
-- it). Training reads it to find alerts a person raised above their first priority: an escalation outcome label.
-- PostgreSQL dialect.
ALTER TABLE alert_audit ADD COLUMN priority smallint NULL;
