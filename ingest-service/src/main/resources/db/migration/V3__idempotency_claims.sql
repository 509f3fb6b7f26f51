-- An Idempotency-Key is claimed before anything is published, so that of several requests racing with one key
-- exactly one publishes: the primary key settles the race up front. The claim turns 'published' in the
-- transaction that records the batch; a request that fails before publishing releases it. A claim left
-- 'in_flight' by a process that died is taken over after ingest.idempotency-claim-timeout.
CREATE TABLE idempotency_claims (
    model_id        varchar(63)  NOT NULL,
    idempotency_key varchar(200) NOT NULL,
    batch_id        varchar(64)  NOT NULL,
    state           varchar(16)  NOT NULL,
    claimed_at      timestamptz  NOT NULL,
    PRIMARY KEY (model_id, idempotency_key)
);
