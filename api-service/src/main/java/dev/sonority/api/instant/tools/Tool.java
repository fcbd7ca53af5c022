package dev.sonority.api.instant.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One search of an instant playlist, with its arguments as values (never SQL, paths to open, or anything that
 * runs). The rules build these directly; a language model's tool calls become these through
 * {@link ToolArguments}, which refuses anything else.
 */
public sealed interface Tool {

    /** Most songs one search returns. */
    int MAX_LIMIT = 200;

    /** The tool's name as the model calls it. */
    String name();

    SongConstraints constraints();

    int limit();

    /** The arguments as the answer's {@code steps} show them. */
    Map<String, Object> arguments();

    /** Songs whose metadata or text vectors match {@code query}, through the text model chain. */
    record TextSearch(String query, SongConstraints constraints, int limit) implements Tool {
        public String name() {
            return "text_search";
        }

        public Map<String, Object> arguments() {
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("query", query);
            arguments.putAll(constraints.arguments());
            arguments.put("limit", limit);
            return arguments;
        }
    }

    /** Songs like the named songs ("Title" or "Title by Artist") and artists (all of their songs). */
    record SimilarSongs(List<String> songs, List<String> artists, SongConstraints constraints, int limit)
            implements Tool {
        public SimilarSongs {
            songs = List.copyOf(songs);
            artists = List.copyOf(artists);
        }

        public String name() {
            return "similar_songs";
        }

        public Map<String, Object> arguments() {
            Map<String, Object> arguments = new LinkedHashMap<>();
            if (!songs.isEmpty()) {
                arguments.put("songs", songs);
            }
            if (!artists.isEmpty()) {
                arguments.put("artists", artists);
            }
            arguments.putAll(constraints.arguments());
            arguments.put("limit", limit);
            return arguments;
        }
    }

    /** Songs that meet the constraints, in an order fixed by the request (a stable shuffle: no song ranks higher). */
    record MetadataSearch(SongConstraints constraints, int limit) implements Tool {
        public String name() {
            return "metadata_search";
        }

        public Map<String, Object> arguments() {
            Map<String, Object> arguments = new LinkedHashMap<>(constraints.arguments());
            arguments.put("limit", limit);
            return arguments;
        }
    }

    /** Artists whose name contains {@code artist}, ignoring case, and their songs. */
    record ArtistLookup(String artist, int limit) implements Tool {
        public SongConstraints constraints() {
            return SongConstraints.NONE;
        }

        public String name() {
            return "artist_lookup";
        }

        public Map<String, Object> arguments() {
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("name", artist);
            arguments.put("limit", limit);
            return arguments;
        }
    }
}
