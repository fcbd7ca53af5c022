/**
 * {@code ./sonority bench acoustic-real}: the acoustic model on real recordings (issue 17), measured against
 * Essentia on the development set that {@code bench/real-music/fetch.sh} builds and {@code reference.js} labels.
 * Nothing here runs in CI: the set is a download.
 */
@NullMarked
package dev.sonority.bench.realmusic;

import org.jspecify.annotations.NullMarked;
