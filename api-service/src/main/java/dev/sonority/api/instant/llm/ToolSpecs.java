package dev.sonority.api.instant.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.sonority.contract.models.MusicnnLabels;
import java.util.List;

/**
 * The four tools as the model sees them (JSON Schema of each one's arguments), mirroring what
 * {@code ToolArguments} accepts: that class, not this description, decides what runs.
 */
final class ToolSpecs {

    static final List<ToolSpecification> ALL = List.of(
            ToolSpecification.builder().name("text_search")
                    .description("Songs whose sound or description matches a text, such as 'rainy night piano' or"
                            + " 'songs for a long drive'. Optional constraints narrow the search.")
                    .parameters(constraints(JsonObjectSchema.builder()
                            .addStringProperty("query", "what to search for, in a few words")).required("query")
                            .build())
                    .build(),
            ToolSpecification.builder().name("similar_songs")
                    .description("Songs that sound like the named songs ('Title' or 'Title by Artist') or like the"
                            + " named artists' songs. Optional constraints narrow the search.")
                    .parameters(constraints(JsonObjectSchema.builder()
                            .addProperty("songs", names("song titles, optionally 'Title by Artist'"))
                            .addProperty("artists", names("artist names"))).build())
                    .build(),
            ToolSpecification.builder().name("metadata_search")
                    .description("Songs that meet constraints on artist, genre, years, tempo, key, moods, valence,"
                            + " arousal and duration; at least one constraint.")
                    .parameters(constraints(JsonObjectSchema.builder()).build())
                    .build(),
            ToolSpecification.builder().name("artist_lookup")
                    .description("Artists of the library whose name contains a text, and some of their songs: use it"
                            + " to check how the library spells an artist.")
                    .parameters(JsonObjectSchema.builder().addStringProperty("name", "part of an artist's name")
                            .addIntegerProperty("limit", "most songs to return, 1-200").required("name").build())
                    .build());

    private ToolSpecs() {
    }

    private static JsonObjectSchema.Builder constraints(JsonObjectSchema.Builder schema) {
        return schema
                .addStringProperty("artist", "the artist, as the library spells it")
                .addStringProperty("genre", "a genre, e.g. rock; matches genre tags that contain it as words")
                .addIntegerProperty("year_min", "first release year")
                .addIntegerProperty("year_max", "last release year")
                .addNumberProperty("tempo_min", "lowest tempo in BPM")
                .addNumberProperty("tempo_max", "highest tempo in BPM")
                .addStringProperty("key", "musical key: C, C#, Db, D ... B")
                .addEnumProperty("scale", List.of("major", "minor"))
                .addProperty("moods", JsonArraySchema.builder().description("moods every song must have")
                        .items(JsonEnumSchema.builder().enumValues(MusicnnLabels.MOODS).build()).build())
                .addNumberProperty("valence_min", "lowest valence, 0 (sad) to 1 (happy)")
                .addNumberProperty("valence_max", "highest valence, 0 to 1")
                .addNumberProperty("arousal_min", "lowest arousal, 0 (relaxed) to 1 (aggressive, party)")
                .addNumberProperty("arousal_max", "highest arousal, 0 to 1")
                .addNumberProperty("duration_min", "shortest duration in seconds")
                .addNumberProperty("duration_max", "longest duration in seconds")
                .addIntegerProperty("limit", "most songs to return, 1-200 (default 50)");
    }

    private static JsonArraySchema names(String description) {
        return JsonArraySchema.builder().description(description).items(JsonStringSchema.builder().build()).build();
    }
}
