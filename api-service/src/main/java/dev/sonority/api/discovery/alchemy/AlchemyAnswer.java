package dev.sonority.api.discovery.alchemy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.sonority.api.search.SongFields;
import java.util.List;

/**
 * {@code POST /api/v1/alchemy}'s answer.
 *
 * @param model the model that answered (also in {@code X-Sonority-Model})
 * @param seed the seed of the draw: sent back, it draws the same songs again
 * @param songs the songs drawn, in drawing order
 * @param points the ADD and SUBTRACT points, placed in the same 2-D projection as the songs
 * @param projection how the 2-D coordinates were made ({@code pca})
 * @param filteredOut how many candidates were dropped for being within {@code subtract_distance} of a SUBTRACT point
 * @param message present when the list is empty or shorter than asked, saying why
 */
public record AlchemyAnswer(String model, long seed, double temperature, List<Song> songs, List<Point> points,
        String projection, int filteredOut, @JsonInclude(JsonInclude.Include.NON_NULL) String message) {

    /**
     * @param distance the angular distance to the nearest ADD point
     * @param x first coordinate of the projection
     * @param y second coordinate
     */
    public record Song(@JsonUnwrapped SongFields song, double distance, double x, double y) {
    }

    /**
     * @param side {@code add} or {@code subtract}
     * @param item the item as it was named in the request
     * @param label the point ("Björk, part 2 of 3", a song's path, a mood)
     * @param weight the share of its item the point stands for
     */
    public record Point(String side, AlchemyBody.Item item, String label, double weight, double x, double y) {
    }
}
