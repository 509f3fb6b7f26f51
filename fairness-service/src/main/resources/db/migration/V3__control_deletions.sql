-- Deletions received on monitoring.control (issue C), one row per control event: marked on arrival,
-- purged_at set in the transaction that deleted the data (io.modeltrust.service.deletion.Tombstones).
-- A mark without purged_at is purged again at startup; batches that ingest received before their
-- model's deleted_at, or whose batch_id was deleted, are dropped when they arrive late.
CREATE TABLE control_deletions (
    event_id    varchar(64)  PRIMARY KEY,
    kind        varchar(16)  NOT NULL,
    model_id    varchar(63)  NOT NULL,
    batch_id    varchar(64),
    actor       varchar(200),
    deleted_at  timestamptz  NOT NULL,
    received_at timestamptz  NOT NULL,
    purged_at   timestamptz
);
CREATE INDEX control_deletions_model ON control_deletions (model_id);
CREATE INDEX control_deletions_unpurged ON control_deletions (received_at) WHERE purged_at IS NULL;
