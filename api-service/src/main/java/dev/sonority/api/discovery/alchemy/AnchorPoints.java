package dev.sonority.api.discovery.alchemy;

import dev.sonority.api.discovery.artists.ArtistSummaries;
import dev.sonority.api.discovery.artists.MixtureComponent;
import dev.sonority.api.discovery.moods.MoodCentroids;
import dev.sonority.model.vector.store.VectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The points of items in one model's space. */
@Component
class AnchorPoints {

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
            case AlchemyItem.ArtistItem artist -> artists.of(model, artist.artist())
                    .map(summary -> parts(item, summary, artist.artist().name())).orElse(List.of());
            case AlchemyItem.Mood mood -> moods.centroid(model, mood.name())
                    .map(c -> List.of(new AnchorPoint(item, c.vector(), 1, mood.name()))).orElse(List.of());
            case AlchemyItem.Playlist playlist -> artists.of(model, "playlist:" + playlist.id(), playlist.songs())
                    .map(summary -> parts(item, summary, "playlist " + playlist.name())).orElse(List.of());
        };
    }

    /** A group's summary as points: one per mixture component, labelled "NAME, part i of k" when there are several. */
    private static List<AnchorPoint> parts(AlchemyItem item, ArtistSummaries.Summary summary, String name) {
        List<MixtureComponent> parts = summary.components();
        List<AnchorPoint> points = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            points.add(new AnchorPoint(item, parts.get(i).vector(), parts.get(i).weight(),
                    name + (parts.size() == 1 ? "" : ", part " + (i + 1) + " of " + parts.size())));
        }
        return points;
    }
}
