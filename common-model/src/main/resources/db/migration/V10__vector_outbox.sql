-- Qdrant catch-up (VECTOR_STORE=qdrant). PostgreSQL is the truth; Qdrant is a copy the worker keeps current.
-- Triggers note every change of a search vector, and of the song fields copied into Qdrant's payload, in
-- vector_outbox, in the same transaction as the change, whichever code made it (analysis, re-vectorising,
-- metadata vectors, vacuum, invalidation, a cascade from a deleted song). The worker drains the outbox: it
-- upserts the song's current vector or deletes the point when the vector is gone. A row here means "Qdrant is
-- behind for this song and model", nothing more: an outage of Qdrant loses nothing, it only leaves rows.

-- Whether changes are noted at all: the worker turns it on at startup when VECTOR_STORE=qdrant (and then
-- queues every stored vector once, so switching to Qdrant fills it), and off otherwise (and empties the outbox).
CREATE TABLE vector_outbox_switch (
    only_row    BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    enabled     BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO vector_outbox_switch DEFAULT VALUES;

-- No foreign key to song: the note of a deleted song must outlive it (its point is deleted from it).
CREATE TABLE vector_outbox (
    model       TEXT        NOT NULL,
    song_id     BIGINT      NOT NULL,
    queued_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts    INTEGER     NOT NULL DEFAULT 0,
    last_error  TEXT,
    PRIMARY KEY (model, song_id)
);
CREATE INDEX vector_outbox_queued_idx ON vector_outbox (queued_at);

CREATE FUNCTION vector_outbox_note_embedding() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT (SELECT enabled FROM vector_outbox_switch) THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.kind = 'search' THEN
        INSERT INTO vector_outbox (model, song_id) VALUES (OLD.model, OLD.song_id)
        ON CONFLICT (model, song_id) DO UPDATE SET queued_at = now();
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.kind = 'search' THEN
        INSERT INTO vector_outbox (model, song_id) VALUES (NEW.model, NEW.song_id)
        ON CONFLICT (model, song_id) DO UPDATE SET queued_at = now();
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER embedding_vector_outbox AFTER INSERT OR UPDATE OR DELETE ON embedding
    FOR EACH ROW EXECUTE FUNCTION vector_outbox_note_embedding();

-- A rescan that changes tags or moves nothing but metadata: the payload copied into Qdrant follows.
CREATE FUNCTION vector_outbox_note_song() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT enabled FROM vector_outbox_switch)
            AND (NEW.path, NEW.title, NEW.artist, NEW.album, NEW.album_artist, NEW.genre, NEW.year)
                IS DISTINCT FROM (OLD.path, OLD.title, OLD.artist, OLD.album, OLD.album_artist, OLD.genre, OLD.year) THEN
        INSERT INTO vector_outbox (model, song_id)
        SELECT model, song_id FROM embedding WHERE song_id = NEW.id AND kind = 'search'
        ON CONFLICT (model, song_id) DO UPDATE SET queued_at = now();
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER song_vector_outbox AFTER UPDATE ON song
    FOR EACH ROW EXECUTE FUNCTION vector_outbox_note_song();
