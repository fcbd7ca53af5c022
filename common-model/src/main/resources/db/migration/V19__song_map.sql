-- The library map (a MAP task): one 2-D position per song and model, written by the worker as a whole (the
-- previous map of that model is replaced in the same transaction), read by GET /api/v1/map. method is how the
-- positions were computed (umap, or pca for fewer than 16 songs or on request); computed_at is the same for every
-- row of one map and makes its ETag.
CREATE TABLE song_map (
    model       TEXT        NOT NULL,
    song_id     BIGINT      NOT NULL REFERENCES song (id) ON DELETE CASCADE,
    x           REAL        NOT NULL,
    y           REAL        NOT NULL,
    method      TEXT        NOT NULL CHECK (method IN ('umap', 'pca')),
    computed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (model, song_id)
);
