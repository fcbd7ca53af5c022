package dev.sonority.worker.inference;

import dev.sonority.model.embedding.EmbeddingKind;
import dev.sonority.model.models.ModelName;
import dev.sonority.model.models.MusicnnLabels;
import dev.sonority.model.vector.VectorCodec;
import dev.sonority.model.vector.Vectors;
import dev.sonority.worker.analyze.SongEnrichment;
import dev.sonority.worker.songs.EmbeddingTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a song's models, embeds its {@link MetadataText} with the configured text model (MiniLM) and stores
 * it as that model's search vector: the last link of the text-search fallback chain (muq_mulan → clap →
 * text_minilm). Skipped quietly when the text model is not installed.
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
        Optional<String> version = models.usableVersion(textModel);
        if (version.isEmpty()) {
            return Set.of();
        }
        MetadataText text = describe(songId);
        String sentence = text == null ? null : text.render();
        if (sentence == null) {
            return Set.of();
        }
        float[] vector = models.client().embedText(textModel, List.of(sentence)).getFirst();
        if (vector.length == 0 || !Vectors.allFinite(vector) || Vectors.norm(vector) == 0) {
            throw new IllegalStateException(textModel + " returned an unusable vector for song " + songId);
        }
        Vectors.normalizeInPlace(vector);
        embeddings.upsert(songId, textModel, EmbeddingKind.SEARCH, vector, version.get() + "+" + TEXT_RECIPE);
        return Set.of(textModel);
    }

    private @Nullable MetadataText describe(long songId) {
        return jdbc.sql("""
                SELECT s.title, s.artist, s.album, s.genre, s.year, d.bpm, d.musical_key, d.scale,
                       (SELECT data FROM embedding WHERE song_id = s.id AND model = :musicnn AND kind = :tags) AS tags,
                       (SELECT data FROM embedding WHERE song_id = s.id AND model = :musicnn AND kind = :moods) AS moods
                  FROM song s LEFT JOIN song_descriptors d ON d.song_id = s.id
                 WHERE s.id = :id
                """).param("id", songId).param("musicnn", ModelName.MUSICNN.apiName())
                .param("tags", EmbeddingKind.TAGS).param("moods", EmbeddingKind.MOODS)
                .query((rs, n) -> new MetadataText(rs.getString("title"), rs.getString("artist"),
                        rs.getString("album"), rs.getString("genre"), (Integer) rs.getObject("year"),
                        (Double) rs.getObject("bpm"), rs.getString("musical_key"), rs.getString("scale"),
                        topTags(rs.getBytes("tags")), moods(rs.getBytes("moods"))))
                .optional().orElse(null);
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
