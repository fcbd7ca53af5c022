package dev.sonority.api.instant.tools;

import dev.sonority.api.search.LibrarySearch;
import dev.sonority.api.search.SearchUnavailableException;
import dev.sonority.api.search.SongSummary;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Runs a {@link Tool}: vector searches through {@link LibrarySearch} (the same model fallback as the search
 * endpoints), constraints and names through {@link ConstraintQuery} and {@link NamedSongs} (SQL run as the
 * read-only song reader). A search that cannot run (no text model, inference-service down, an index loading)
 * returns a {@link Search} with its error rather than failing the playlist.
 */
@Component
public class LibraryTools {

    private final LibrarySearch search;
    private final ConstraintQuery constraints;
    private final NamedSongs lookup;

    public LibraryTools(LibrarySearch search, ConstraintQuery constraints, NamedSongs lookup) {
        this.search = search;
        this.constraints = constraints;
        this.lookup = lookup;
    }

    /**
     * @param seed fixes the order of metadata results, which have no ranking of their own (the prompt's hash:
     *     the same prompt gives the same playlist, another prompt another selection)
     */
    public Search run(Tool tool, long seed) {
        return switch (tool) {
            case Tool.TextSearch text -> text(text);
            case Tool.SimilarSongs similar -> similar(similar);
            case Tool.MetadataSearch metadata -> metadata(metadata, seed);
            case Tool.ArtistLookup artist -> artist(artist);
        };
    }

    private Search text(Tool.TextSearch tool) {
        Set<Long> allowed = allowed(tool.constraints());
        if (allowed != null && allowed.isEmpty()) {
            return new Search(tool, List.of(), null, null, "no song meets the constraints");
        }
        try {
            LibrarySearch.Found found = search.text(tool.query(), allowed, tool.limit());
            return new Search(tool, found.hits().stream().map(LibrarySearch.Hit::song).toList(), found.model(), null,
                    null);
        } catch (SearchUnavailableException e) {
            return Search.failed(tool, "text search is unavailable: " + e.getMessage());
        }
    }

    private Search similar(Tool.SimilarSongs tool) {
        Map<Long, String> seeds = new LinkedHashMap<>();
        List<String> missing = new java.util.ArrayList<>();
        for (String song : tool.songs()) {
            Optional<NamedSongs.Named> found = lookup.song(song);
            found.ifPresentOrElse(s -> seeds.put(s.id(), s.label()), () -> missing.add("song '" + song + "'"));
        }
        for (String artist : tool.artists()) {
            List<Long> songs = lookup.songsBy(artist, NamedSongs.MAX_ARTIST_SEEDS);
            songs.forEach(id -> seeds.putIfAbsent(id, "a song by " + artist));
            if (songs.isEmpty()) {
                missing.add("artist '" + artist + "'");
            }
        }
        String notFound = missing.isEmpty() ? null : "not in the library: " + String.join(", ", missing);
        if (seeds.isEmpty()) {
            return new Search(tool, List.of(), null, notFound, null);
        }
        Set<Long> allowed = allowed(tool.constraints());
        if (allowed != null && allowed.isEmpty()) {
            return new Search(tool, List.of(), null, null, "no song meets the constraints");
        }
        String note = "like " + String.join(", ", new java.util.LinkedHashSet<>(seeds.values()))
                + (notFound == null ? "" : "; " + notFound);
        try {
            Optional<LibrarySearch.Found> found = search.similar(List.copyOf(seeds.keySet()), allowed, tool.limit());
            if (found.isEmpty()) {
                return new Search(tool, List.of(), null, "no model has vectors of these songs yet (run analyze)", note);
            }
            return new Search(tool, found.get().hits().stream().map(LibrarySearch.Hit::song).toList(),
                    found.get().model(), null, note);
        } catch (SearchUnavailableException e) {
            return new Search(tool, List.of(), null, "similar search is unavailable: " + e.getMessage(), note);
        }
    }

    private Search metadata(Tool.MetadataSearch tool, long seed) {
        List<Long> ids = constraints.matching(tool.constraints());
        List<Long> chosen = ids.stream().sorted(Comparator.comparingLong(id -> StableShuffle.rank(seed, id)))
                .limit(tool.limit()).toList();
        return new Search(tool, inOrder(chosen), null, null, null);
    }

    private Search artist(Tool.ArtistLookup tool) {
        List<String> artists = lookup.artistsLike(tool.artist(), 10);
        if (artists.isEmpty()) {
            return new Search(tool, List.of(), null, null, "no artist's name contains '" + tool.artist() + "'");
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (String artist : artists) {
            ids.addAll(lookup.songsBy(artist, tool.limit()));
        }
        return new Search(tool, inOrder(ids.stream().distinct().limit(tool.limit()).toList()), null, null,
                "artists: " + String.join(", ", artists));
    }

    /** Null for no constraints (every song). */
    private Set<Long> allowed(SongConstraints wanted) {
        return wanted.none() ? null : new HashSet<>(constraints.matching(wanted));
    }

    private List<SongSummary> inOrder(List<Long> ids) {
        Map<Long, SongSummary> songs = search.summaries(ids);
        return ids.stream().map(songs::get).filter(java.util.Objects::nonNull).toList();
    }
}
