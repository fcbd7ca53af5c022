/** Tests of the dynamic batcher: joining concurrent callers, order, out-of-memory retries, failures. */
package dev.sonority.inference.batching;
