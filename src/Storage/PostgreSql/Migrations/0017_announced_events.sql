-- Every alert event that must reach webhooks and e-mail exactly once is recorded here under a key, in the same
-- transaction as its outbox rows: "raised" (a new alert, spike or broken promise), "reopened:<mention id>" (a
-- re-complaint brought the case back) and "sla:<deadline>:<level>:<due, unix ms>" (an SLA warning or breach; a
-- deadline that moves has a new due time and is announced again). A host that dies between an alert's commit and its
-- outbox rows leaves no key, and the recovery on any host (or the next SLA sweep) announces it; a second try finds
-- the key and writes nothing. Replaces alert_announcements and sla_notices, whose rows carry over. No foreign key:
-- alerts are never deleted (and the outbox is tested with events of alerts it never stored). PostgreSQL dialect.
CREATE TABLE announced_events (
    alert_id     bigint      NOT NULL,
    event_key    text        NOT NULL,
    announced_at timestamptz NOT NULL,
    PRIMARY KEY (alert_id, event_key)
);

INSERT INTO announced_events (alert_id, event_key, announced_at)
SELECT n.alert_id, 'raised', n.announced_at FROM alert_announcements n JOIN alerts a ON a.id = n.alert_id;

INSERT INTO announced_events (alert_id, event_key, announced_at)
SELECT alert_id, 'sla:' || deadline || ':' || level || ':' || floor(extract(epoch FROM due_at) * 1000)::bigint, MIN(at)
FROM sla_notices
GROUP BY alert_id, deadline, level, due_at;

-- Reopenings before this migration were announced through the in-memory queue: they count as announced.
INSERT INTO announced_events (alert_id, event_key, announced_at)
SELECT alert_id, 'reopened:' || mention_id, MIN(at) FROM alert_audit
WHERE mention_id IS NOT NULL AND from_state IS NOT NULL
GROUP BY alert_id, mention_id;

DROP TABLE alert_announcements;
DROP TABLE sla_notices;
