package dev.sonority.api.discovery.alchemy;

import dev.sonority.api.discovery.artists.Artist;
import java.util.List;

/**
 * What an alchemy request adds or subtracts, resolved: a song, an artist, a mood, or a playlist. A new kind of
 * item is a new record here, and the compiler then asks every switch over items to handle it.
 */
public sealed interface AlchemyItem {

    /** As the client named it, for the answer: {@code {"song": PATH}}, {@code {"artist": NAME}}, ... */
    AlchemyBody.Item named();

    record Song(long id, String path) implements AlchemyItem {
        @Override
        public AlchemyBody.Item named() {
            return new AlchemyBody.Item(path, null, null, null);
        }
    }

    record ArtistItem(Artist artist) implements AlchemyItem {
        @Override
        public AlchemyBody.Item named() {
            return new AlchemyBody.Item(null, artist.name(), null, null);
        }
    }

    record Mood(String name) implements AlchemyItem {
        @Override
        public AlchemyBody.Item named() {
            return new AlchemyBody.Item(null, null, name, null);
        }
    }

    /** A saved playlist: its songs summarised like an artist's; they are left out of the answer. */
    record Playlist(long id, String name, List<Long> songs) implements AlchemyItem {
        public Playlist {
            songs = List.copyOf(songs);
        }

        @Override
        public AlchemyBody.Item named() {
            return new AlchemyBody.Item(null, null, null, id);
        }
    }
}
