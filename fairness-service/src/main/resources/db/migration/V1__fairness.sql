-- Baselines: the fairness figures of each reference version (the engine's report as JSON), so that
-- production batches compare with the reference data without a replay after a restart.
CREATE TABLE baselines (
    model_id          varchar(63) NOT NULL,
    reference_version integer     NOT NULL,
    row_count         bigint      NOT NULL,
    report_json       text        NOT NULL,
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (model_id, reference_version)
);

-- Published results, one row per revision; a row here means that revision is done, which makes
-- redelivery a no-op.
CREATE TABLE results (
    model_id    varchar(63) NOT NULL,
    batch_id    varchar(64) NOT NULL,
    revision    integer     NOT NULL,
    event_id    varchar(64) NOT NULL,
    result_json text        NOT NULL,
    computed_at timestamptz NOT NULL,
    PRIMARY KEY (model_id, batch_id, revision)
);
CREATE INDEX results_model_time ON results (model_id, computed_at DESC);

-- Production batches awaiting delayed labels: sorted id hashes, group codes, decisions and label
-- states packed per batch (see labels.PendingPredictions), kept until expires_at.
CREATE TABLE pending_predictions (
    model_id          varchar(63) NOT NULL,
    batch_id          varchar(64) NOT NULL,
    reference_version integer     NOT NULL,
    batch_at          timestamptz,
    row_count         integer     NOT NULL,
    labeled_rows      bigint      NOT NULL,
    revision          integer     NOT NULL,
    spec_json         text        NOT NULL,
    attributes_json   text        NOT NULL,
    id_hashes         bytea       NOT NULL,
    group_codes       bytea       NOT NULL,
    predictions       bytea       NOT NULL,
    labels            bytea       NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    PRIMARY KEY (model_id, batch_id)
);
CREATE INDEX pending_predictions_expiry ON pending_predictions (expires_at);
-- Hashes and codes hardly compress: store them out of line without trying.
ALTER TABLE pending_predictions ALTER COLUMN id_hashes SET STORAGE EXTERNAL;
ALTER TABLE pending_predictions ALTER COLUMN group_codes SET STORAGE EXTERNAL;
ALTER TABLE pending_predictions ALTER COLUMN predictions SET STORAGE EXTERNAL;

-- Labels batches already joined: a redelivered labels batch changes nothing.
CREATE TABLE processed_labels (
    model_id        varchar(63) NOT NULL,
    batch_id        varchar(64) NOT NULL,
    row_count       bigint      NOT NULL,
    matched_rows    bigint      NOT NULL,
    revised_batches integer     NOT NULL,
    processed_at    timestamptz NOT NULL,
    PRIMARY KEY (model_id, batch_id)
);
CREATE INDEX processed_labels_time ON processed_labels (processed_at);
