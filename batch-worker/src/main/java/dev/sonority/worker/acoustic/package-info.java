/**
 * Library-wide standardisation of the {@code acoustic_features} model: the statistics every acoustic search
 * vector is z-scored with, and the re-vectorise job that recomputes them and rewrites every stored search vector
 * from the stored raw values (no decoding) when the library has drifted from them.
 */
package dev.sonority.worker.acoustic;
