package dev.sonority.api.search;

import java.util.List;

/**
 * Results, the model that produced them (sent as {@code X-Sonority-Model}) and the time spent in the vector
 * store's nearest-neighbour searches (sent as {@code Server-Timing: index}).
 */
record SearchAnswer(String model, List<ScoredSong> results, long indexNanos) {
}
