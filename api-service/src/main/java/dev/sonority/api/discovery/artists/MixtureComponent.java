package dev.sonority.api.discovery.artists;

/**
 * One part of an artist's summary: a unit direction in a model's space and the share of the artist's songs it
 * stands for.
 */
public record MixtureComponent(float[] vector, double weight) {
}
