package dev.sonority.api.discovery.artists;

import dev.sonority.api.search.ModelChain;
import dev.sonority.contract.vector.Angular;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.util.VectorUtil;
import org.springframework.stereotype.Component;

/**
 * Artists like an artist, as AudioMuse-AI ranks them: the artists whose centroids are nearest (three times as
 * many as asked, plus one) are compared in full, summary against summary ({@link SoftChamfer}), and ranked by
 * that distance.
 */
@Component
public class SimilarArtists {

    /** An artist like the one asked about, and how far its summary is (angular, soft Chamfer). */
    public record Ranked(Artist artist, double distance, ArtistSummaries.Summary summary) {
    }

    /** The answer, in the first model of the chain with vectors of the artist's songs. */
    public record Answer(String model, ArtistSummaries.Summary summary, List<Ranked> artists) {
    }

    private final ModelChain models;
    private final ArtistSummaries summaries;
    private final ArtistCentroids centroids;
    private final ArtistDirectory directory;

    SimilarArtists(ModelChain models, ArtistSummaries summaries, ArtistCentroids centroids, ArtistDirectory directory) {
        this.models = models;
        this.summaries = summaries;
        this.centroids = centroids;
        this.directory = directory;
    }

    /** Empty when no model of the chain has a vector of the artist's songs. */
    public Optional<Answer> find(String requested, Artist artist, int limit) {
        return models.first(requested, model -> summaries.of(model, artist)
                .map(summary -> new Answer(model, summary, rank(model, artist, summary, limit))));
    }

    private List<Ranked> rank(String model, Artist artist, ArtistSummaries.Summary summary, int limit) {
        Map<String, float[]> all = centroids.of(model);
        float[] own = all.get(artist.key());
        if (own == null) {
            return List.of(); // the artist's songs were analysed after the centroids were read
        }
        List<Map.Entry<String, float[]>> nearest = all.entrySet().stream()
                .filter(e -> !e.getKey().equals(artist.key()))
                .sorted(Comparator.comparingDouble((Map.Entry<String, float[]> e) ->
                        Angular.ofCosine(VectorUtil.dotProduct(own, e.getValue()))).thenComparing(Map.Entry::getKey))
                .limit(3L * limit + 1).toList();
        List<Ranked> ranked = new ArrayList<>(nearest.size());
        for (Map.Entry<String, float[]> candidate : nearest) {
            directory.find(candidate.getKey()).flatMap(other -> summaries.of(model, other)
                    .map(s -> new Ranked(other, SoftChamfer.distance(summary.components(), s.components()), s)))
                    .ifPresent(ranked::add);
        }
        ranked.sort(Comparator.comparingDouble(Ranked::distance).thenComparing(r -> r.artist().key()));
        return ranked.size() > limit ? ranked.subList(0, limit) : ranked;
    }
}
