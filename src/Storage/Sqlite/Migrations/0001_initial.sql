-- SocialWatch schema, SQLite dialect.
-- Times are INTEGER unix milliseconds (UTC): compact, sortable, and cheap to compare in indexes.
-- Booleans are INTEGER 0/1. Enum values are stored by name so that reordering an enum never changes data.

CREATE TABLE mentions (
    id                  INTEGER PRIMARY KEY,
    source              TEXT    NOT NULL,
    external_id         TEXT    NOT NULL,
    brand               TEXT    NOT NULL,
    text                TEXT    NOT NULL,
    author_id           TEXT    NOT NULL,
    author_handle       TEXT    NOT NULL,
    author_display_name TEXT    NULL,
    author_followers    INTEGER NOT NULL DEFAULT 0,
    author_verified     INTEGER NOT NULL DEFAULT 0,
    likes               INTEGER NOT NULL DEFAULT 0,
    reposts             INTEGER NOT NULL DEFAULT 0,
    replies             INTEGER NOT NULL DEFAULT 0,
    quotes              INTEGER NOT NULL DEFAULT 0,
    url                 TEXT    NULL,
    lang                TEXT    NULL,
    conversation_id     TEXT    NULL,
    created_at          INTEGER NOT NULL,
    ingested_at         INTEGER NOT NULL,
    redacted            INTEGER NOT NULL DEFAULT 0,
    sentiment           TEXT    NULL,
    p_negative          REAL    NULL,
    p_neutral           REAL    NULL,
    p_positive          REAL    NULL,
    complaint           REAL    NULL,
    escalation_score    REAL    NULL,
    escalation_level    TEXT    NULL,
    reasons             TEXT    NULL,
    model_version       TEXT    NULL,
    CONSTRAINT ux_mentions_source_external_id UNIQUE (source, external_id)
);

CREATE INDEX ix_mentions_brand_created ON mentions (brand, created_at);
CREATE INDEX ix_mentions_author ON mentions (author_id, source, created_at);

CREATE TABLE cursors (
    query_key  TEXT    NOT NULL PRIMARY KEY,
    value      TEXT    NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE engagement_snapshots (
    id         INTEGER PRIMARY KEY,
    mention_id INTEGER NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    likes      INTEGER NOT NULL,
    reposts    INTEGER NOT NULL,
    replies    INTEGER NOT NULL,
    quotes     INTEGER NOT NULL
);

CREATE INDEX ix_engagement_snapshots_mention ON engagement_snapshots (mention_id, at);

-- AUTOINCREMENT: alert ids are shown to people and used in URLs, so an id is never handed out twice.
CREATE TABLE alerts (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    kind                  TEXT    NOT NULL,
    mention_id            INTEGER NULL REFERENCES mentions (id) ON DELETE SET NULL,
    brand                 TEXT    NOT NULL,
    team                  TEXT    NOT NULL,
    priority              INTEGER NOT NULL,
    state                 TEXT    NOT NULL,
    is_open               INTEGER NOT NULL,
    title                 TEXT    NOT NULL,
    reasons               TEXT    NOT NULL,
    assigned_to           TEXT    NULL,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    first_response_due_at INTEGER NULL,
    resolve_due_at        INTEGER NULL,
    first_responded_at    INTEGER NULL,
    resolved_at           INTEGER NULL,
    dismiss_reason        TEXT    NULL,
    version               INTEGER NOT NULL
);

-- The care queue: open alerts of a team by priority, then SLA due.
CREATE INDEX ix_alerts_open_queue ON alerts (team, priority DESC, first_response_due_at, created_at) WHERE is_open = 1;
CREATE INDEX ix_alerts_mention ON alerts (mention_id);
CREATE INDEX ix_alerts_brand_created ON alerts (brand, created_at);

CREATE TABLE alert_audit (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id   INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    actor      TEXT    NOT NULL,
    at         INTEGER NOT NULL,
    from_state TEXT    NULL,
    to_state   TEXT    NOT NULL,
    note       TEXT    NULL
);

CREATE INDEX ix_alert_audit_alert ON alert_audit (alert_id, id);

-- day is an ISO date 'yyyy-MM-dd' (UTC).
CREATE TABLE ingest_reads (
    source TEXT    NOT NULL,
    brand  TEXT    NOT NULL,
    day    TEXT    NOT NULL,
    reads  INTEGER NOT NULL,
    PRIMARY KEY (source, brand, day)
);

CREATE TABLE source_pauses (
    source       TEXT    NOT NULL PRIMARY KEY,
    paused_until INTEGER NOT NULL,
    reason       TEXT    NOT NULL,
    updated_at   INTEGER NOT NULL
);

CREATE TABLE feedback_labels (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    text       TEXT    NOT NULL,
    brand      TEXT    NULL,
    sentiment  TEXT    NULL,
    complaint  INTEGER NULL,
    escalate   INTEGER NULL,
    origin     TEXT    NOT NULL,
    mention_id INTEGER NULL,
    actor      TEXT    NULL,
    created_at INTEGER NOT NULL
);
