package dev.sonority.api.search;

import java.util.List;

/** Results and the model that produced them (sent as {@code X-Sonority-Model}). */
record SearchAnswer(String model, List<ScoredSong> results) {
}
