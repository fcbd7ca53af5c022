/** Bench programs for decoding speed (realtime factor per format) and tag-reading throughput. */
package dev.sonority.bench.decode;
