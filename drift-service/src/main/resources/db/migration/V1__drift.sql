-- Reference profiles: what each column of a reference looked like, so a restart needs no replay.
CREATE TABLE reference_profiles (
    model_id          varchar(63)  NOT NULL,
    reference_version integer      NOT NULL,
    column_name       varchar(256) NOT NULL,
    role              varchar(16)  NOT NULL,
    type              varchar(16)  NOT NULL,
    profile           bytea        NOT NULL,
    created_at        timestamptz  NOT NULL,
    PRIMARY KEY (model_id, reference_version, column_name)
);

-- Published results; a row here means the batch is done, which makes redelivery a no-op.
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
