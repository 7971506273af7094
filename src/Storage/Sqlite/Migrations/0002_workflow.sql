-- Alert workflow: teams, routing rules, SLA policies (admin-edited JSON documents), promises, SLA notices,
-- spike state, and the audits of admin changes and of data removals. Same conventions as 0001.

CREATE TABLE teams (
    name       TEXT    NOT NULL PRIMARY KEY,
    body       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT    NOT NULL
);

-- Kept apart from teams: written on every automatic assignment, which must not race with an admin's edit.
CREATE TABLE team_rotation (
    team          TEXT    NOT NULL PRIMARY KEY,
    last_assignee TEXT    NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE routing_rules (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    position   INTEGER NOT NULL,
    body       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT    NOT NULL
);

CREATE INDEX ix_routing_rules_position ON routing_rules (position, id);

CREATE TABLE sla_policies (
    name       TEXT    NOT NULL PRIMARY KEY,
    body       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT    NOT NULL
);

-- Incoming webhooks added by admins; the URL inside the document is a secret.
CREATE TABLE webhooks (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    body       TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE admin_audit (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    entity     TEXT    NOT NULL,
    entity_key TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    body       TEXT    NULL
);

CREATE INDEX ix_admin_audit_entity ON admin_audit (entity, entity_key, id);

CREATE TABLE promises (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id        INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    text            TEXT    NOT NULL,
    due_at          INTEGER NOT NULL,
    created_by      TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    kept_at         INTEGER NULL,
    kept_by         TEXT    NULL,
    broken_alert_id INTEGER NULL
);

CREATE INDEX ix_promises_alert ON promises (alert_id);
-- The promise check reads only promises still waiting.
CREATE INDEX ix_promises_pending ON promises (due_at) WHERE kept_at IS NULL AND broken_alert_id IS NULL;

CREATE TABLE sla_notices (
    alert_id INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    deadline TEXT    NOT NULL,
    level    TEXT    NOT NULL,
    due_at   INTEGER NOT NULL,
    at       INTEGER NOT NULL,
    PRIMARY KEY (alert_id, deadline, level, due_at)
);

CREATE TABLE spike_states (
    brand            TEXT    NOT NULL PRIMARY KEY,
    active           INTEGER NOT NULL,
    started_at       INTEGER NULL,
    last_elevated_at INTEGER NULL,
    alert_id         INTEGER NULL,
    cool_down_until  INTEGER NULL
);

CREATE TABLE data_audit (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    action  TEXT    NOT NULL,
    subject TEXT    NOT NULL,
    actor   TEXT    NOT NULL,
    at      INTEGER NOT NULL,
    count   INTEGER NOT NULL,
    detail  TEXT    NULL
);

CREATE INDEX ix_data_audit_at ON data_audit (at);

-- Re-complaint lookup and the per-agent workload count.
CREATE INDEX ix_alerts_resolved ON alerts (mention_id, resolved_at) WHERE state = 'Resolved';
CREATE INDEX ix_alerts_assignee_open ON alerts (team, assigned_to) WHERE is_open = 1;
