/**
 * Pieces the embedding models (clap, mert, muq, muq_mulan, text_minilm) share: window layout over a track,
 * vector pooling (the L2 normalisation after it is common-contract's Vectors), and a batch function for float-tensor graphs. Depends on {@code spi},
 * {@code runtime} and {@code batching} only.
 */
package dev.sonority.inference.embedding;
