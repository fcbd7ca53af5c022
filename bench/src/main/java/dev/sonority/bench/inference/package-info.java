/** Benches of the inference service through its real jar: MusiCNN cost per track, batching throughput. */
package dev.sonority.bench.inference;
