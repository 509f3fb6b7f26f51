-- Period reports (docs/reports.md). A schedule makes one report per period of `every` (an ISO-8601 duration)
-- ending at next_run_at; the replica that claims a due schedule (FOR UPDATE SKIP LOCKED) makes it and moves
-- next_run_at on by one period, so periods missed while no replica ran are made one by one afterwards.
CREATE TABLE report_schedules (
    schedule_id uuid        PRIMARY KEY,
    model_id    varchar(63) NOT NULL,
    every       text        NOT NULL,
    format      varchar(8)  NOT NULL,
    channel_id  text,
    next_run_at timestamptz NOT NULL,
    last_run_at timestamptz,
    created_at  timestamptz NOT NULL,
    created_by  text
);
CREATE INDEX report_schedules_due ON report_schedules (next_run_at);

-- Generated reports with their metadata and the rendered document. A scheduled period is made once:
-- (schedule_id, period_to, trigger) is unique, so a second replica or a retried run finds it already there.
CREATE TABLE reports (
    report_id    uuid        PRIMARY KEY,
    model_id     varchar(63) NOT NULL,
    schedule_id  uuid,
    run_trigger  varchar(12) NOT NULL,
    period_from  timestamptz NOT NULL,
    period_to    timestamptz NOT NULL,
    format       varchar(8)  NOT NULL,
    media_type   text        NOT NULL,
    size_bytes   integer     NOT NULL,
    batches      integer     NOT NULL,
    alerts       integer     NOT NULL,
    summary      text        NOT NULL,
    generated_at timestamptz NOT NULL,
    body         bytea       NOT NULL
);
CREATE UNIQUE INDEX reports_scheduled_once ON reports (schedule_id, period_to) WHERE run_trigger = 'schedule';
CREATE INDEX reports_model ON reports (model_id, generated_at DESC);
-- The retention job deletes reports whose period ended before the history's cutoff.
CREATE INDEX reports_period_to ON reports (period_to);
