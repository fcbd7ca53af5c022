package dev.sonority.api.discovery.alchemy;

import dev.sonority.api.search.QueryParameters;
import dev.sonority.api.search.SearchResponses;
import dev.sonority.contract.models.ModelName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/alchemy}: songs near a blend of songs, artists and moods and away from others. Problem
 * details for errors: 422 for a body that is not valid ({@link AlchemyRequests}), 404 for an unknown song or
 * artist or no model with vectors of every item.
 */
@RestController
public class AlchemyController {

    private final AlchemyRequests requests;
    private final Alchemy alchemy;

    AlchemyController(AlchemyRequests requests, Alchemy alchemy) {
        this.requests = requests;
        this.alchemy = alchemy;
    }

    @Operation(summary = "Song alchemy: candidates near the ADD items, minus those within subtract_distance of a"
            + " SUBTRACT item, drawn by softmax sampling at a temperature; with a 2-D projection (PCA) of the items'"
            + " points and the songs. Items: {\"song\": PATH}, {\"artist\": NAME}, {\"mood\": NAME},"
            + " {\"playlist\": ID} (its songs summarised like an artist's, and left out of the answer)")
    @PostMapping("/api/v1/alchemy")
    public ResponseEntity<AlchemyAnswer> alchemy(@RequestBody(required = false) AlchemyBody body,
            @Parameter(description = "model to use; the fallback chain follows (X-Sonority-Model names the one that"
                    + " answered)") @RequestParam(required = false) String model) {
        long start = System.nanoTime();
        AlchemyQuery query = requests.query(body, QueryParameters.model(model, ModelName.apiNames(), null, "model"));
        Alchemy.Answered answered = alchemy.blend(query);
        return SearchResponses.withModel(answered.answer().model(), answered.indexNanos(), start, answered.answer());
    }
}
