package dev.sonority.api.discovery.path;

/**
 * A path request, validated.
 *
 * @param steps how many songs the path has, the two end songs included (2..200)
 * @param model the model asked for; null for the configured chain
 */
public record PathQuery(PathEnd from, PathEnd to, int steps, String model, PathRules rules) {

    public static final int DEFAULT_STEPS = 25;
    public static final int MIN_STEPS = 2;
    public static final int MAX_STEPS = 200;
    public static final int DEFAULT_MAX_PER_ARTIST = 3;
    /** AudioMuse-AI's {@code DUPLICATE_DISTANCE_THRESHOLD_COSINE} for angular paths. */
    public static final double DEFAULT_DUPLICATE_DISTANCE = 0.01;
}
