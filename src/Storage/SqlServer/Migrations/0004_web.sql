-- Web sign-in, API keys, and indexes for the dashboard's aggregates. SQL Server dialect.

-- Roles are a comma-separated list of agent, pr, manager, admin. password_hash is NULL for company (OIDC) accounts.
-- The default case-insensitive collation keeps user names unique regardless of case.
CREATE TABLE dbo.web_users (
    id            bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_web_users PRIMARY KEY,
    user_name     nvarchar(64)  NOT NULL,
    display_name  nvarchar(100) NULL,
    email         nvarchar(256) NULL,
    password_hash nvarchar(400) NULL,
    roles         nvarchar(200) NOT NULL,
    disabled      bit           NOT NULL CONSTRAINT df_web_users_disabled DEFAULT 0,
    created_at    datetimeoffset(7) NOT NULL,
    updated_at    datetimeoffset(7) NOT NULL,
    CONSTRAINT ux_web_users_user_name UNIQUE (user_name)
);
GO

-- Only the SHA-256 of a key is kept; prefix is its first characters, shown to admins.
CREATE TABLE dbo.api_keys (
    id           bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_api_keys PRIMARY KEY,
    name         nvarchar(100) NOT NULL,
    prefix       nvarchar(16)  NOT NULL,
    hash         char(64)      COLLATE Latin1_General_100_BIN2 NOT NULL,
    scopes       nvarchar(200) NOT NULL,
    created_by   nvarchar(64)  NOT NULL,
    created_at   datetimeoffset(7) NOT NULL,
    last_used_at datetimeoffset(7) NULL,
    revoked_at   datetimeoffset(7) NULL,
    CONSTRAINT ux_api_keys_hash UNIQUE (hash)
);
GO

-- Covers the dashboard's per-hour volume, negative share and source breakdown across all brands in a window.
CREATE INDEX ix_mentions_created_brand ON dbo.mentions (created_at, brand, source, sentiment);

-- Top risks: open mention alerts by their mention's escalation.
CREATE INDEX ix_alerts_open_mention ON dbo.alerts (mention_id) WHERE is_open = 1;
GO

-- Top risks: mentions from the most dangerous down, until enough have an open alert.
CREATE INDEX ix_mentions_escalation ON dbo.mentions (escalation_score DESC);
GO
