package dev.sonority.api.instant;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Writes a playlist and its songs into the {@code playlist} and {@code playlist_song} tables, in one transaction. */
@Repository
class JdbcInstantPlaylistSaver implements InstantPlaylistSaver {

    private final JdbcClient jdbc;

    JdbcInstantPlaylistSaver(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long save(String name, String source, String requestJson, List<Long> songIds) {
        long id = jdbc.sql("INSERT INTO playlist (name, source, request) VALUES (:name, :source, CAST(:request AS jsonb))"
                        + " RETURNING id")
                .param("name", name).param("source", source).param("request", requestJson)
                .query(Long.class).single();
        for (int position = 0; position < songIds.size(); position++) {
            jdbc.sql("INSERT INTO playlist_song (playlist_id, position, song_id) VALUES (:playlist, :position, :song)")
                    .param("playlist", id).param("position", position).param("song", songIds.get(position)).update();
        }
        return id;
    }
}
