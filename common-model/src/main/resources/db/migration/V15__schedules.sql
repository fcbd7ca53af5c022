-- Cron schedules of top-level tasks (POST /api/v1/schedules). Every API instance ticks over the due rows and
-- claims one by moving its next_fire_at with a conditional UPDATE (WHERE next_fire_at = the value it read), so
-- a slot fires once however many instances run. A slot missed while no API ran fires once at the next tick: the
-- claim moves next_fire_at to the cron's next time after now, not after the missed slot.
CREATE TABLE schedule (
    id            BIGSERIAL PRIMARY KEY,
    cron          TEXT        NOT NULL,                 -- Spring CronExpression: second minute hour day month weekday
    time_zone     TEXT        NOT NULL,                 -- the zone the cron is read in (an IANA id)
    task_type     TEXT        NOT NULL CHECK (task_type IN ('SCAN', 'ANALYZE', 'VACUUM', 'CLUSTER')),
    body          JSONB,                                -- the task's request body as given; checked again at each firing
    enabled       BOOLEAN     NOT NULL DEFAULT TRUE,
    next_fire_at  TIMESTAMPTZ,                          -- null: the cron has no later time
    last_fired_at TIMESTAMPTZ,
    -- no foreign key: a schedule outlives the tasks it started (they may be vacuumed or truncated)
    last_task_id  UUID,
    last_result   TEXT,                                 -- the task's status when submitted (PENDING, SKIPPED) or ERROR
    last_message  TEXT,                                 -- why it was skipped, or the error
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX schedule_due_idx ON schedule (next_fire_at) WHERE enabled;
