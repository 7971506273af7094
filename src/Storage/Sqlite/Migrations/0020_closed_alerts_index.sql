-- The queue's Resolved and Dismissed views list closed alerts newest first, a page at a time by (updated_at, id): this
-- index lets a page read its rows in order instead of sorting every closed alert, which is most of the table.
CREATE INDEX ix_alerts_closed ON alerts (state, updated_at DESC, id DESC) WHERE is_open = 0;
