/**
 * Dynamic batching: items (windows, texts) of concurrent requests for one graph are joined into runs of up to
 * {@code INFERENCE_BATCH_MAX} items within {@code INFERENCE_BATCH_WAIT}; out-of-memory runs are retried in
 * halves, then on the CPU.
 */
package dev.sonority.inference.batching;
