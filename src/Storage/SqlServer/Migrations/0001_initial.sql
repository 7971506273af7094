-- SocialWatch schema, SQL Server dialect.
-- Times are datetimeoffset written with a zero offset (UTC). Enum values are stored by name.
-- Keys that come from the networks or from ingest (source, external id, cursor values) use a binary collation:
-- they are case-sensitive identifiers, and the default case-insensitive collation would merge "AbC" with "abc".
-- Set-based statements use OPENJSON, which needs database compatibility level 130 (SQL Server 2016) or later.

CREATE TABLE dbo.mentions (
    id                  bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_mentions PRIMARY KEY,
    source              nvarchar(32)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    external_id         nvarchar(256) COLLATE Latin1_General_100_BIN2 NOT NULL,
    brand               nvarchar(200) NOT NULL,
    [text]              nvarchar(max) NOT NULL,
    author_id           nvarchar(256) COLLATE Latin1_General_100_BIN2 NOT NULL,
    author_handle       nvarchar(400) NOT NULL,
    author_display_name nvarchar(400) NULL,
    author_followers    bigint        NOT NULL CONSTRAINT df_mentions_author_followers DEFAULT 0,
    author_verified     bit           NOT NULL CONSTRAINT df_mentions_author_verified DEFAULT 0,
    likes               bigint        NOT NULL CONSTRAINT df_mentions_likes DEFAULT 0,
    reposts             bigint        NOT NULL CONSTRAINT df_mentions_reposts DEFAULT 0,
    replies             bigint        NOT NULL CONSTRAINT df_mentions_replies DEFAULT 0,
    quotes              bigint        NOT NULL CONSTRAINT df_mentions_quotes DEFAULT 0,
    url                 nvarchar(2048) NULL,
    lang                nvarchar(16)  NULL,
    conversation_id     nvarchar(256) NULL,
    created_at          datetimeoffset(7) NOT NULL,
    ingested_at         datetimeoffset(7) NOT NULL,
    redacted            bit           NOT NULL CONSTRAINT df_mentions_redacted DEFAULT 0,
    sentiment           nvarchar(16)  NULL,
    p_negative          real          NULL,
    p_neutral           real          NULL,
    p_positive          real          NULL,
    complaint           real          NULL,
    escalation_score    real          NULL,
    escalation_level    nvarchar(16)  NULL,
    reasons             nvarchar(max) NULL,
    model_version       nvarchar(100) NULL,
    CONSTRAINT ux_mentions_source_external_id UNIQUE (source, external_id)
);
GO

CREATE INDEX ix_mentions_brand_created ON dbo.mentions (brand, created_at);
CREATE INDEX ix_mentions_author ON dbo.mentions (author_id, source, created_at);
GO

CREATE TABLE dbo.cursors (
    query_key  nvarchar(400) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_cursors PRIMARY KEY,
    value      nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    updated_at datetimeoffset(7) NOT NULL
);
GO

CREATE TABLE dbo.engagement_snapshots (
    id         bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_engagement_snapshots PRIMARY KEY,
    mention_id bigint NOT NULL CONSTRAINT fk_engagement_snapshots_mention REFERENCES dbo.mentions (id) ON DELETE CASCADE,
    at         datetimeoffset(7) NOT NULL,
    likes      bigint NOT NULL,
    reposts    bigint NOT NULL,
    replies    bigint NOT NULL,
    quotes     bigint NOT NULL
);
GO

CREATE INDEX ix_engagement_snapshots_mention ON dbo.engagement_snapshots (mention_id, at);
GO

CREATE TABLE dbo.alerts (
    id                    bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_alerts PRIMARY KEY,
    kind                  nvarchar(32)  NOT NULL,
    mention_id            bigint        NULL CONSTRAINT fk_alerts_mention REFERENCES dbo.mentions (id) ON DELETE SET NULL,
    brand                 nvarchar(200) NOT NULL,
    team                  nvarchar(200) NOT NULL,
    priority              smallint      NOT NULL,
    state                 nvarchar(32)  NOT NULL,
    is_open               bit           NOT NULL,
    title                 nvarchar(1000) NOT NULL,
    reasons               nvarchar(max) NOT NULL,
    assigned_to           nvarchar(200) NULL,
    created_at            datetimeoffset(7) NOT NULL,
    updated_at            datetimeoffset(7) NOT NULL,
    first_response_due_at datetimeoffset(7) NULL,
    resolve_due_at        datetimeoffset(7) NULL,
    first_responded_at    datetimeoffset(7) NULL,
    resolved_at           datetimeoffset(7) NULL,
    dismiss_reason        nvarchar(1000) NULL,
    version               int           NOT NULL
);
GO

-- The care queue: open alerts of a team by priority, then SLA due.
CREATE INDEX ix_alerts_open_queue ON dbo.alerts (team, priority DESC, first_response_due_at, created_at) WHERE is_open = 1;
CREATE INDEX ix_alerts_mention ON dbo.alerts (mention_id);
CREATE INDEX ix_alerts_brand_created ON dbo.alerts (brand, created_at);
GO

CREATE TABLE dbo.alert_audit (
    id         bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_alert_audit PRIMARY KEY,
    alert_id   bigint NOT NULL CONSTRAINT fk_alert_audit_alert REFERENCES dbo.alerts (id) ON DELETE CASCADE,
    actor      nvarchar(200) NOT NULL,
    at         datetimeoffset(7) NOT NULL,
    from_state nvarchar(32) NULL,
    to_state   nvarchar(32) NOT NULL,
    note       nvarchar(max) NULL
);
GO

CREATE INDEX ix_alert_audit_alert ON dbo.alert_audit (alert_id, id);
GO

CREATE TABLE dbo.ingest_reads (
    source nvarchar(32)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    brand  nvarchar(200) NOT NULL,
    day    date          NOT NULL,
    reads  bigint        NOT NULL,
    CONSTRAINT pk_ingest_reads PRIMARY KEY (source, brand, day)
);
GO

CREATE TABLE dbo.source_pauses (
    source       nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_source_pauses PRIMARY KEY,
    paused_until datetimeoffset(7) NOT NULL,
    reason       nvarchar(1000) NOT NULL,
    updated_at   datetimeoffset(7) NOT NULL
);
GO

CREATE TABLE dbo.feedback_labels (
    id         bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_feedback_labels PRIMARY KEY,
    [text]     nvarchar(max) NOT NULL,
    brand      nvarchar(200) NULL,
    sentiment  nvarchar(16)  NULL,
    complaint  bit           NULL,
    escalate   bit           NULL,
    origin     nvarchar(32)  NOT NULL,
    mention_id bigint        NULL,
    actor      nvarchar(200) NULL,
    created_at datetimeoffset(7) NOT NULL
);
GO
