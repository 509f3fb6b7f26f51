-- The sample of a reference's feature rows that the domain classifier (drift.domainClassifier) trains on:
-- at most 5,000 rows and 1,000,000 values, standardised with the reference's encodings, as float32
-- (io.modeltrust.drift.multivariate.DomainSample). Written only for a reference whose spec asks for the check;
-- a model's deletion removes it with the other reference tables.
CREATE TABLE reference_domain_sample (
    model_id          varchar(63) NOT NULL,
    reference_version integer     NOT NULL,
    sample_rows       integer     NOT NULL,
    sample            bytea       NOT NULL,
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (model_id, reference_version)
);
