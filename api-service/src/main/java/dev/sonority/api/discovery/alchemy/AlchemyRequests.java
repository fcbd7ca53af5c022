package dev.sonority.api.discovery.alchemy;

import dev.sonority.api.discovery.artists.ArtistDirectory;
import dev.sonority.api.playlists.PlaylistStore;
import dev.sonority.api.search.Moods;
import dev.sonority.api.search.SongCatalog;
import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Checks an alchemy body and resolves its items: 422 for a missing ADD item, a value out of range, an item that
 * is not exactly one of song/artist/mood/playlist, an unknown mood (naming the known ones) or an empty playlist;
 * 404 for an unknown song, artist or playlist.
 */
@Component
class AlchemyRequests {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final SongCatalog catalog;
    private final ArtistDirectory artists;
    private final PlaylistStore playlists;

    AlchemyRequests(SongCatalog catalog, ArtistDirectory artists, PlaylistStore playlists) {
        this.catalog = catalog;
        this.artists = artists;
        this.playlists = playlists;
    }

    AlchemyQuery query(AlchemyBody body, String model) {
        if (body == null || body.add() == null || body.add().isEmpty()) {
            throw invalid("At least one ADD item is required", "missing", "add");
        }
        int n = body.n() == null ? AlchemyQuery.DEFAULT_N : body.n();
        if (n < 1 || n > AlchemyQuery.MAX_N) {
            throw invalid("Input should be between 1 and " + AlchemyQuery.MAX_N, "range", "n");
        }
        double temperature = body.temperature() == null ? AlchemyQuery.DEFAULT_TEMPERATURE : body.temperature();
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw invalid("Input should be greater than or equal to 0", "greater_than_equal", "temperature");
        }
        double distance = body.subtractDistance() == null ? AlchemyQuery.DEFAULT_SUBTRACT_DISTANCE
                : body.subtractDistance();
        if (!(distance >= 0 && distance <= 1)) {
            throw invalid("Input should be between 0 and 1 (angular distance)", "range", "subtract_distance");
        }
        List<AlchemyBody.Item> subtract = body.subtract() == null ? List.of() : body.subtract();
        long seed = body.seed() != null ? body.seed() : SEEDS.nextLong() >>> 12; // fits a JavaScript number
        return new AlchemyQuery(items(body.add(), "add"), items(subtract, "subtract"), n, temperature, distance, seed,
                model);
    }

    private List<AlchemyItem> items(List<AlchemyBody.Item> given, String side) {
        if (given.size() > AlchemyQuery.MAX_ITEMS) {
            throw invalid("At most " + AlchemyQuery.MAX_ITEMS + " items", "too_long", side);
        }
        List<AlchemyItem> items = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            items.add(item(given.get(i), side, i));
        }
        return items;
    }

    private AlchemyItem item(AlchemyBody.Item item, String side, int index) {
        long given = item == null ? 0 : Stream.of(item.song(), item.artist(), item.mood(), item.playlist())
                .filter(java.util.Objects::nonNull).count();
        if (given != 1) {
            throw new ValidationException(Violation.of("An item is exactly one of {\"song\": PATH}, {\"artist\": NAME},"
                    + " {\"mood\": NAME} or {\"playlist\": ID}", "value_error", "body", side, index));
        }
        if (item.song() != null) {
            return new AlchemyItem.Song(catalog.idOfPath(item.song())
                    .orElseThrow(() -> ApiException.notFound("Song not found: " + item.song())), item.song());
        }
        if (item.artist() != null) {
            return new AlchemyItem.ArtistItem(artists.find(item.artist())
                    .orElseThrow(() -> ApiException.notFound("Artist not found: " + item.artist())));
        }
        if (item.mood() != null) {
            if (Moods.index(item.mood()) < 0) {
                throw new ValidationException(Violation.of(Moods.unknown(item.mood()), "enum", "body", side, index,
                        "mood"));
            }
            return new AlchemyItem.Mood(item.mood().strip().toLowerCase(Locale.ROOT));
        }
        PlaylistStore.Members members = playlists.members(item.playlist())
                .orElseThrow(() -> ApiException.notFound("Playlist not found: " + item.playlist()));
        if (members.songIds().isEmpty()) {
            throw new ValidationException(Violation.of("Playlist " + item.playlist() + " has no songs", "value_error",
                    "body", side, index, "playlist"));
        }
        return new AlchemyItem.Playlist(item.playlist(), members.name(), members.songIds());
    }

    private static ValidationException invalid(String message, String type, String field) {
        return new ValidationException(Violation.of(message, type, "body", field));
    }
}
