-- Digest subscriptions and the record of every digest sent.
-- Times are DATETIMEOFFSET written with a zero offset. Lists (recipients, brands) are JSON arrays of strings.

CREATE TABLE dbo.digest_subscriptions (
    id          BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_digest_subscriptions PRIMARY KEY,
    name        NVARCHAR(200)     NOT NULL,
    recipients  NVARCHAR(MAX)     NOT NULL,
    brands      NVARCHAR(MAX)     NOT NULL,
    cadence     NVARCHAR(20)      NOT NULL,
    send_at     NVARCHAR(5)       NOT NULL,
    weekly_on   NVARCHAR(10)      NOT NULL,
    cron        NVARCHAR(100)     NULL,
    time_zone   NVARCHAR(100)     NOT NULL,
    enabled     BIT               NOT NULL,
    created_at  DATETIMEOFFSET(7) NOT NULL,
    updated_at  DATETIMEOFFSET(7) NOT NULL
);
GO

-- One row per (subscription, period end): the unique key is what stops a digest from being sent twice.
CREATE TABLE dbo.digest_runs (
    id                BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_digest_runs PRIMARY KEY,
    subscription_id   BIGINT            NOT NULL CONSTRAINT fk_digest_runs_subscription REFERENCES dbo.digest_subscriptions (id) ON DELETE CASCADE,
    period_start      DATETIMEOFFSET(7) NOT NULL,
    period_end        DATETIMEOFFSET(7) NOT NULL,
    state             NVARCHAR(20)      NOT NULL,
    attempts          INT               NOT NULL,
    recipients        NVARCHAR(MAX)     NOT NULL,
    brands            NVARCHAR(MAX)     NOT NULL,
    subject           NVARCHAR(1000)    NOT NULL,
    message_id        NVARCHAR(200)     NOT NULL,
    mentions          BIGINT            NOT NULL,
    negative_mentions BIGINT            NOT NULL,
    alerts_opened     INT               NOT NULL,
    updated_at        DATETIMEOFFSET(7) NOT NULL,
    sent_at           DATETIMEOFFSET(7) NULL,
    last_error        NVARCHAR(1000)    NULL,
    CONSTRAINT ux_digest_runs_subscription_period UNIQUE (subscription_id, period_end)
);
GO
