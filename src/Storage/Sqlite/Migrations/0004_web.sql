-- Web sign-in, API keys, and indexes for the dashboard's aggregates. SQLite dialect.

-- Roles are a comma-separated list of agent, pr, manager, admin. password_hash is NULL for company (OIDC) accounts.
CREATE TABLE web_users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_name     TEXT    NOT NULL COLLATE NOCASE,
    display_name  TEXT    NULL,
    email         TEXT    NULL,
    password_hash TEXT    NULL,
    roles         TEXT    NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    CONSTRAINT ux_web_users_user_name UNIQUE (user_name)
);

-- Only the SHA-256 of a key is kept; prefix is its first characters, shown to admins.
CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT    NOT NULL,
    prefix       TEXT    NOT NULL,
    hash         TEXT    NOT NULL,
    scopes       TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NULL,
    revoked_at   INTEGER NULL,
    CONSTRAINT ux_api_keys_hash UNIQUE (hash)
);

-- Covers the dashboard's per-hour volume, negative share and source breakdown across all brands in a window.
CREATE INDEX ix_mentions_created_brand ON mentions (created_at, brand, source, sentiment);

-- Top risks: open mention alerts by their mention's escalation.
CREATE INDEX ix_alerts_open_mention ON alerts (mention_id) WHERE is_open = 1;

-- Top risks: mentions from the most dangerous down, until enough have an open alert.
CREATE INDEX ix_mentions_escalation ON mentions (escalation_score);
