package dev.sonority.api.songs;

import dev.sonority.api.web.Paging;
import dev.sonority.contract.models.ModelName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads songs with their analysis states: one query for the page, one for its total, one for the analyses
 * of the songs on the page. The WHERE clause is assembled from fixed fragments; every value is a parameter.
 */
@Repository
public class SongQueries {

    private static final String COLUMNS = "s.id, s.path, s.title, s.artist, s.album, s.album_artist, s.genre,"
            + " s.year, s.track_number, s.duration_seconds, s.format, s.codec, s.sample_rate, s.channels,"
            + " s.bitrate, s.file_size, s.tag_source, s.scan_error, s.missing_since, s.added_at, s.updated_at";
    private static final Comparator<String> MODEL_ORDER = Comparator.comparingInt(
            (String m) -> ModelName.fromApiName(m).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
            .thenComparing(Comparator.naturalOrder());

    public record Slice(List<SongView> songs, long total) {
    }

    private record Row(long id, SongView song) {
    }

    private final JdbcClient jdbc;

    public SongQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Slice list(SongFilter filter, Paging paging) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!filter.includeMissing()) {
            where.add("s.missing_since IS NULL");
        }
        if (filter.unanalysed()) {
            where.add("NOT EXISTS (SELECT 1 FROM song_analysis a WHERE a.song_id = s.id AND a.model = :model)");
        } else if (filter.status() != null || filter.model() != null) {
            where.add("EXISTS (SELECT 1 FROM song_analysis a WHERE a.song_id = s.id"
                    + (filter.model() != null ? " AND a.model = :model" : "")
                    + (filter.status() != null ? " AND a.status = :status" : "") + ")");
        }
        if (filter.model() != null) {
            params.put("model", filter.model());
        }
        if (filter.status() != null) {
            params.put("status", filter.status().name());
        }
        if (filter.failed()) {
            where.add("(s.scan_error IS NOT NULL OR EXISTS (SELECT 1 FROM song_analysis f"
                    + " WHERE f.song_id = s.id AND f.status = 'FAILED'))");
        }
        if (filter.scanError() != null) {
            where.add(filter.scanError() ? "s.scan_error IS NOT NULL" : "s.scan_error IS NULL");
        }
        String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM song s" + clause
                        + " ORDER BY s.path LIMIT :limit OFFSET :offset")
                .params(params).param("limit", paging.limit()).param("offset", paging.offset())
                .query(SongQueries::row).list();
        long total = jdbc.sql("SELECT count(*) FROM song s" + clause).params(params).query(Long.class).single();
        return new Slice(withAnalyses(rows), total);
    }

    /** The song stored under one of these spellings, preferring the first that exists. */
    java.util.Optional<SongView> find(List<String> spellings) {
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM song s WHERE s.path IN (:paths)")
                .param("paths", spellings).query(SongQueries::row).list();
        return spellings.stream()
                .flatMap(p -> rows.stream().filter(r -> r.song().filePath().equals(p)))
                .findFirst()
                .map(r -> withAnalyses(List.of(r)).getFirst());
    }

    private List<SongView> withAnalyses(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, AnalysisView>> byId = analyses(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> r.song().withAnalysis(byId.getOrDefault(r.id(), Map.of()))).toList();
    }

    private Map<Long, Map<String, AnalysisView>> analyses(Collection<Long> songIds) {
        record Analysis(long songId, String model, AnalysisView view) {
        }
        List<Analysis> all = jdbc.sql("""
                        SELECT song_id, model, status, error_reason, attempts, model_version, task_id, started_at,
                               completed_at, updated_at
                        FROM song_analysis WHERE song_id IN (:ids)""")
                .param("ids", songIds)
                .query((rs, n) -> new Analysis(rs.getLong("song_id"), rs.getString("model"), new AnalysisView(
                        rs.getString("status"), rs.getString("error_reason"), rs.getInt("attempts"),
                        rs.getString("model_version"), rs.getObject("task_id", java.util.UUID.class),
                        instant(rs, "started_at"), instant(rs, "completed_at"), instant(rs, "updated_at"))))
                .list();
        Map<Long, Map<String, AnalysisView>> result = new HashMap<>();
        all.stream().sorted(Comparator.comparing(Analysis::model, MODEL_ORDER)).forEach(a ->
                result.computeIfAbsent(a.songId(), id -> new LinkedHashMap<>()).put(a.model(), a.view()));
        return result;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), new SongView(rs.getString("path"), rs.getString("title"),
                rs.getString("artist"), rs.getString("album"), rs.getString("album_artist"), rs.getString("genre"),
                rs.getObject("year", Integer.class), rs.getObject("track_number", Integer.class),
                rs.getObject("duration_seconds", Double.class), rs.getString("format"), rs.getString("codec"),
                rs.getObject("sample_rate", Integer.class), rs.getObject("channels", Integer.class),
                rs.getObject("bitrate", Integer.class), rs.getLong("file_size"), rs.getString("tag_source"),
                rs.getString("scan_error"), instant(rs, "missing_since"), instant(rs, "added_at"),
                instant(rs, "updated_at"), Map.of()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
