package dev.sonority.api.discovery.alchemy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code POST /api/v1/alchemy}, as sent; {@link AlchemyRequests} checks it.
 *
 * @param add what the results should be near (at least one item)
 * @param subtract what they should keep away from
 * @param n how many songs (1..500, default 50)
 * @param temperature softmax temperature of the draw (>= 0, default 1; 0: the n nearest, no randomness)
 * @param subtractDistance a candidate closer than this angular distance to a subtracted point is dropped
 *     (0..1, default 0.2)
 * @param seed makes a draw reproducible; absent: a random seed, returned in the answer
 */
public record AlchemyBody(
        @Schema(description = "items the results should be near; at least one") List<Item> add,
        @Schema(description = "items the results should keep away from") List<Item> subtract,
        @Schema(description = "how many songs", minimum = "1", maximum = "500", defaultValue = "50") Integer n,
        @Schema(description = "softmax temperature of the draw; 0 gives the n nearest", minimum = "0",
                defaultValue = "1.0") Double temperature,
        @Schema(description = "a candidate closer than this angular distance (arccos(cos)/pi) to a subtracted point is"
                + " dropped", minimum = "0", maximum = "1", defaultValue = "0.2") Double subtractDistance,
        @Schema(description = "makes a draw reproducible; the answer carries the seed used") Long seed) {

    /**
     * One item: exactly one of the fields.
     *
     * @param song a song, by its path as MPD names it
     * @param artist an artist, by name (case and Unicode form ignored); its songs as a centroid, or as the
     *     components of a Gaussian mixture when it has many
     * @param mood a MusiCNN mood (the centroid of the songs strong in it)
     * @param playlist a saved playlist, by id: its songs summarised like an artist's, and left out of the answer
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String song, String artist, String mood, Long playlist) {
    }
}
