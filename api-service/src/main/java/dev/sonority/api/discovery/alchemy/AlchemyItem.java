package dev.sonority.api.discovery.alchemy;

import dev.sonority.api.discovery.artists.Artist;

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

    /** A saved playlist: its songs would be summarised like an artist's (playlists are not built yet). */
    record Playlist(long id) implements AlchemyItem {
        @Override
        public AlchemyBody.Item named() {
            return new AlchemyBody.Item(null, null, null, id);
        }
    }
}
