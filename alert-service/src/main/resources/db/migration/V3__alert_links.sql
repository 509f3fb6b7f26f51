-- An alert that breached again after a person resolved it is a new alert; it names the one it follows.
ALTER TABLE alerts ADD COLUMN previous_alert_id text;
