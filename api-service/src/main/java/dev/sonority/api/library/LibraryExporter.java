package dev.sonority.api.library;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the library as an export zip ({@link LibraryFormat}). Songs are read a page at a time (keyset by id), so a
 * library of any size streams through bounded memory; everything is read in one repeatable-read transaction, so
 * the file is one consistent picture even while a worker writes.
 */
@Component
class LibraryExporter {

    /** Songs per page: their vectors (a few KB per model) are what a page holds in memory. */
    static final int PAGE = 200;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    LibraryExporter(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Writes the whole file to {@code out} (not closed). */
    void export(OutputStream out) {
        snapshot.executeWithoutResult(status -> {
            try {
                ZipOutputStream zip = new ZipOutputStream(out);
                List<SectionSummary> sections = new ArrayList<>();
                sections.add(songs(zip));
                sections.add(acousticStatistics(zip));
                sections.add(playlists(zip));
                zip.putNextEntry(new ZipEntry(LibraryFormat.MANIFEST));
                zip.write(JSON.writeValueAsBytes(manifest(sections)));
                zip.closeEntry();
                zip.finish();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("writing the library export failed", e);
            }
        });
    }

    private static JsonNode manifest(List<SectionSummary> sections) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", LibraryFormat.FORMAT);
        manifest.put("format_version", LibraryFormat.VERSION);
        manifest.put("created_at", Instant.now().toString());
        ArrayNode list = manifest.putArray("sections");
        for (SectionSummary section : sections) {
            list.addObject().put("name", section.name()).put("version", section.version())
                    .put("entry", section.entry()).put("records", section.records()).put("sha256", section.sha256());
        }
        return manifest;
    }

    private SectionSummary songs(ZipOutputStream zip) throws IOException {
        SectionWriter section = new SectionWriter(zip, LibraryFormat.SONGS);
        long after = 0;
        while (true) {
            Map<Long, ObjectNode> page = new LinkedHashMap<>();
            jdbc.sql("""
                    SELECT id, path, file_size, duration_seconds FROM song
                     WHERE id > :after AND missing_since IS NULL ORDER BY id LIMIT :page""")
                    .param("after", after).param("page", PAGE)
                    .query(rs -> {
                        ObjectNode song = JSON.createObjectNode();
                        song.put("path", rs.getString("path"));
                        song.put("file_size", rs.getLong("file_size"));
                        song.put("duration_seconds", (Double) rs.getObject("duration_seconds"));
                        page.put(rs.getLong("id"), song);
                    });
            if (page.isEmpty()) {
                return section.close();
            }
            List<Long> ids = List.copyOf(page.keySet());
            addAnalyses(ids, page);
            addDescriptors(ids, page);
            addEmbeddings(ids, page);
            for (ObjectNode song : page.values()) {
                if (song.has("analyses") || song.has("embeddings") || song.has("descriptors")) {
                    section.write(song);
                }
            }
            after = ids.getLast();
        }
    }

    /** Finished analyses only: PENDING and RUNNING rows belong to this library's tasks. */
    private void addAnalyses(List<Long> ids, Map<Long, ObjectNode> page) {
        jdbc.sql("""
                SELECT song_id, model, status, model_version, error_reason, completed_at FROM song_analysis
                 WHERE song_id IN (:ids) AND status IN ('COMPLETED', 'FAILED') ORDER BY song_id, model""")
                .param("ids", ids)
                .query(rs -> {
                    ObjectNode analysis = array(page.get(rs.getLong("song_id")), "analyses").addObject();
                    analysis.put("model", rs.getString("model"));
                    analysis.put("status", rs.getString("status"));
                    analysis.put("model_version", rs.getString("model_version"));
                    analysis.put("error_reason", rs.getString("error_reason"));
                    analysis.put("completed_at", instant(rs, "completed_at"));
                });
    }

