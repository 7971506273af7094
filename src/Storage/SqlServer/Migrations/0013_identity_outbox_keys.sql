-- Three things a host needs to be honest about its data and its promises. SQL Server dialect.
--
-- storage_identity: one row, written by the first migration of a database, whose stamp names that database. A host
-- remembers the stamp it read at start; readiness rewrites checked_at where the stamp matches, which proves in one
-- statement that the database takes writes and is still the one the host started with (a dropped and recreated
-- database, or another one restored in its place, has no row with that stamp). The host can also keep the stamp in a
-- file outside the database, so that it refuses to start on an empty database where it has run before.
CREATE TABLE dbo.storage_identity (
    id         int               NOT NULL CONSTRAINT pk_storage_identity PRIMARY KEY CONSTRAINT ck_storage_identity_one CHECK (id = 1),
    stamp      nvarchar(64)      NOT NULL,
    created_at datetimeoffset(7) NOT NULL,
    checked_at datetimeoffset(7) NULL,
    checked_by nvarchar(200)     NULL
);
GO

INSERT INTO dbo.storage_identity (id, stamp, created_at)
VALUES (1, LOWER(REPLACE(CONVERT(nvarchar(36), NEWID()), N'-', N'')), SYSDATETIMEOFFSET());
GO

-- Outbox of webhooks and e-mails raised by alert changes: written right after the change, delivered by whichever host
-- claims the row first (claim takes a fresh token and pushes due_at past the lease, so a host that dies mid-send
-- leaves the row due again), deleted once delivered. A failed try moves due_at by an exponential back-off; a row that
-- used every try keeps gave_up_at and its last error for an operator to read.
CREATE TABLE dbo.notification_outbox (
    id         bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_notification_outbox PRIMARY KEY,
    channel    nvarchar(20)      NOT NULL,
    target     nvarchar(400)     NOT NULL,
    alert_id   bigint            NOT NULL,
    payload    nvarchar(max)     NOT NULL,
    attempts   int               NOT NULL CONSTRAINT df_notification_outbox_attempts DEFAULT 0,
    due_at     datetimeoffset(7) NOT NULL,
    claim      nvarchar(64)      NULL,
    created_at datetimeoffset(7) NOT NULL,
    gave_up_at datetimeoffset(7) NULL,
    last_error nvarchar(1000)    NULL
);
GO

CREATE INDEX ix_notification_outbox_due ON dbo.notification_outbox (due_at) WHERE gave_up_at IS NULL;
GO

CREATE INDEX ix_notification_outbox_claim ON dbo.notification_outbox (claim) WHERE claim IS NOT NULL;
GO

-- ASP.NET Core data-protection key ring shared by every host, so that cookies and anti-forgery tokens issued by one
-- host are read by the others and survive a redeploy.
CREATE TABLE dbo.data_protection_keys (
    id            bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_data_protection_keys PRIMARY KEY,
    friendly_name nvarchar(200)     NOT NULL,
    xml           nvarchar(max)     NOT NULL,
    created_at    datetimeoffset(7) NOT NULL
);
GO
