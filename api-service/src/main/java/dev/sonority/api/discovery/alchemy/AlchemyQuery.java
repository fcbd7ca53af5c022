package dev.sonority.api.discovery.alchemy;

import java.util.List;

/**
 * An alchemy request, checked and resolved to items.
 *
 * @param model the model asked for; null for the configured chain
 * @param seed the seed of the draw (the one given, or a random one)
 */
public record AlchemyQuery(List<AlchemyItem> add, List<AlchemyItem> subtract, int n, double temperature,
        double subtractDistance, long seed, String model) {

    public static final int DEFAULT_N = 50;
    public static final int MAX_N = 500;
    public static final double DEFAULT_TEMPERATURE = 1.0;
    /** AudioMuse-AI's {@code ALCHEMY_SUBTRACT_DISTANCE_ANGULAR}. */
    public static final double DEFAULT_SUBTRACT_DISTANCE = 0.2;
    /** Items per side: each is one to eight points, each point one search of the index. */
    public static final int MAX_ITEMS = 20;
}
