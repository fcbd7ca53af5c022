/**
 * Artists: the library's artists (album artist preferred), their songs, each artist's songs summarised as a
 * centroid or a small Gaussian mixture in a model's space, and artists ranked by the distance between those.
 */
package dev.sonority.api.discovery.artists;
