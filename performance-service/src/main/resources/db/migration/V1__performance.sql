-- Baselines: the reference data's realised metrics and per-slice figures, one row per model and
-- reference version, so a restart needs no replay. baseline_json is a ReferenceBaseline.
CREATE TABLE baselines (
    model_id          varchar(63) NOT NULL,
    reference_version integer     NOT NULL,
    task              varchar(32) NOT NULL,
    rows              bigint      NOT NULL,
    labeled_rows      bigint      NOT NULL,
    baseline_json     text        NOT NULL,
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (model_id, reference_version)
);

-- Published results, every revision; a row here means that revision is done, which makes
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

-- Predictions awaiting labels: ONE ROW PER PRODUCTION BATCH, every per-row array packed into a
-- bytea (rows.RowCodec), rows ordered by id hash so labels join by merge:
--   id_hashes   8 bytes/row, IdHash of the model's id column, ascending
--   predictions classification: a bitset (1 bit/row); regression: float64 (8 bytes/row)
--   scores      float64 (8 bytes/row), NULL when the model has no score
--   labels      classification: 1 byte/row (-1 unknown, 0, 1); regression: float64, NaN unknown
--   slice_bins  4-bit slice codes of the first slice_features features, feature-major
-- The hashes, predictions and scores are incompressible: STORAGE EXTERNAL stores them out of line
-- without trying to compress. Labels (all -1 while waiting) and slice codes do compress: they keep
-- the default EXTENDED storage, with lz4 where the server has it. Bytes per row:
-- test-scope io.modeltrust.performance.pending.PendingStorageBench (pg_total_relation_size).
CREATE TABLE pending_predictions (
    model_id          varchar(63) NOT NULL,
    batch_id          varchar(64) NOT NULL,
    reference_version integer     NOT NULL,
    task              varchar(32) NOT NULL,
    rows              integer     NOT NULL,
    labeled_rows      integer     NOT NULL,
    slice_features    smallint    NOT NULL,
    batch_at          timestamptz NOT NULL,
    created_at        timestamptz NOT NULL,
    id_hashes         bytea       NOT NULL,
    predictions       bytea       NOT NULL,
    scores            bytea,
    labels            bytea       NOT NULL,
    slice_bins        bytea       NOT NULL,
    PRIMARY KEY (model_id, batch_id)
);
ALTER TABLE pending_predictions ALTER COLUMN id_hashes SET STORAGE EXTERNAL;
ALTER TABLE pending_predictions ALTER COLUMN predictions SET STORAGE EXTERNAL;
ALTER TABLE pending_predictions ALTER COLUMN scores SET STORAGE EXTERNAL;
DO $$
BEGIN
    ALTER TABLE pending_predictions ALTER COLUMN labels SET COMPRESSION lz4;
    ALTER TABLE pending_predictions ALTER COLUMN slice_bins SET COMPRESSION lz4;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'lz4 not available, labels and slice_bins keep the default compression';
END $$;
CREATE INDEX pending_predictions_created ON pending_predictions (created_at);

-- Labels batches already processed (idempotency on redelivery) and what they matched.
CREATE TABLE label_batches (
    model_id         varchar(63) NOT NULL,
    batch_id         varchar(64) NOT NULL,
    rows             bigint      NOT NULL,
    matched          bigint      NOT NULL,
    unmatched        bigint      NOT NULL,
    affected_batches integer     NOT NULL,
    received_at      timestamptz NOT NULL,
    processed_at     timestamptz NOT NULL,
    PRIMARY KEY (model_id, batch_id)
);
CREATE INDEX label_batches_processed ON label_batches (processed_at);
