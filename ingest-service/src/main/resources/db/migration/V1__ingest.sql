CREATE TABLE models (
    model_id          varchar(63) PRIMARY KEY,
    version           integer     NOT NULL,
    spec_json         text        NOT NULL,
    reference_version integer     NOT NULL DEFAULT 0,
    reference_allocated integer   NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE batches (
    batch_id          varchar(64) PRIMARY KEY,
    model_id          varchar(63) NOT NULL REFERENCES models (model_id),
    kind              varchar(16) NOT NULL,
    row_count         bigint      NOT NULL,
    chunks            integer     NOT NULL,
    model_version     integer     NOT NULL,
    reference_version integer     NOT NULL,
    batch_at          timestamptz NOT NULL,
    received_at       timestamptz NOT NULL,
    idempotency_key   varchar(200),
    matched_labels    bigint,
    columns_json      text        NOT NULL
);
-- A repeated Idempotency-Key finds its first batch here; the constraint also settles two racing repeats.
CREATE UNIQUE INDEX batches_idempotency ON batches (model_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX batches_model_time ON batches (model_id, received_at DESC);

CREATE TABLE production_ids (
    batch_id   varchar(64) PRIMARY KEY,
    model_id   varchar(63) NOT NULL,
    hashes     bytea       NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX production_ids_model ON production_ids (model_id, created_at);
