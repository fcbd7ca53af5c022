/**
 * Discovery over the vectors the index holds: song paths, alchemy, artists and moods. Every feature chooses its
 * model through the search package's fallback chain and shows songs with its fields.
 */
package dev.sonority.api.discovery;
