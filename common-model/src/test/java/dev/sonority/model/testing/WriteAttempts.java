package dev.sonority.model.testing;

import java.util.List;

/**
 * Statements that each try to change the database another way (rows, schema, sequences, locks, a write hidden in
 * a SELECT), for tests proving that a read-only path (the song reader role of V14) cannot write. Each leaves a
 * trace the test can look for: song 'a.flac' titled 'A', no table {@code evil}, no playlist.
 */
public final class WriteAttempts {

    public static final List<String> ALL = List.of(
            "INSERT INTO song (path, file_size, file_mtime) VALUES ('b.flac', 1, now())",
            "UPDATE song SET title = 'changed'",
            "DELETE FROM song",
            "TRUNCATE song CASCADE",
            "DROP TABLE song CASCADE",
            "ALTER TABLE song ADD COLUMN evil text",
            "UPDATE song_descriptors SET bpm = 1",
            "DELETE FROM embedding",
            "INSERT INTO task (id, type, name, status) VALUES (gen_random_uuid(), 'SCAN', 'x', 'PENDING')",
            "INSERT INTO playlist (name, source) VALUES ('x', 'manual')",
            "SELECT nextval('song_id_seq')",
            "SELECT setval('song_id_seq', 100)",
            "WITH gone AS (DELETE FROM song RETURNING id) SELECT count(*) FROM gone",
            "SELECT * FROM song FOR UPDATE",
            "CREATE TABLE evil (id int)");

    private WriteAttempts() {
    }
}
