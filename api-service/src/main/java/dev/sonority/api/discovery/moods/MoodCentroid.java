package dev.sonority.api.discovery.moods;

import java.util.Set;

/**
 * Where a mood lies in one model's space.
 *
 * @param mood its name
 * @param vector the normalised mean of the search vectors of the songs strong in it
 * @param songs those songs (the ones with a vector of the model)
 */
public record MoodCentroid(String mood, float[] vector, Set<Long> songs) {
}
