package dev.sonority.api.instant.tools;

import java.util.List;

/**
 * What a planner made of a prompt: the searches it ran, in order, a title, and an explanation for a person.
 *
 * @param planner {@code rules}, or the language model's provider ({@code openai}, {@code ollama})
 * @param askedArtists artists the prompt asked for by name: the per-artist cap does not apply to them
 */
public record Plan(String planner, List<Search> searches, String title, String explanation, List<String> askedArtists) {

    public Plan {
        searches = List.copyOf(searches);
        askedArtists = List.copyOf(askedArtists);
    }
}
