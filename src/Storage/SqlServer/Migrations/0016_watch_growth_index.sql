-- The dashboard's "what is spreading now" walks the watch list from the entry whose growth a refresh saw last
-- (cadence_from moves to that refresh) and stops after a page: without this index it sorts every watched entry on each
-- dashboard load. The filter's columns ride along, so the walk reads the index alone. SQL Server dialect.
CREATE INDEX ix_watch_entries_growth ON dbo.watch_entries (cadence_from DESC) INCLUDE (watch_until, last_refreshed_at);
GO
