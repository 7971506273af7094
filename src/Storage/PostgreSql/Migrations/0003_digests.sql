-- Digest subscriptions and the record of every digest sent.
-- Lists (recipients, brands) are JSON arrays of strings.

CREATE TABLE digest_subscriptions (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL,
    recipients  text        NOT NULL,
    brands      text        NOT NULL,
    cadence     text        NOT NULL,
    send_at     text        NOT NULL,
    weekly_on   text        NOT NULL,
    cron        text        NULL,
    time_zone   text        NOT NULL,
    enabled     boolean     NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- One row per (subscription, period end): the unique key is what stops a digest from being sent twice.
CREATE TABLE digest_runs (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id   bigint      NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
    period_start      timestamptz NOT NULL,
    period_end        timestamptz NOT NULL,
    state             text        NOT NULL,
    attempts          integer     NOT NULL,
    recipients        text        NOT NULL,
    brands            text        NOT NULL,
    subject           text        NOT NULL,
    message_id        text        NOT NULL,
    mentions          bigint      NOT NULL,
    negative_mentions bigint      NOT NULL,
    alerts_opened     integer     NOT NULL,
    updated_at        timestamptz NOT NULL,
    sent_at           timestamptz NULL,
    last_error        text        NULL,
    CONSTRAINT ux_digest_runs_subscription_period UNIQUE (subscription_id, period_end)
);
