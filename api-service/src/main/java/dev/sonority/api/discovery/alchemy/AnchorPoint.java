package dev.sonority.api.discovery.alchemy;

/**
 * One point of an item in a model's space: a song's vector, one component of an artist's summary, a mood's
 * centroid.
 *
 * @param weight the share of its item the point stands for (1 for a song or a mood)
 * @param label what the point is, for the drawing ("Björk, part 2 of 3")
 */
public record AnchorPoint(AlchemyItem item, float[] vector, double weight, String label) {
}
