package dev.sonority.model.analysis;

/**
 * One model's song_analysis row taken by an attempt: the attempt number it was claimed with is the claim's
 * token, so a later check can tell whether another attempt took the row over since.
 */
public record AnalysisClaim(String model, int attempts) {
}
