-- One row per clustering search (a CLUSTER task): what it was asked, what ranges and labels it used, the best
-- fitness after each batch (its curve) and how it ended. The cluster playlists it saved name the run in their
-- request (run_id); they replace the previous run's only when the run succeeds.
CREATE TABLE clustering_run (
    id             BIGSERIAL PRIMARY KEY,
    task_id        UUID        NOT NULL UNIQUE REFERENCES task (id) ON DELETE CASCADE,
    -- the request's parameters after defaults were applied (model, method, ranges, weights, seed, ...)
    parameters     JSONB       NOT NULL,
    -- the ranges used (adapted to the library), the label source, the best run's parameters, ARI-free facts
    details        JSONB,
    -- best fitness after each accepted batch, in batch order
    fitness_curve  JSONB       NOT NULL DEFAULT '[]'::jsonb,
    best_fitness   DOUBLE PRECISION,
    status         TEXT        NOT NULL CHECK (status IN ('RUNNING', 'SUCCESS', 'FAILURE', 'CANCELLED')),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at    TIMESTAMPTZ
);
CREATE INDEX clustering_run_created_idx ON clustering_run (created_at DESC, id DESC);
-- cluster playlists are found (and replaced) by source; the run's id sits in their request
CREATE INDEX playlist_source_idx ON playlist (source);
