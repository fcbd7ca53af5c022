/** Effects on songs shared by several jobs: invalidating stale analyses and announcing vector changes. */
package dev.sonority.worker.songs;
