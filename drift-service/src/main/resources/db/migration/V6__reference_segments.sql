-- The reference profile of each segment (model spec "segments"): per segment column and value, the profile
-- of every feature on the reference rows of that value. Like reference_profiles, aggregates and sorted
-- values only, no row ids. A reference profiled before segments were configured has none.
CREATE TABLE reference_segments (
    model_id          varchar(63)  NOT NULL,
    reference_version integer      NOT NULL,
    segment_column    varchar(256) NOT NULL,
    segment_value     text         NOT NULL,
    column_name       varchar(256) NOT NULL,
    segment_rows      bigint       NOT NULL,
    role              varchar(32)  NOT NULL,
    type              varchar(16)  NOT NULL,
    profile           bytea        NOT NULL,
    created_at        timestamptz  NOT NULL,
    PRIMARY KEY (model_id, reference_version, segment_column, segment_value, column_name)
);
