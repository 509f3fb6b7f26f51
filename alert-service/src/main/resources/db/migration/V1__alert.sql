-- Models become known here with their first result.
CREATE TABLE models (
    model_id        varchar(63) PRIMARY KEY,
    first_seen_at   timestamptz NOT NULL,
    last_result_at  timestamptz NOT NULL,
    latest_batch_id text,
    latest_batch_at timestamptz,
    result_count    bigint      NOT NULL DEFAULT 0
);

-- Every result event, every revision, exactly as received.
CREATE TABLE results (
    event_id    text        NOT NULL,
    model_id    varchar(63) NOT NULL,
    batch_id    text        NOT NULL,
    kind        varchar(16) NOT NULL,
    revision    integer     NOT NULL,
    batch_at    timestamptz NOT NULL,
    computed_at timestamptz,
    received_at timestamptz NOT NULL,
    payload     text        COMPRESSION lz4 NOT NULL,
    -- A (batch, kind, revision) is kept once whatever its eventId; the report reads a batch's results by it.
    PRIMARY KEY (model_id, batch_id, kind, revision)
);
-- Redelivery is recognised by eventId.
CREATE UNIQUE INDEX results_event ON results (event_id);

-- The batch timeline: which results arrived, at their latest revision.
CREATE TABLE batches (
    model_id             varchar(63) NOT NULL,
    batch_id             text        NOT NULL,
    batch_at             timestamptz NOT NULL,
    drift_revision       integer,
    performance_revision integer,
    fairness_revision    integer,
    first_received_at    timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    PRIMARY KEY (model_id, batch_id)
);
CREATE INDEX batches_timeline ON batches (model_id, batch_at DESC, batch_id DESC);

-- Per model and kind, the position of each metric path in result_vectors.vals.
CREATE TABLE series_keys (
    model_id varchar(63) NOT NULL,
    kind     varchar(16) NOT NULL,
    series   text        NOT NULL,
    idx      integer     NOT NULL,
    PRIMARY KEY (model_id, kind, series),
    UNIQUE (model_id, kind, idx)
);

-- The numbers of each batch's latest revision per kind, one row per result: a time series is one
-- index range scan reading one array element per batch, and a result costs one row to write.
-- MAIN storage and a high toast target keep the array inline, so reading an element never detoasts.
CREATE TABLE result_vectors (
    model_id varchar(63)        NOT NULL,
    kind     varchar(16)        NOT NULL,
    batch_id text               NOT NULL,
    batch_at timestamptz        NOT NULL,
    revision integer            NOT NULL,
    vals     double precision[] NOT NULL,
    PRIMARY KEY (model_id, kind, batch_id)
) WITH (toast_tuple_target = 8160);
ALTER TABLE result_vectors ALTER COLUMN vals SET STORAGE MAIN;
CREATE INDEX result_vectors_timeline ON result_vectors (model_id, kind, batch_at, batch_id);

CREATE TABLE rule_sets (
    model_id   varchar(63) PRIMARY KEY,
    version    integer     NOT NULL,
    rules_json text        NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text
);

CREATE TABLE alerts (
    alert_id            uuid        PRIMARY KEY,
    model_id            varchar(63) NOT NULL,
    rule_id             text        NOT NULL,
    subject             text        NOT NULL DEFAULT '',
    kind                varchar(16) NOT NULL,
    severity            varchar(16) NOT NULL,
    status              varchar(16) NOT NULL,
    metric              text        NOT NULL,
    series              text,
    comparator          varchar(8)  NOT NULL,
    threshold           double precision NOT NULL,
    value               double precision,
    subjects            text,
    batch_id            text        NOT NULL,
    batch_at            timestamptz NOT NULL,
    first_batch_id      text        NOT NULL,
    explanation         text,
    occurrences         integer     NOT NULL,
    clear_count         integer     NOT NULL DEFAULT 0,
    last_clear_at       timestamptz,
    last_clear_batch_id text,
    opened_at           timestamptz NOT NULL,
    last_seen_at        timestamptz NOT NULL,
    acknowledged_at     timestamptz,
    acknowledged_by     text,
    resolved_at         timestamptz,
    resolved_by         text,
    resolve_reason      text,
    notified            boolean     NOT NULL,
    version             integer     NOT NULL,
    updated_at          timestamptz NOT NULL
);
-- One active alert per (model, rule, subject): a continuing breach updates it, never duplicates it.
CREATE UNIQUE INDEX alerts_active_key ON alerts (model_id, rule_id, subject) WHERE status <> 'resolved';
CREATE INDEX alerts_resolved_key ON alerts (model_id, rule_id, subject, batch_at DESC) WHERE status = 'resolved';
CREATE INDEX alerts_model_opened ON alerts (model_id, opened_at DESC);
CREATE INDEX alerts_opened ON alerts (opened_at DESC);

CREATE TABLE alert_occurrences (
    alert_id    uuid        NOT NULL,
    model_id    varchar(63) NOT NULL,
    batch_id    text        NOT NULL,
    batch_at    timestamptz NOT NULL,
    value       double precision,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (alert_id, batch_id)
);
CREATE INDEX alert_occurrences_batch ON alert_occurrences (model_id, batch_id);

CREATE TABLE alert_audit (
    id          bigserial   PRIMARY KEY,
    alert_id    uuid        NOT NULL,
    at          timestamptz NOT NULL,
    transition  varchar(16) NOT NULL,
    from_status varchar(16),
    to_status   varchar(16) NOT NULL,
    actor       text        NOT NULL,
    reason      text,
    batch_id    text
);
CREATE INDEX alert_audit_alert ON alert_audit (alert_id, id);

-- Alert events wait here until Kafka has them: written in the transaction that changed the alert.
CREATE TABLE outbox (
    id         bigserial   PRIMARY KEY,
    model_id   varchar(63) NOT NULL,
    event_id   text        NOT NULL,
    payload    text        NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE notification_channels (
    id           text        PRIMARY KEY,
    position     integer     NOT NULL,
    url          text        NOT NULL,
    secret       text        NOT NULL,
    min_severity varchar(16) NOT NULL,
    enabled      boolean     NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE webhook_deliveries (
    id               bigserial   PRIMARY KEY,
    channel_id       text        NOT NULL,
    event_id         text        NOT NULL,
    alert_id         uuid        NOT NULL,
    body             text        NOT NULL,
    status           varchar(16) NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    delivered_at     timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_recent ON webhook_deliveries (created_at DESC);
