-- The moving reference (drift.reference previous/both): what was kept of each recent production batch of a model
-- whose spec asks for it, the column profiles as reference_profiles keeps them (sorted values or category counts,
-- no row ids; a batch of more than drift.window-rows-per-batch rows is profiled from a seeded sample of them).
-- Bounded: after each batch only the newest drift.reference.batches + 1 batches of the model stay.
CREATE TABLE reference_window_batches (
    model_id   varchar(63) NOT NULL,
    batch_id   varchar(64) NOT NULL,
    batch_at   timestamptz NOT NULL,
    batch_rows bigint      NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (model_id, batch_id)
);
CREATE INDEX reference_window_batches_time ON reference_window_batches (model_id, batch_at DESC, batch_id COLLATE "C" DESC);

CREATE TABLE reference_window (
    model_id    varchar(63)  NOT NULL,
    batch_id    varchar(64)  NOT NULL,
    column_name varchar(256) NOT NULL,
    role        varchar(16)  NOT NULL,
    type        varchar(16)  NOT NULL,
    profile     bytea        NOT NULL,
    PRIMARY KEY (model_id, batch_id, column_name)
);
