package dev.sonority.api.library;

import dev.sonority.api.playlists.PlaylistStore;
import dev.sonority.model.analysis.AnalysisStatus;
import dev.sonority.model.analysis.AnalysisTransitions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.zip.ZipFile;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a verified export into this library, in one transaction (an import that fails half way leaves nothing).
 * A song is matched by path, file size and duration: its file must have been scanned here first (the export
 * carries analyses, not tags), and a file that changed since the export is skipped, so the next analyze
 * computes it. Vectors, tags, moods, descriptors and finished analysis rows replace what this library holds for
 * the matched songs; inserting vectors also queues them for Qdrant through V10's outbox trigger.
 */
@Component
class LibraryImporter {

    /** Durations are measured by the same decoder on the same file; a difference beyond this means another file. */
    static final double DURATION_TOLERANCE_SECONDS = 0.01;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record LibrarySong(long id, long size, Double duration) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AnalysisTransitions analyses;
    private final PlaylistStore playlists;

    LibraryImporter(JdbcClient jdbc, TransactionTemplate transaction, PlaylistStore playlists) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.analyses = new AnalysisTransitions(jdbc);
        this.playlists = playlists;
    }

    /** Imports {@code file}, which {@link ExportFileCheck#verify} accepted with these sections. */
    ImportReport importFile(Path file, Map<String, String> sections) {
        return transaction.execute(status -> {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                Counts counts = new Counts();
                lines(zip, sections.get(LibraryFormat.SONGS), song -> importSong(song, counts));
                lines(zip, sections.get(LibraryFormat.ACOUSTIC_STATISTICS), this::importStatistics);
                lines(zip, sections.get(LibraryFormat.PLAYLISTS), playlist -> importPlaylist(playlist, counts));
                return new ImportReport(LibraryFormat.VERSION, counts.imported, counts.changed, counts.missing,
                        counts.playlists, counts.playlistsSkipped, List.copyOf(counts.models));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalArgumentException | DataIntegrityViolationException e) {
                // the sums matched, so the writer made such a record (or a person did, sums and all): refuse it whole
                throw ExportFileCheck.refused("a record could not be imported (" + e.getMessage() + ")");
            }
        });
    }

    private static final class Counts {
        long imported;
        long changed;
        long missing;
        long playlists;
        long playlistsSkipped;
        final TreeSet<String> models = new TreeSet<>();
    }

    private static void lines(ZipFile zip, String entry, Consumer<JsonNode> action) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(entry)),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    try {
                        action.accept(JSON.readTree(line));
                    } catch (JacksonException e) {
                        throw ExportFileCheck.refused("a line of " + entry + " is not valid JSON");
                    }
                }
            }
        }
    }

    private void importSong(JsonNode song, Counts counts) {
        String path = text(song, "path");
        Optional<LibrarySong> here = jdbc.sql(
                        "SELECT id, file_size, duration_seconds FROM song WHERE path = :path AND missing_since IS NULL")
                .param("path", path)
                .query((rs, n) -> new LibrarySong(rs.getLong("id"), rs.getLong("file_size"),
                        (Double) rs.getObject("duration_seconds")))
                .optional();
        if (here.isEmpty()) {
            counts.missing++;
            return;
        }
        if (!sameFile(here.get(), song)) {
            counts.changed++;
            return;
        }
        long id = here.get().id();
        if (song.has("descriptors")) {
            importDescriptors(id, song.get("descriptors"));
        }
        Base64.Decoder base64 = Base64.getDecoder();
        for (JsonNode embedding : song.path("embeddings")) {
            jdbc.sql("""
                    INSERT INTO embedding (song_id, model, kind, dim, data, model_version)
                    VALUES (:id, :model, :kind, :dim, :data, :version)
                    ON CONFLICT (song_id, model, kind) DO UPDATE SET dim = EXCLUDED.dim, data = EXCLUDED.data,
                           model_version = EXCLUDED.model_version, updated_at = now()""")
                    .param("id", id).param("model", text(embedding, "model")).param("kind", text(embedding, "kind"))
                    .param("dim", embedding.path("dim").asInt())
                    .param("data", base64.decode(text(embedding, "data")))
                    .param("version", text(embedding, "model_version")).update();
            counts.models.add(text(embedding, "model"));
        }
        for (JsonNode analysis : song.path("analyses")) {
            analyses.imported(id, text(analysis, "model"), AnalysisStatus.valueOf(text(analysis, "status")),
                    nullable(analysis, "model_version"), nullable(analysis, "error_reason"),
                    Optional.ofNullable(nullable(analysis, "completed_at")).map(Instant::parse).orElse(null));
        }
        counts.imported++;
    }

    private static boolean sameFile(LibrarySong here, JsonNode song) {
        if (here.size() != song.path("file_size").asLong(-1)) {
            return false;
        }
        JsonNode duration = song.path("duration_seconds");
        if (here.duration() == null || duration.isNull() || duration.isMissingNode()) {
            return here.duration() == null && (duration.isNull() || duration.isMissingNode());
        }
        return Math.abs(here.duration() - duration.asDouble()) <= DURATION_TOLERANCE_SECONDS;
    }

    private void importDescriptors(long id, JsonNode descriptors) {
        List<String> columns = new ArrayList<>(DescriptorColumns.NUMBERS);
        columns.addAll(DescriptorColumns.TEXTS);
        String names = String.join(", ", columns);
        String values = String.join(", ", columns.stream().map(c -> ":" + c).toList());
        String updates = String.join(", ", columns.stream().map(c -> c + " = EXCLUDED." + c).toList());
        JdbcClient.StatementSpec insert = jdbc.sql("INSERT INTO song_descriptors (song_id, " + names
                        + ", null_reasons, model_version) VALUES (:id, " + values
                        + ", CAST(:reasons AS jsonb), :version) ON CONFLICT (song_id) DO UPDATE SET " + updates
                        + ", null_reasons = EXCLUDED.null_reasons, model_version = EXCLUDED.model_version,"
                        + " updated_at = now()")
                .param("id", id).param("version", text(descriptors, "model_version"))
                .param("reasons", descriptors.path("null_reasons").isObject()
                        ? JSON.writeValueAsString(descriptors.get("null_reasons")) : null);
        for (String column : DescriptorColumns.NUMBERS) {
            JsonNode value = descriptors.path(column);
            insert = insert.param(column, value.isNumber() ? value.asDouble() : null, java.sql.Types.DOUBLE);
        }
        for (String column : DescriptorColumns.TEXTS) {
            insert = insert.param(column, nullable(descriptors, column), java.sql.Types.VARCHAR);
        }
        insert.update();
    }

    /**
     * The library-wide z-scoring statistics the acoustic search vectors were made with: they travel with those
     * vectors so a query vector made here is scaled the same way.
     */
    private void importStatistics(JsonNode row) {
        Base64.Decoder base64 = Base64.getDecoder();
        jdbc.sql("""
                INSERT INTO acoustic_statistics (model, model_version, dim, mean, std, song_count, computed_at)
                VALUES (:model, :version, :dim, :mean, :std, :count, CAST(:computed AS timestamptz))
                ON CONFLICT (model) DO UPDATE SET model_version = EXCLUDED.model_version, dim = EXCLUDED.dim,
                       mean = EXCLUDED.mean, std = EXCLUDED.std, song_count = EXCLUDED.song_count,
                       computed_at = EXCLUDED.computed_at""")
                .param("model", text(row, "model")).param("version", text(row, "model_version"))
                .param("dim", row.path("dim").asInt()).param("mean", base64.decode(text(row, "mean")))
                .param("std", base64.decode(text(row, "std"))).param("count", row.path("song_count").asLong())
                .param("computed", text(row, "computed_at")).update();
    }

    /**
     * Adds the playlist through PlaylistStore, its songs in order by path; songs this library lacks (or skipped)
     * are left out. One with the same name and source already here is skipped, so importing twice adds nothing.
     */
    private void importPlaylist(JsonNode playlist, Counts counts) {
        String name = text(playlist, "name");
        String source = text(playlist, "source");
        boolean present = jdbc.sql("SELECT count(*) FROM playlist WHERE name = :name AND source = :source")
                .param("name", name).param("source", source).query(Long.class).single() > 0;
        if (present) {
            counts.playlistsSkipped++;
            return;
        }
        List<String> paths = new ArrayList<>();
        playlist.path("songs").forEach(path -> paths.add(path.asString()));
        List<Long> songIds = new ArrayList<>();
        if (!paths.isEmpty()) {
            Map<String, Long> ids = new java.util.HashMap<>();
            jdbc.sql("SELECT id, path FROM song WHERE path IN (:paths) AND missing_since IS NULL")
                    .param("paths", paths).query(rs -> {
                        ids.put(rs.getString("path"), rs.getLong("id"));
                    });
            paths.stream().map(ids::get).filter(java.util.Objects::nonNull).forEach(songIds::add);
        }
        JsonNode request = playlist.path("request");
        playlists.create(name, source, request.isMissingNode() || request.isNull() ? null : JSON.writeValueAsString(request),
                songIds);
        counts.playlists++;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString()) {
            throw ExportFileCheck.refused("a record lacks its '" + field + "' text");
        }
        return value.asString();
    }

    private static String nullable(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }
}
