-- Every settled try of an outbox row (delivered, failed and retried later, given up), written in the same transaction
-- as the row's change: the admin webhooks page reads each receiver's last delivery, last failure and counts from it.
-- Rows older than the retention (Alerts:Notifications:DeliveryLogRetention) are pruned by the outbox worker.
CREATE TABLE notification_deliveries (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    channel   TEXT    NOT NULL,
    target    TEXT    NOT NULL,
    outbox_id INTEGER NOT NULL,
    alert_id  INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    outcome   TEXT    NOT NULL,
    status    INTEGER NULL,
    error     TEXT    NULL,
    retry_at  INTEGER NULL
);

CREATE INDEX ix_notification_deliveries_receiver ON notification_deliveries (channel, target, id);

CREATE INDEX ix_notification_deliveries_at ON notification_deliveries (at);
