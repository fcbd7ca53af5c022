-- The outcomes of one batch of a clustering search, written by whichever worker ran it (the CLUSTER task's
-- child messages). The primary key makes a redelivered batch write nothing twice (ON CONFLICT DO NOTHING); the
-- parent reads the rows in batch order, and a redelivered parent reuses the rows its run already has.
CREATE TABLE clustering_batch (
    run_id       BIGINT      NOT NULL REFERENCES clustering_run (id) ON DELETE CASCADE,
    batch_index  INT         NOT NULL,
    -- the runs' outcomes in the order issued: parameters (seed included), fitness, clusters
    outcomes     JSONB       NOT NULL,
    -- set instead of outcomes when the batch could not run (the parent fails the task with it)
    error        TEXT,
    -- the worker that ran it (its task owner name): shows how a search spread over the workers
    worker       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, batch_index)
);
