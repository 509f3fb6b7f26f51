-- The retention job (io.modeltrust.alert.retention) finds resolved alerts by their resolution time and
-- deletes the webhook deliveries of each alert it prunes; without these it would scan both tables.
CREATE INDEX alerts_resolved_at ON alerts (resolved_at) WHERE status = 'resolved';
CREATE INDEX webhook_deliveries_alert ON webhook_deliveries (alert_id);
