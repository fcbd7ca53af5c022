-- Sonority core schema. PostgreSQL is the source of truth: every vector index can be rebuilt from it.
-- Versions V2..V9 belong to the foundation (common-model/batch-worker), V10+ to later features.

-- A file of the music library. `path` is the public id: relative to MUSIC_DIR, forward slashes, no leading
-- slash, bytes as found on disk (no Unicode normalisation; lookups try NFC/NFD variants in code).
CREATE TABLE song (
    id                BIGSERIAL PRIMARY KEY,
    path              TEXT        NOT NULL,
    title             TEXT,
    artist            TEXT,
    album             TEXT,
    album_artist      TEXT,
    genre             TEXT,
    year              INTEGER,
    track_number      INTEGER,
    duration_seconds  DOUBLE PRECISION,
    file_size         BIGINT      NOT NULL,
    file_mtime        TIMESTAMPTZ NOT NULL,
    format            TEXT,
    codec             TEXT,
    sample_rate       INTEGER,
    channels          INTEGER,
    bitrate           INTEGER,
    -- where the tags came from: JAUDIOTAGGER, FFMPEG, or NONE when neither could read them
    tag_source        TEXT        NOT NULL DEFAULT 'NONE',
    -- why the file could not be read at scan time (tags or probe); NULL when it was read
    scan_error        TEXT,
    -- set by a scan that no longer finds the file; vacuum deletes such songs
    missing_since     TIMESTAMPTZ,
    added_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT song_path_unique UNIQUE (path),
    CONSTRAINT song_path_relative CHECK (path <> '' AND left(path, 1) <> '/')
);
CREATE INDEX song_missing_idx ON song (missing_since) WHERE missing_since IS NOT NULL;
CREATE INDEX song_artist_idx ON song (lower(artist));
CREATE INDEX song_album_idx ON song (lower(album));

-- The state of one model's analysis of one song. A row exists once the song was requested for the model.
CREATE TABLE song_analysis (
    song_id        BIGINT      NOT NULL REFERENCES song (id) ON DELETE CASCADE,
    model          TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED')),
    model_version  TEXT,
    error_reason   TEXT,
    attempts       INTEGER     NOT NULL DEFAULT 0,
    -- the top-level task that last requested this analysis (progress roll-up, cancellation)
    task_id        UUID,
    started_at     TIMESTAMPTZ,
    completed_at   TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (song_id, model)
);
CREATE INDEX song_analysis_model_status_idx ON song_analysis (model, status);
CREATE INDEX song_analysis_task_idx ON song_analysis (task_id, status) WHERE task_id IS NOT NULL;
CREATE INDEX song_analysis_failed_idx ON song_analysis (status, song_id) WHERE status = 'FAILED';

-- Vectors and other fixed-length float outputs of a model for a song.
-- `kind`: 'search' (the vector the index searches), 'raw' (unnormalised values a search vector is derived
-- from), 'tags', 'moods', ... Layout of `data`: `dim` float32 values, little-endian, no header.
CREATE TABLE embedding (
    song_id        BIGINT      NOT NULL REFERENCES song (id) ON DELETE CASCADE,
    model          TEXT        NOT NULL,
    kind           TEXT        NOT NULL DEFAULT 'search',
    dim            INTEGER     NOT NULL CHECK (dim > 0),
    data           BYTEA       NOT NULL CHECK (octet_length(data) = 4 * dim),
    model_version  TEXT        NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (song_id, model, kind)
);
-- index loads stream one model's search vectors in song order; incremental loads ask for recent ones
CREATE INDEX embedding_model_kind_idx ON embedding (model, kind, song_id);
CREATE INDEX embedding_updated_idx ON embedding (model, kind, updated_at);

-- Scalar descriptors used for filters, explanations and the Lainbow analysis endpoint.
CREATE TABLE song_descriptors (
    song_id                  BIGINT PRIMARY KEY REFERENCES song (id) ON DELETE CASCADE,
    bpm                      DOUBLE PRECISION,
    beat_confidence          DOUBLE PRECISION,
    musical_key              TEXT,
    scale                    TEXT,
    key_strength             DOUBLE PRECISION,
    loudness_lufs            DOUBLE PRECISION,
    loudness_range           DOUBLE PRECISION,
    energy                   DOUBLE PRECISION,
    danceability             DOUBLE PRECISION,
    dynamic_complexity       DOUBLE PRECISION,
    spectral_centroid_mean   DOUBLE PRECISION,
    spectral_bandwidth_mean  DOUBLE PRECISION,
    -- descriptor name -> why it is null (silence, too short, ...)
    null_reasons             JSONB,
    model_version            TEXT        NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX song_descriptors_bpm_idx ON song_descriptors (bpm);
CREATE INDEX song_descriptors_key_idx ON song_descriptors (musical_key, scale);

-- Jobs. A top-level task (parent_id NULL) is what a user asked for; children are the units of work it
-- fans out into (when they are tracked as rows at all).
CREATE TABLE task (
    id                UUID PRIMARY KEY,
    type              TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    parent_id         UUID REFERENCES task (id) ON DELETE CASCADE,
    status            TEXT        NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'SUCCESS', 'FAILURE', 'SKIPPED', 'CANCELLED')),
    progress          INTEGER     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    processed_count   INTEGER     NOT NULL DEFAULT 0,
    failed_count      INTEGER     NOT NULL DEFAULT 0,
    total_count       INTEGER,
    message           TEXT,
    error             TEXT,
    details           JSONB,
    parameters        JSONB,
    cancel_requested  BOOLEAN     NOT NULL DEFAULT FALSE,
    -- the worker instance that runs it and when it last proved it is alive (recovery of dead workers)
    owner             TEXT,
    heartbeat_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at        TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at       TIMESTAMPTZ
);
-- At most one active top-level task per type: the second request of a kind becomes SKIPPED atomically.
CREATE UNIQUE INDEX task_one_active_per_type ON task (type)
    WHERE parent_id IS NULL AND status IN ('PENDING', 'RUNNING');
CREATE INDEX task_status_idx ON task (status, type);
CREATE INDEX task_created_idx ON task (created_at DESC);
CREATE INDEX task_parent_idx ON task (parent_id) WHERE parent_id IS NOT NULL;

-- Messages that failed for good (bounded retries exhausted, or unconvertible), kept for the API.
CREATE TABLE dead_letter (
    id            BIGSERIAL PRIMARY KEY,
    queue         TEXT        NOT NULL,
    routing_key   TEXT,
    task_id       UUID,
    payload       TEXT        NOT NULL,
    error         TEXT,
    attempts      INTEGER     NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX dead_letter_created_idx ON dead_letter (created_at DESC);
CREATE INDEX dead_letter_task_idx ON dead_letter (task_id);
