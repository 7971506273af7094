-- Outbox between storing a page and routing its new mentions. SQL Server dialect.
-- A page stored with a hand-over writes one row here in its own transaction, listing the ids it inserted (comma-
-- separated); the row is deleted once routing has run. A host that fails in between (a database outage mid-job, a
-- crash) leaves the row, and the recovery job routes those mentions later, so none is left unrouted. attempts counts
-- the recovery's failed tries; the recovery reads the least-tried first, so pages that keep failing cannot hold back
-- the others.
CREATE TABLE dbo.mention_handovers (
    id          bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_mention_handovers PRIMARY KEY,
    mention_ids nvarchar(max)     NOT NULL,
    attempts    int               NOT NULL CONSTRAINT df_mention_handovers_attempts DEFAULT 0,
    stored_at   datetimeoffset(7) NOT NULL
);
GO
