/** Per-song, per-model analysis state: what was requested, what completed, what failed and why. */
package dev.sonority.model.analysis;
