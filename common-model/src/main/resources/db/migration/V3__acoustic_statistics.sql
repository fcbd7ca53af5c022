-- Library-wide statistics of the acoustic_features raw vectors: each search vector is the raw vector z-scored
-- with these (then weighted and L2-normalised). One row per model; the re-vectorise job replaces it when the
-- library has grown or shrunk by more than ACOUSTIC_RESTANDARDISE_FRACTION since `song_count`, and rewrites every
-- search vector with it. `mean`/`std`: `dim` float32 values, little-endian (as embedding.data).
CREATE TABLE acoustic_statistics (
    model          TEXT PRIMARY KEY,
    -- the raw layout's version (the analyzer's model version); statistics of another version are not used
    model_version  TEXT        NOT NULL,
    dim            INTEGER     NOT NULL CHECK (dim > 0),
    mean           BYTEA       NOT NULL CHECK (octet_length(mean) = 4 * dim),
    std            BYTEA       NOT NULL CHECK (octet_length(std) = 4 * dim),
    song_count     BIGINT      NOT NULL CHECK (song_count > 0),
    computed_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
