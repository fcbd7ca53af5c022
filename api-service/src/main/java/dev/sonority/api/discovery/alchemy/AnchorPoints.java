package dev.sonority.api.discovery.alchemy;

import dev.sonority.api.discovery.artists.ArtistSummaries;
import dev.sonority.api.discovery.artists.MixtureComponent;
import dev.sonority.api.discovery.moods.MoodCentroids;
import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import dev.sonority.model.vector.store.VectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The points of items in one model's space. */
@Component
class AnchorPoints {

    static final String NO_PLAYLISTS = "playlist items are not available yet";

    private final VectorStore store;
    private final ArtistSummaries artists;
    private final MoodCentroids moods;

    AnchorPoints(VectorStore store, ArtistSummaries artists, MoodCentroids moods) {
        this.store = store;
        this.artists = artists;
        this.moods = moods;
    }

    /** The points of every item, or empty when {@code model} has no vector for one of them. */
    Optional<List<AnchorPoint>> of(String model, List<AlchemyItem> items) {
        List<AnchorPoint> points = new ArrayList<>();
        for (AlchemyItem item : items) {
            List<AnchorPoint> own = of(model, item);
            if (own.isEmpty()) {
                return Optional.empty();
            }
            points.addAll(own);
        }
        return Optional.of(points);
    }

    private List<AnchorPoint> of(String model, AlchemyItem item) {
        return switch (item) {
            case AlchemyItem.Song song -> store.vector(model, song.id())
                    .map(v -> List.of(new AnchorPoint(item, v, 1, song.path()))).orElse(List.of());
            case AlchemyItem.ArtistItem artist -> artists.of(model, artist.artist()).map(summary -> {
                List<MixtureComponent> parts = summary.components();
                List<AnchorPoint> points = new ArrayList<>(parts.size());
                for (int i = 0; i < parts.size(); i++) {
                    points.add(new AnchorPoint(item, parts.get(i).vector(), parts.get(i).weight(),
                            artist.artist().name() + (parts.size() == 1 ? "" : ", part " + (i + 1) + " of " + parts.size())));
                }
                return points;
            }).orElse(List.of());
            case AlchemyItem.Mood mood -> moods.centroid(model, mood.name())
                    .map(c -> List.of(new AnchorPoint(item, c.vector(), 1, mood.name()))).orElse(List.of());
            case AlchemyItem.Playlist playlist -> throw new ValidationException(Violation.of(NO_PLAYLISTS,
                    "value_error", "body", "playlist"));
        };
    }
}
