/**
 * The worker's side of the inference service: which deep models it has installed, one request per song
 * and sample rate carrying the audio for every model that needs that rate, and the text vector of each
 * song's metadata that text search falls back to. Reached only over HTTP (docs/architecture.md).
 */
package dev.sonority.worker.inference;
