-- The priority an alert change set (on the first row: the priority the alert was created with; NULL when a change kept
-- it). Training reads it to find alerts a person raised above their first priority: an escalation outcome label.
-- SQL Server dialect.
ALTER TABLE dbo.alert_audit ADD priority smallint NULL;
GO
