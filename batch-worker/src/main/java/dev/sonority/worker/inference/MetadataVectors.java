package dev.sonority.worker.inference;

import dev.sonority.contract.models.ModelName;
import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.contract.vector.Vectors;
import dev.sonority.model.embedding.EmbeddingKind;
import dev.sonority.worker.analyze.SongEnrichment;
import dev.sonority.worker.songs.EmbeddingTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a song's models, embeds its {@link MetadataText} with the configured text model (MiniLM) and stores
 * it as that model's search vector: the last link of the text-search fallback chain (muq_mulan → clap →
 * text_minilm). Skipped quietly when the text model is not installed. The analyze job also asks it for the
 * songs whose vector is missing or stale ({@link #outdated}) and embeds their sentences in batches.
 */
public class MetadataVectors implements SongEnrichment {

    /** Bumped when {@link MetadataText} changes what it says, so stored vectors can be told apart. */
    static final String TEXT_RECIPE = "meta-1";
    /** How many MusiCNN tags are named, by rank: after AudioMuse-AI's second sigmoid scores all sit near 0.5. */
    private static final int TOP_TAGS = 5;
    private static final float MOOD_THRESHOLD = 0.5f;

    private final InferenceAnalyzers models;
    private final JdbcClient jdbc;
    private final EmbeddingTable embeddings;
    private final String textModel;

    public MetadataVectors(InferenceAnalyzers models, JdbcClient jdbc, EmbeddingTable embeddings, String textModel) {
        this.models = models;
        this.jdbc = jdbc;
        this.embeddings = embeddings;
        this.textModel = textModel;
    }

    @Override
    public Set<String> enrich(long songId, Set<String> completedModels) {
        return refresh(List.of(songId));
    }

    /**
     * Missing, of another model version or recipe, or older than what its sentence is made of: the song's
     * tags (a rescan), its descriptors or its MusiCNN tags and moods (written in the same transaction as the
     * vector when the enrichment worked, so only a failed or skipped enrichment leaves the vector older).
     */
    @Override
    public List<Long> outdated(UUID taskId) {
        Optional<String> version = models.usableVersion(textModel);
        if (version.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT s.id FROM song s
                  LEFT JOIN embedding t ON t.song_id = s.id AND t.model = :model AND t.kind = :search
                 WHERE s.missing_since IS NULL AND s.scan_error IS NULL
                   AND NOT EXISTS (SELECT 1 FROM song_analysis a WHERE a.song_id = s.id AND a.task_id = :task)
                   AND (t.song_id IS NULL OR t.model_version IS DISTINCT FROM :version
                        OR t.updated_at < s.updated_at
                        OR t.updated_at < (SELECT d.updated_at FROM song_descriptors d WHERE d.song_id = s.id)
                        OR t.updated_at < (SELECT max(e.updated_at) FROM embedding e WHERE e.song_id = s.id
                                              AND e.model = :musicnn AND e.kind IN (:tags, :moods)))
                 ORDER BY s.id
                """).param("model", textModel).param("search", EmbeddingKind.SEARCH).param("task", taskId)
                .param("version", storedVersion(version.get())).param("musicnn", ModelName.MUSICNN.apiName())
                .param("tags", EmbeddingKind.TAGS).param("moods", EmbeddingKind.MOODS)
                .query(Long.class).list();
    }

    /** One request for all the songs' sentences; songs with nothing to describe are left without a vector. */
    @Override
    public Set<String> refresh(List<Long> songIds) {
        Optional<String> version = models.usableVersion(textModel);
        if (version.isEmpty() || songIds.isEmpty()) {
            return Set.of();
        }
        Map<Long, String> sentences = new LinkedHashMap<>();
        describe(songIds).forEach((songId, text) -> {
            String sentence = text.render();
            if (sentence != null) {
                sentences.put(songId, sentence);
            }
        });
        if (sentences.isEmpty()) {
            return Set.of();
        }
        List<float[]> vectors = models.client().embedText(textModel, List.copyOf(sentences.values()));
        List<EmbeddingTable.Row> rows = new ArrayList<>();
        List<Long> unusable = new ArrayList<>();
        int i = 0;
        for (long songId : sentences.keySet()) {
            float[] vector = vectors.get(i++);
            if (!Vectors.hasDirection(vector)) {
                unusable.add(songId);
                continue;
            }
            Vectors.normalizeInPlace(vector);
            rows.add(new EmbeddingTable.Row(songId, textModel, EmbeddingKind.SEARCH, vector,
                    storedVersion(version.get())));
        }
        embeddings.upsert(rows);
        if (!unusable.isEmpty()) {
            throw new IllegalStateException(textModel + " returned an unusable vector for song(s) " + unusable);
        }
        return rows.isEmpty() ? Set.of() : Set.of(textModel);
    }

    private static String storedVersion(String modelVersion) {
        return modelVersion + "+" + TEXT_RECIPE;
    }

    /** The songs' texts by id; deleted songs are absent. */
    private Map<Long, MetadataText> describe(List<Long> songIds) {
        Map<Long, MetadataText> texts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.id, s.title, s.artist, s.album, s.genre, s.year, d.bpm, d.musical_key, d.scale,
                       (SELECT data FROM embedding WHERE song_id = s.id AND model = :musicnn AND kind = :tags) AS tags,
                       (SELECT data FROM embedding WHERE song_id = s.id AND model = :musicnn AND kind = :moods) AS moods
                  FROM song s LEFT JOIN song_descriptors d ON d.song_id = s.id
                 WHERE s.id IN (:ids)
                """).param("ids", songIds).param("musicnn", ModelName.MUSICNN.apiName())
                .param("tags", EmbeddingKind.TAGS).param("moods", EmbeddingKind.MOODS)
                .query((rs, n) -> Map.entry(rs.getLong("id"), new MetadataText(rs.getString("title"),
                        rs.getString("artist"), rs.getString("album"), rs.getString("genre"),
                        (Integer) rs.getObject("year"), (Double) rs.getObject("bpm"), rs.getString("musical_key"),
                        rs.getString("scale"), topTags(rs.getBytes("tags")), moods(rs.getBytes("moods")))))
                .list().forEach(entry -> texts.put(entry.getKey(), entry.getValue()));
        return texts;
    }

    /** The strongest MusiCNN tags, best first. */
    static List<String> topTags(byte @Nullable [] data) {
        if (data == null) {
            return List.of();
        }
        float[] scores = VectorCodec.decode(data);
        if (scores.length != MusicnnLabels.TAGS.size()) {
            return List.of();
        }
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed())
                .limit(TOP_TAGS).map(MusicnnLabels.TAGS::get).toList();
    }

    /** The moods MusiCNN thinks more likely than not. */
    static List<String> moods(byte @Nullable [] data) {
        if (data == null) {
            return List.of();
        }
        float[] scores = VectorCodec.decode(data);
        List<String> moods = new ArrayList<>();
        for (int i = 0; i < Math.min(scores.length, MusicnnLabels.MOODS.size()); i++) {
            if (scores[i] >= MOOD_THRESHOLD) {
                moods.add(MusicnnLabels.MOODS.get(i));
            }
        }
        return moods;
    }
}
