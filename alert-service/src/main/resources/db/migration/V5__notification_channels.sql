-- Channels one at a time (POST/GET/PUT/DELETE by id), email channels and filters. The bulk PUT still
-- replaces the whole table; a webhook channel stored before keeps type webhook and matches every model and kind.
ALTER TABLE notification_channels
    ADD COLUMN type      varchar(16) NOT NULL DEFAULT 'webhook',
    ADD COLUMN email_to  text[],
    ADD COLUMN model_ids text[],
    ADD COLUMN kinds     text[],
    ALTER COLUMN url DROP NOT NULL,
    ALTER COLUMN secret DROP NOT NULL;

-- Email deliveries go through the same table and worker as webhooks. The notification budget:
--   budget_key   one (channel, model, rule, batch, alert status) goes to a channel once: unique among the
--                rows that went out or wait for the digest; a duplicate is stored as 'suppressed' without it;
--   window_start the clock hour a delivery counts in, for the per-model hourly limit per channel;
--   held rows    over the limit wait as 'held' for the digest of their hour, then become 'digested' and
--                name the digest delivery (kind 'digest', alert_id NULL) that listed them.
ALTER TABLE webhook_deliveries
    ADD COLUMN medium       varchar(8)  NOT NULL DEFAULT 'webhook',
    ADD COLUMN kind         varchar(8)  NOT NULL DEFAULT 'alert',
    ADD COLUMN model_id     varchar(63),
    ADD COLUMN rule_id      text,
    ADD COLUMN batch_id     text,
    ADD COLUMN budget_key   text,
    ADD COLUMN window_start timestamptz,
    ADD COLUMN digest_id    bigint,
    ADD COLUMN note         text,
    ALTER COLUMN alert_id DROP NOT NULL;
CREATE UNIQUE INDEX webhook_deliveries_budget ON webhook_deliveries (budget_key);
CREATE INDEX webhook_deliveries_window ON webhook_deliveries (channel_id, model_id, window_start)
    WHERE window_start IS NOT NULL;
CREATE INDEX webhook_deliveries_held ON webhook_deliveries (window_start) WHERE status = 'held';
CREATE INDEX webhook_deliveries_digests ON webhook_deliveries (created_at) WHERE kind = 'digest';
