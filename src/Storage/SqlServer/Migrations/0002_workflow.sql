-- Alert workflow: teams, routing rules, SLA policies (admin-edited JSON documents), promises, SLA notices,
-- spike state, and the audits of admin changes and of data removals. Same conventions as 0001.

CREATE TABLE dbo.teams (
    name       nvarchar(200)     NOT NULL CONSTRAINT pk_teams PRIMARY KEY,
    body       nvarchar(max)     NOT NULL,
    updated_at datetimeoffset(7) NOT NULL,
    updated_by nvarchar(200)     NOT NULL
);
GO

-- Kept apart from teams: written on every automatic assignment, which must not race with an admin's edit.
CREATE TABLE dbo.team_rotation (
    team          nvarchar(200)     NOT NULL CONSTRAINT pk_team_rotation PRIMARY KEY,
    last_assignee nvarchar(200)     NOT NULL,
    updated_at    datetimeoffset(7) NOT NULL
);
GO

CREATE TABLE dbo.routing_rules (
    id         bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_routing_rules PRIMARY KEY,
    position   int               NOT NULL,
    body       nvarchar(max)     NOT NULL,
    updated_at datetimeoffset(7) NOT NULL,
    updated_by nvarchar(200)     NOT NULL
);
GO

CREATE INDEX ix_routing_rules_position ON dbo.routing_rules (position, id);
GO

CREATE TABLE dbo.sla_policies (
    name       nvarchar(200)     NOT NULL CONSTRAINT pk_sla_policies PRIMARY KEY,
    body       nvarchar(max)     NOT NULL,
    updated_at datetimeoffset(7) NOT NULL,
    updated_by nvarchar(200)     NOT NULL
);
GO

-- Incoming webhooks added by admins; the URL inside the document is a secret.
CREATE TABLE dbo.webhooks (
    id         bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_webhooks PRIMARY KEY,
    body       nvarchar(max)     NOT NULL,
    updated_at datetimeoffset(7) NOT NULL,
    updated_by nvarchar(200)     NOT NULL
);
GO

CREATE TABLE dbo.admin_audit (
    id         bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_admin_audit PRIMARY KEY,
    at         datetimeoffset(7) NOT NULL,
    actor      nvarchar(200)     NOT NULL,
    entity     nvarchar(50)      NOT NULL,
    entity_key nvarchar(200)     NOT NULL,
    action     nvarchar(50)      NOT NULL,
    body       nvarchar(max)     NULL
);
GO

CREATE INDEX ix_admin_audit_entity ON dbo.admin_audit (entity, entity_key, id);
GO

CREATE TABLE dbo.promises (
    id              bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_promises PRIMARY KEY,
    alert_id        bigint            NOT NULL CONSTRAINT fk_promises_alert REFERENCES dbo.alerts (id) ON DELETE CASCADE,
    [text]          nvarchar(1000)    NOT NULL,
    due_at          datetimeoffset(7) NOT NULL,
    created_by      nvarchar(200)     NOT NULL,
    created_at      datetimeoffset(7) NOT NULL,
    kept_at         datetimeoffset(7) NULL,
    kept_by         nvarchar(200)     NULL,
    broken_alert_id bigint            NULL
);
GO

CREATE INDEX ix_promises_alert ON dbo.promises (alert_id);
-- The promise check reads only promises still waiting.
CREATE INDEX ix_promises_pending ON dbo.promises (due_at) WHERE kept_at IS NULL AND broken_alert_id IS NULL;
GO

CREATE TABLE dbo.sla_notices (
    alert_id bigint            NOT NULL CONSTRAINT fk_sla_notices_alert REFERENCES dbo.alerts (id) ON DELETE CASCADE,
    deadline nvarchar(32)      NOT NULL,
    level    nvarchar(32)      NOT NULL,
    due_at   datetimeoffset(7) NOT NULL,
    at       datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_sla_notices PRIMARY KEY (alert_id, deadline, level, due_at)
);
GO

CREATE TABLE dbo.spike_states (
    brand            nvarchar(200)     NOT NULL CONSTRAINT pk_spike_states PRIMARY KEY,
    active           bit               NOT NULL,
    started_at       datetimeoffset(7) NULL,
    last_elevated_at datetimeoffset(7) NULL,
    alert_id         bigint            NULL,
    cool_down_until  datetimeoffset(7) NULL
);
GO

CREATE TABLE dbo.data_audit (
    id      bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_data_audit PRIMARY KEY,
    action  nvarchar(50)      NOT NULL,
    subject nvarchar(200)     NOT NULL,
    actor   nvarchar(200)     NOT NULL,
    at      datetimeoffset(7) NOT NULL,
    [count] int               NOT NULL,
    detail  nvarchar(max)     NULL
);
GO

CREATE INDEX ix_data_audit_at ON dbo.data_audit (at);
GO

-- Re-complaint lookup and the per-agent workload count.
CREATE INDEX ix_alerts_resolved ON dbo.alerts (mention_id, resolved_at) WHERE state = N'Resolved';
CREATE INDEX ix_alerts_assignee_open ON dbo.alerts (team, assigned_to) WHERE is_open = 1;
GO
