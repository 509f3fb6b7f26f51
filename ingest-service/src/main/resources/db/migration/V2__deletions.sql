-- Every accepted deletion (issue C): the audit log behind GET /api/v1/audit, and the outbox of
-- monitoring.control: published_at stays null until Kafka acknowledged the event, and a background
-- round republishes such rows (deletion.ControlOutbox), so a deletion accepted while Kafka is away
-- still reaches every service.
CREATE TABLE deletions (
    event_id     varchar(64)  PRIMARY KEY,
    kind         varchar(16)  NOT NULL,
    model_id     varchar(63)  NOT NULL,
    batch_id     varchar(64),
    actor        varchar(200) NOT NULL,
    deleted_at   timestamptz  NOT NULL,
    published_at timestamptz
);
CREATE INDEX deletions_model ON deletions (model_id, deleted_at DESC);
CREATE INDEX deletions_unpublished ON deletions (deleted_at) WHERE published_at IS NULL;

-- Models deleted and not registered again: uploads to them get 409, a repeated DELETE is a no-op.
-- Registering the id again removes the row.
CREATE TABLE deleted_models (
    model_id   varchar(63) PRIMARY KEY,
    event_id   varchar(64) NOT NULL,
    deleted_at timestamptz NOT NULL
);
