/** Tests of the embedded vector index: recall against brute force, consistency, snapshots. */
package dev.sonority.api.index;
