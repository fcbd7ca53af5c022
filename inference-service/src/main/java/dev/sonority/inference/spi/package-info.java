/**
 * The model SPI: what a hosted model (musicnn, clap, mert, muq, muq_mulan, text_minilm) implements so that the
 * registry can load, run and unload it. Described for implementers in notes/inference-spi.md; kept small and
 * stable. Depends only on {@code runtime} and {@code batching}.
 */
package dev.sonority.inference.spi;
