package dev.sonority.api.instant;

import dev.sonority.api.instant.tools.Search;
import dev.sonority.api.search.SongSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes one ranked list of the songs several searches returned, and cuts it to a playlist:
 * <ol>
 *   <li>merged by reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009: each list adds
 *       {@code 1 / (60 + rank)} to a song), so a song that several searches found ranks first and no list's
 *       scores need to be comparable with another's;</li>
 *   <li>deduplicated: one recording, same artist and title (case, spacing and "(Remastered ...)" aside), is
 *       kept once, at its best rank;</li>
 *   <li>at most {@code maxPerArtist} songs by one artist, except the artists the prompt asked for.</li>
 * </ol>
 */
final class PlaylistAssembler {

    /** Cormack et al.'s constant: ranks far down a list still count, but little. */
    static final int RRF_K = 60;

    private PlaylistAssembler() {
    }

    static List<SongSummary> assemble(List<Search> searches, int n, int maxPerArtist, Collection<String> askedArtists) {
        Map<Long, Double> scores = new LinkedHashMap<>();
        Map<Long, SongSummary> songs = new HashMap<>();
        for (Search search : searches) {
            List<SongSummary> ranked = search.songs();
            for (int rank = 0; rank < ranked.size(); rank++) {
                SongSummary song = ranked.get(rank);
                scores.merge(song.id(), 1.0 / (RRF_K + rank + 1), Double::sum);
                songs.putIfAbsent(song.id(), song);
            }
        }
        List<Long> order = new ArrayList<>(scores.keySet());
        order.sort((a, b) -> Double.compare(scores.get(b), scores.get(a))); // stable: ties keep first appearance
        Set<String> exempt = new HashSet<>();
        askedArtists.forEach(artist -> exempt.add(artist.strip().toLowerCase(Locale.ROOT)));
        Set<String> recordings = new HashSet<>();
        Map<String, Integer> perArtist = new HashMap<>();
        List<SongSummary> playlist = new ArrayList<>();
        for (long id : order) {
            if (playlist.size() == n) {
                break;
            }
            SongSummary song = songs.get(id);
            if (!recordings.add(SameRecording.key(song))) {
                continue;
            }
            String artist = song.artistKey();
            if (artist != null && !exempt.contains(artist)) {
                if (perArtist.getOrDefault(artist, 0) >= maxPerArtist) {
                    continue;
                }
                perArtist.merge(artist, 1, Integer::sum);
            }
            playlist.add(song);
        }
        return playlist;
    }
}
