-- The reconstruction model of a reference (multivariate drift): encodings, principal components, band and
-- per-feature reference errors. Fitted once from the reference rows, which are not kept, so a restart reads it here.
-- A reference profiled before this table existed has no row, and its results carry no multivariate part.
CREATE TABLE reference_multivariate (
    model_id          varchar(63) NOT NULL,
    reference_version integer     NOT NULL,
    method            varchar(32) NOT NULL,
    model             bytea       NOT NULL,
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (model_id, reference_version)
);
