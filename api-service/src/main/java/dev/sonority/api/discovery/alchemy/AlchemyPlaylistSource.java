package dev.sonority.api.discovery.alchemy;

import dev.sonority.api.playlistsource.PlaylistSource;
import dev.sonority.api.playlistsource.SourceRequest;
import dev.sonority.api.search.QueryParameters;
import dev.sonority.api.web.ValidationException;
import dev.sonority.contract.models.ModelName;
import dev.sonority.web.JsonBodyErrors;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code alchemy} playlist source: {@code {"from": {"alchemy": {"add": [...], ...}}}} saves the songs
 * {@code POST /api/v1/alchemy} answers for the same body, plus {@code model} (the endpoint's query parameter).
 * Give a {@code seed} (or {@code temperature} 0) to save exactly a draw seen before; without one the draw is
 * random, and the saved request keeps what was sent.
 */
@Component
class AlchemyPlaylistSource implements PlaylistSource {

    static final String NAME = "alchemy";
    private static final List<String> FIELDS = List.of("add", "subtract", "n", "temperature", "subtract_distance",
            "seed", "model");

    private final AlchemyRequests requests;
    private final Alchemy alchemy;
    private final JsonMapper json;

    AlchemyPlaylistSource(AlchemyRequests requests, Alchemy alchemy, JsonMapper json) {
        this.requests = requests;
        this.alchemy = alchemy;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result run(JsonNode sent) {
        SourceRequest request = SourceRequest.of(NAME, sent, FIELDS, "{\"add\": [{\"song\": PATH}]}");
        ObjectNode body = ((ObjectNode) sent).deepCopy();
        body.remove("model");
        AlchemyBody parsed;
        try {
            parsed = json.treeToValue(body, AlchemyBody.class);
        } catch (JacksonException e) {
            throw request.invalid("The alchemy request has " + JsonBodyErrors.describe(e), "value_error");
        }
        try {
            AlchemyQuery query = requests.query(parsed, QueryParameters.model(request.text("model"),
                    ModelName.apiNames(), null, "model"));
            Alchemy.Answered answered = alchemy.blend(query);
            return new Result(answered.songIds(), answered.answer().model());
        } catch (ValidationException e) {
            throw request.relocated(e);
        }
    }
}