    private void addDescriptors(List<Long> ids, Map<Long, ObjectNode> page) {
        jdbc.sql("SELECT *, null_reasons::text AS null_reasons_text FROM song_descriptors WHERE song_id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    ObjectNode descriptors = page.get(rs.getLong("song_id")).putObject("descriptors");
                    for (String column : DescriptorColumns.NUMBERS) {
                        descriptors.put(column, (Double) rs.getObject(column));
                    }
                    for (String column : DescriptorColumns.TEXTS) {
                        descriptors.put(column, rs.getString(column));
                    }
                    String reasons = rs.getString("null_reasons_text");
                    descriptors.set("null_reasons", reasons == null ? null : JSON.readTree(reasons));
                    descriptors.put("model_version", rs.getString("model_version"));
                });
    }

    /** Every kind (search, raw, tags, moods) of every model, as the stored little-endian float32 bytes in base64. */
    private void addEmbeddings(List<Long> ids, Map<Long, ObjectNode> page) {
        Base64.Encoder base64 = Base64.getEncoder();
        jdbc.sql("""
                SELECT song_id, model, kind, dim, data, model_version FROM embedding
                 WHERE song_id IN (:ids) ORDER BY song_id, model, kind""")
                .param("ids", ids)
                .query(rs -> {
                    ObjectNode embedding = array(page.get(rs.getLong("song_id")), "embeddings").addObject();
                    embedding.put("model", rs.getString("model"));
                    embedding.put("kind", rs.getString("kind"));
                    embedding.put("dim", rs.getInt("dim"));
                    embedding.put("model_version", rs.getString("model_version"));
                    embedding.put("data", base64.encodeToString(rs.getBytes("data")));
                });
    }

    private SectionSummary acousticStatistics(ZipOutputStream zip) throws IOException {
        SectionWriter section = new SectionWriter(zip, LibraryFormat.ACOUSTIC_STATISTICS);
        Base64.Encoder base64 = Base64.getEncoder();
        List<ObjectNode> rows = jdbc.sql("""
                SELECT model, model_version, dim, mean, std, song_count, computed_at FROM acoustic_statistics
                 ORDER BY model""")
                .query((rs, n) -> {
                    ObjectNode row = JSON.createObjectNode();
                    row.put("model", rs.getString("model"));
                    row.put("model_version", rs.getString("model_version"));
                    row.put("dim", rs.getInt("dim"));
                    row.put("mean", base64.encodeToString(rs.getBytes("mean")));
                    row.put("std", base64.encodeToString(rs.getBytes("std")));
                    row.put("song_count", rs.getLong("song_count"));
                    row.put("computed_at", instant(rs, "computed_at"));
                    return row;
                }).list();
        for (ObjectNode row : rows) {
            section.write(row);
        }
        return section.close();
    }

    /** One line per playlist, its songs by path; a playlist's songs are few enough to hold. */
    private SectionSummary playlists(ZipOutputStream zip) throws IOException {
        SectionWriter section = new SectionWriter(zip, LibraryFormat.PLAYLISTS);
        long after = 0;
        while (true) {
            List<ObjectNode> page = new ArrayList<>();
            Map<Long, ObjectNode> byId = new HashMap<>();
            jdbc.sql("""
                    SELECT id, name, source, request::text AS request, removed_songs, created_at FROM playlist
                     WHERE id > :after ORDER BY id LIMIT :page""")
                    .param("after", after).param("page", PAGE)
                    .query(rs -> {
                        ObjectNode playlist = JSON.createObjectNode();
                        playlist.put("name", rs.getString("name"));
                        playlist.put("source", rs.getString("source"));
                        String request = rs.getString("request");
                        playlist.set("request", request == null ? null : JSON.readTree(request));
                        playlist.put("removed_songs", rs.getInt("removed_songs"));
                        playlist.put("created_at", instant(rs, "created_at"));
                        playlist.putArray("songs");
                        page.add(playlist);
                        byId.put(rs.getLong("id"), playlist);
                    });
            if (page.isEmpty()) {
                return section.close();
            }
            jdbc.sql("""
                    SELECT ps.playlist_id, s.path FROM playlist_song ps JOIN song s ON s.id = ps.song_id
                     WHERE ps.playlist_id IN (:ids) ORDER BY ps.playlist_id, ps.position""")
                    .param("ids", byId.keySet())
                    .query(rs -> {
                        ((ArrayNode) byId.get(rs.getLong("playlist_id")).get("songs")).add(rs.getString("path"));
                    });
            for (ObjectNode playlist : page) {
                section.write(playlist);
            }
            after = byId.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        }
    }

    private static ArrayNode array(ObjectNode node, String field) {
        return node.has(field) ? (ArrayNode) node.get(field) : node.putArray(field);
    }

    private static String instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant().toString();
    }
}
