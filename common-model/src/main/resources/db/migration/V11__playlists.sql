-- Playlists of every source (a discovery request saved by the API, a clustering run, a hand-made list): one table
-- for the playlist, one for its songs in order. Songs are referenced by id, so a rescan that changes tags keeps
-- them; a song that vacuum deletes leaves every playlist it was in (see the trigger below).

CREATE TABLE playlist (
    id             BIGSERIAL PRIMARY KEY,
    name           TEXT        NOT NULL,
    -- what made it: path | alchemy | similar | manual | cluster | instant | ... (open: features add their own)
    source         TEXT        NOT NULL,
    -- the request that made it, as JSON (the discovery request of a `from` source); NULL for a hand-made list
    request        JSONB,
    -- songs vacuum removed from the library since the playlist was made (they left the playlist with it)
    removed_songs  INTEGER     NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX playlist_created_idx ON playlist (created_at DESC, id DESC);

-- Positions are dense: 0 .. n-1 in play order, with no gaps, whoever deleted a row (readers rely on it).
CREATE TABLE playlist_song (
    playlist_id  BIGINT  NOT NULL REFERENCES playlist (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    song_id      BIGINT  NOT NULL REFERENCES song (id) ON DELETE CASCADE,
    PRIMARY KEY (playlist_id, position)
);
-- the song foreign key's cascade looks rows up by song, once per deleted song
CREATE INDEX playlist_song_song_idx ON playlist_song (song_id);

-- A song deleted from the library (vacuum, or any other DELETE on song) leaves its playlists through the
-- foreign key's cascade. This trigger runs after each such cascaded DELETE, in the same transaction: it counts
-- the rows whose song no longer exists in playlist.removed_songs and closes the gaps they left, so every reader
-- sees positions 0 .. n-1. Rows deleted while their song still exists (the API editing a playlist, a playlist
-- deleted) are none of its business. A trigger rather than code in the vacuum job: whichever statement deletes a
-- song, the playlists stay consistent, and a clustering or any future writer needs to know nothing about it.
CREATE FUNCTION playlist_song_forget_removed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    affected BIGINT[];
BEGIN
    WITH gone AS (
        SELECT o.playlist_id, count(*) AS n
          FROM removed_rows o
         WHERE NOT EXISTS (SELECT 1 FROM song s WHERE s.id = o.song_id)
         GROUP BY o.playlist_id
    ), counted AS (
        UPDATE playlist p SET removed_songs = p.removed_songs + gone.n, updated_at = now()
          FROM gone WHERE p.id = gone.playlist_id
        RETURNING p.id
    )
    SELECT array_agg(id) INTO affected FROM counted;
    IF affected IS NULL THEN
        RETURN NULL;
    END IF;
    -- renumber in two passes through negative positions, so no intermediate row collides with the primary key;
    -- only the rows after a gap are written
    UPDATE playlist_song ps SET position = -1 - r.dense
      FROM (SELECT playlist_id, position, (row_number() OVER (PARTITION BY playlist_id ORDER BY position) - 1)::int AS dense
              FROM playlist_song WHERE playlist_id = ANY (affected)) r
     WHERE ps.playlist_id = r.playlist_id AND ps.position = r.position AND r.position <> r.dense;
    UPDATE playlist_song SET position = -1 - position WHERE playlist_id = ANY (affected) AND position < 0;
    RETURN NULL;
END $$;

CREATE TRIGGER playlist_song_removed AFTER DELETE ON playlist_song
    REFERENCING OLD TABLE AS removed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION playlist_song_forget_removed();
