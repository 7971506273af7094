-- Every settled try of an outbox row (delivered, failed and retried later, given up), written in the same transaction
-- as the row's change: the admin webhooks page reads each receiver's last delivery, last failure and counts from it.
-- Rows older than the retention (Alerts:Notifications:DeliveryLogRetention) are pruned by the outbox worker.
CREATE TABLE dbo.notification_deliveries (
    id        bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_notification_deliveries PRIMARY KEY,
    channel   nvarchar(20)      NOT NULL,
    target    nvarchar(400)     NOT NULL,
    outbox_id bigint            NOT NULL,
    alert_id  bigint            NOT NULL,
    at        datetimeoffset(7) NOT NULL,
    outcome   nvarchar(20)      NOT NULL,
    status    int               NULL,
    error     nvarchar(1000)    NULL,
    retry_at  datetimeoffset(7) NULL
);
GO

CREATE INDEX ix_notification_deliveries_receiver ON dbo.notification_deliveries (channel, target, id);
GO

CREATE INDEX ix_notification_deliveries_at ON dbo.notification_deliveries (at);
GO
