package dev.sonority.api.search;

import dev.sonority.contract.vector.Vectors;
import dev.sonority.model.vector.store.VectorFilter;
import dev.sonority.model.vector.store.VectorHit;
import dev.sonority.model.vector.store.VectorStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Nearest songs of one model's query vector, with the {@link SimilarOptions} filters applied. When filters
 * drop results, more candidates are fetched (three times what is wanted, then four times more, up to
 * {@value #MAX_CANDIDATES}) until enough survive or the library is exhausted.
 */
@Component
class NearestSongs {

    static final int MAX_CANDIDATES = 20_000;

    private final VectorStore store;
    private final SongCatalog catalog;

    NearestSongs(VectorStore store, SongCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /**
     * @param seeds never returned; their albums are excluded when asked
     * @param allowed only these songs (resolved field filters), or null for all
     * @param want how many results at most (offset + limit)
     */
    SearchAnswer find(String model, float[] query, Collection<Long> seeds, Set<Long> allowed, int want,
            SimilarOptions options) {
        VectorFilter filter = new VectorFilter(allowed, Set.copyOf(seeds));
        int fetch = options.dropsResults() ? want * 3 + 10 : want;
        long indexNanos = 0;
        while (true) {
            long start = System.nanoTime();
            List<VectorHit> hits = store.nearest(model, query, fetch, filter);
            indexNanos += System.nanoTime() - start;
            List<ScoredSong> kept = options.dropsResults() ? filtered(model, hits, seeds, want, options)
                    : summarised(hits);
            if (kept.size() >= want || hits.size() < fetch || fetch >= MAX_CANDIDATES) {
                List<ScoredSong> results = kept.size() > want ? kept.subList(0, want) : kept;
                return new SearchAnswer(model, options.walk() ? walked(model, query, results) : results, indexNanos);
            }
            fetch = Math.min(fetch * 4, MAX_CANDIDATES);
        }
    }

    /** The results in {@link WalkOrder}; a result whose vector is gone since the search is left out. */
    private List<ScoredSong> walked(String model, float[] query, List<ScoredSong> results) {
        Map<Long, float[]> vectors = store.vectors(model, results.stream().map(r -> r.song().id()).toList());
        List<ScoredSong> withVectors = new ArrayList<>(results.size());
        for (ScoredSong result : results) {
            float[] vector = vectors.get(result.song().id());
            if (vector != null) {
                withVectors.add(new ScoredSong(result.song(), result.score(), vector));
            }
        }
        int[] order = WalkOrder.order(query, withVectors.stream().map(ScoredSong::vector).toArray(float[][]::new));
        List<ScoredSong> walked = new ArrayList<>(order.length);
        for (int index : order) {
            walked.add(withVectors.get(index));
        }
        return walked;
    }

    private List<ScoredSong> summarised(List<VectorHit> hits) {
        Map<Long, SongSummary> songs = catalog.summaries(hits.stream().map(VectorHit::songId).toList());
        List<ScoredSong> results = new ArrayList<>(hits.size());
        for (VectorHit hit : hits) {
            SongSummary song = songs.get(hit.songId());
            if (song != null) { // a song deleted since the index last refreshed
                results.add(new ScoredSong(song, hit.score(), null));
            }
        }
        return results;
    }

    private List<ScoredSong> filtered(String model, List<VectorHit> hits, Collection<Long> seeds, int want,
            SimilarOptions options) {
        Map<Long, SongSummary> seedSongs = catalog.summaries(seeds);
        Set<String> seedAlbums = new HashSet<>();
        seedSongs.values().forEach(s -> {
            if (s.albumKey() != null) {
                seedAlbums.add(s.albumKey());
            }
        });
        List<float[]> seedVectors = new ArrayList<>();
        if (options.duplicateDistance() > 0) {
            seeds.forEach(id -> store.vector(model, id).ifPresent(seedVectors::add));
        }
        Map<String, Integer> perArtist = new HashMap<>();
        List<ScoredSong> kept = new ArrayList<>();
        for (ScoredSong candidate : summarised(hits)) {
            if (kept.size() >= want) {
                break;
            }
            SongSummary song = candidate.song();
            if (options.excludeSeedAlbum() && song.albumKey() != null && seedAlbums.contains(song.albumKey())) {
                continue;
            }
            if (options.maxPerArtist() != null && song.artistKey() != null
                    && perArtist.getOrDefault(song.artistKey(), 0) >= options.maxPerArtist()) {
                continue;
            }
            float[] vector = null;
            if (options.duplicateDistance() > 0) {
                vector = store.vector(model, song.id()).orElse(null);
                if (vector == null || duplicate(vector, seedVectors, kept, options.duplicateDistance())) {
                    continue;
                }
            }
            if (song.artistKey() != null) {
                perArtist.merge(song.artistKey(), 1, Integer::sum);
            }
            kept.add(new ScoredSong(song, candidate.score(), vector));
        }
        return kept;
    }

    private static boolean duplicate(float[] vector, List<float[]> seeds, List<ScoredSong> kept, double distance) {
        for (float[] seed : seeds) {
            if (1 - Vectors.dot(vector, seed) < distance) {
                return true;
            }
        }
        for (ScoredSong better : kept) {
            if (1 - Vectors.dot(vector, better.vector()) < distance) {
                return true;
            }
        }
        return false;
    }
}
